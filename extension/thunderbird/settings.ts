// Settings, key by key: what IT set in the Thunderbird policy (policies.json `3rdparty`, read as storage.managed) wins
// and is locked; then what the user chose on the options page (storage.local); then the defaults. The keys are the organisation policy's (the same JSON IT
// deploys to every host) plus the few the Thunderbird extension adds. A bad value is dropped and reported, never fatal.
import { defaultPolicy, policySchema, type OrgPolicy } from '../../shared/config/policy';
import { conforms, type SchemaNode } from '../webmail/settings/conform';
import type { ExtensionStorage } from '../browser-api';

export interface VigieSettings {
  policy: OrgPolicy;
  /** The companion server with a trailing slash; empty: no server (no directory search, no DI documents). */
  serverUrl: string;
  organisation: string;
  language: 'auto' | 'fr' | 'en';
}

export type SettingSource = 'managed' | 'local';

export interface LoadedSettings {
  settings: VigieSettings;
  /** Keys set by IT policy: read-only on the options page. */
  locked: string[];
  /** Values that were refused, and where they came from. */
  problems: { key: string; source: SettingSource; reason: string }[];
}

/** The key under which the options page stores the user's choices (the same as the webmail extension's). */
export const USER_KEY = 'vigie.options';

const policyRoot = policySchema as unknown as SchemaNode;

function settingNodes(): [string, SchemaNode, SchemaNode][] {
  const out: [string, SchemaNode, SchemaNode][] = [];
  for (const [k, n] of Object.entries(policyRoot.properties ?? {})) if (k !== '$schema') out.push([k, n, policyRoot]);
  return out;
}

export const SETTING_KEYS = settingNodes().map(([k]) => k);

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Merges the layers key by key (first valid value wins; objects keep the defaults of the sub-keys they leave out). */
export function mergeSettings(managed: Record<string, unknown>, local: Record<string, unknown>): LoadedSettings {
  const base = defaultPolicy() as unknown as Record<string, unknown>;
  const chosen: Record<string, unknown> = { ...base, language: 'auto' };
  const locked: string[] = [];
  const problems: LoadedSettings['problems'] = [];
  const layers: [SettingSource, Record<string, unknown>][] = [['managed', managed], ['local', local]];
  for (const [key, node, root] of settingNodes()) {
    for (const [source, layer] of layers) {
      if (!(key in layer) || layer[key] === undefined) continue;
      if (!conforms(layer[key], node, root)) {
        problems.push({ key, source, reason: 'invalid value' });
        continue;
      }
      const def = base[key];
      chosen[key] = isObject(def) && isObject(layer[key]) ? { ...def, ...(layer[key] as object) } : layer[key];
      if (source === 'managed') locked.push(key);
      break;
    }
  }
  for (const key of Object.keys(managed)) if (!SETTING_KEYS.includes(key)) problems.push({ key, source: 'managed', reason: 'unknown setting' });
  // The clients' keys are part of the org policy too; they are also given apart, typed for the extension.
  const { serverUrl = '', organisation = '', language } = chosen as Record<string, unknown> & { serverUrl?: string; organisation?: string; language: VigieSettings['language'] };
  return {
    settings: { policy: chosen as unknown as OrgPolicy, serverUrl: serverUrl ? serverUrl.replace(/\/?$/, '/') : '', organisation, language },
    locked,
    problems,
  };
}

export async function loadSettings(storage: ExtensionStorage): Promise<LoadedSettings> {
  const [managed, local] = await Promise.all([storage.managed().catch(() => ({})), storage.user().catch(() => ({}))]);
  return mergeSettings(managed, local);
}

/**
 * Saves the user's choices. Locked keys are dropped (the organisation's value applies anyway); a bad value is refused
 * and nothing is saved.
 */
export async function saveUserSettings(storage: ExtensionStorage, values: Record<string, unknown>, locked: readonly string[]): Promise<{ ok: true } | { ok: false; errors: { key: string; reason: string }[] }> {
  const out: Record<string, unknown> = {};
  const errors: { key: string; reason: string }[] = [];
  const nodes = new Map(settingNodes().map(([k, n, r]) => [k, [n, r] as const]));
  for (const [key, value] of Object.entries(values)) {
    const node = nodes.get(key);
    if (!node) {
      errors.push({ key, reason: 'unknown setting' });
      continue;
    }
    if (locked.includes(key)) continue;
    if (conforms(value, node[0], node[1])) out[key] = value;
    else errors.push({ key, reason: 'invalid value' });
  }
  if (errors.length) return { ok: false, errors };
  await storage.setUser(out);
  return { ok: true };
}
