// Effective settings, the same in every host: each key of the one org policy schema is taken from the IT policy
// (managed storage, policies.json `3rdparty`, the companion server's /policy.json) when valid there, else from the
// user's options when valid there, else the default. A value that does not conform to the schema is dropped whole and
// reported with where it came from: never half-applied, never fatal.
import type { Language } from '../model';
import { defaultPolicy, policySchema, type OrgPolicy } from '../config/policy';
import { languageOf } from '../i18n/messages';
import { conforms, type SchemaNode } from './conform';

export type SettingSource = 'managed' | 'user';

export interface SettingProblem {
  key: string;
  source: SettingSource;
  reason: 'invalid value' | 'unknown setting';
}

export interface EffectiveSettings {
  /** Every key of the org policy, client keys included. */
  policy: OrgPolicy;
  /** The companion server with a trailing slash; empty when none is configured. */
  serverUrl: string;
  organisation: string;
  language: 'auto' | 'fr' | 'en';
  /** Keys IT set: read-only in the options pages. */
  locked: string[];
  /** Values refused, and where they came from. */
  problems: SettingProblem[];
}

const root = policySchema as unknown as SchemaNode;
const nodes = new Map(Object.entries(root.properties ?? {}).filter(([k]) => k !== '$schema'));

export const SETTING_KEYS: readonly string[] = [...nodes.keys()];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Merges the layers key by key: IT policy, then user, then defaults. Objects keep the defaults of sub-keys left out. */
export function effectiveSettings(managed: unknown, user: unknown): EffectiveSettings {
  const layers: [SettingSource, Record<string, unknown>][] = [
    ['managed', isObject(managed) ? managed : {}],
    ['user', isObject(user) ? user : {}],
  ];
  const base = defaultPolicy() as unknown as Record<string, unknown>;
  const chosen: Record<string, unknown> = { ...base };
  const locked: string[] = [];
  const problems: SettingProblem[] = [];
  for (const [key, node] of nodes) {
    for (const [source, layer] of layers) {
      const value = layer[key];
      if (value === undefined) continue;
      if (!conforms(value, node, root)) {
        problems.push({ key, source, reason: 'invalid value' });
        continue;
      }
      const def = base[key];
      chosen[key] = isObject(def) && isObject(value) ? { ...def, ...value } : value;
      if (source === 'managed') locked.push(key);
      break;
    }
  }
  for (const [source, layer] of layers)
    for (const key of Object.keys(layer)) if (!nodes.has(key) && key !== '$schema') problems.push({ key, source, reason: 'unknown setting' });
  const policy = chosen as unknown as OrgPolicy;
  return {
    policy,
    serverUrl: policy.serverUrl ? policy.serverUrl.replace(/\/?$/, '/') : '',
    organisation: policy.organisation ?? '',
    language: policy.language,
    locked,
    problems,
  };
}

/**
 * The user's choices as they may be saved: locked keys dropped (the organisation's value applies anyway), and every
 * value checked; one bad value refuses the whole save so that nothing is half-saved.
 */
export function userSettingsToSave(
  values: Record<string, unknown>,
  locked: readonly string[],
): { ok: true; values: Record<string, unknown> } | { ok: false; errors: { key: string; reason: SettingProblem['reason'] }[] } {
  const out: Record<string, unknown> = {};
  const errors: { key: string; reason: SettingProblem['reason'] }[] = [];
  for (const [key, value] of Object.entries(values)) {
    const node = nodes.get(key);
    if (!node) errors.push({ key, reason: 'unknown setting' });
    else if (locked.includes(key)) continue;
    else if (conforms(value, node, root)) out[key] = value;
    else errors.push({ key, reason: 'invalid value' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, values: out };
}

/** The language to show: the setting, or the host's UI language when `auto` (French unless clearly English). */
export function languageFor(settings: Pick<EffectiveSettings, 'language'>, uiLanguage: string | undefined): Language {
  return settings.language === 'auto' ? languageOf(uiLanguage) : settings.language;
}
