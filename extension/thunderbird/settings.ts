// Settings: what IT sets through the Thunderbird policy (policies.json `3rdparty`, read as storage.managed) wins and
// is locked; then what the user chose on the options page (storage.local); then the defaults.
import type { StorageArea } from './messenger';

export interface VigieSettings {
  /** The companion server (directory, DI documents); empty: no server, the directory search is off. */
  serverUrl: string;
  /** `block`: sends outside MSSanté are stopped; `warn`: the user may confirm and send. */
  mode: 'block' | 'warn';
  /** `auto` follows Thunderbird's language. */
  language: 'auto' | 'fr' | 'en';
  /** Domains of the organisation's own (non-MSSanté) mail. */
  internalDomains: string[];
  /** Text appended to every warning (who to call). */
  helpdesk: string;
  /** The organisation named as sender in DI document packages (INDEX.HTM, README.TXT). */
  organisation: string;
  /** The product reference sent as X-MSS-NIL with DI documents (given by the operator at registration). */
  productReference: string;
}

export type SettingKey = keyof VigieSettings;

export const DEFAULT_SETTINGS: VigieSettings = { serverUrl: '', mode: 'block', language: 'auto', internalDomains: [], helpdesk: '', organisation: '', productReference: '' };

export interface LoadedSettings {
  settings: VigieSettings;
  /** Keys set by IT policy: shown read-only, never taken from the user's options. */
  locked: SettingKey[];
  /** Values that were refused, with why (never fatal: the default or the user's value is used instead). */
  problems: { key: string; source: 'managed' | 'local'; reason: string }[];
}

const KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];
/** The key under which the options page stores the user's choices (the same as the webmail extension's). */
export const USER_KEY = 'vigie.options';

function checkValue(key: SettingKey, value: unknown): { ok: true; value: VigieSettings[SettingKey] } | { ok: false; reason: string } {
  switch (key) {
    case 'serverUrl': {
      if (typeof value !== 'string') return { ok: false, reason: 'must be a string' };
      const v = value.trim();
      if (v === '') return { ok: true, value: '' };
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        return { ok: false, reason: 'not a URL' };
      }
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
      if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) return { ok: false, reason: 'must be https:// (http:// only on this machine)' };
      return { ok: true, value: u.toString().replace(/\/?$/, '/') };
    }
    case 'mode':
      return value === 'block' || value === 'warn' ? { ok: true, value } : { ok: false, reason: 'must be "block" or "warn"' };
    case 'language':
      return value === 'auto' || value === 'fr' || value === 'en' ? { ok: true, value } : { ok: false, reason: 'must be "auto", "fr" or "en"' };
    case 'internalDomains': {
      const list = typeof value === 'string' ? value.split(/[\s,;]+/) : value;
      if (!Array.isArray(list) || !list.every((d) => typeof d === 'string')) return { ok: false, reason: 'must be a list of domains' };
      const clean = list.map((d: string) => d.trim().toLowerCase()).filter(Boolean);
      const bad = clean.find((d) => !/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
      return bad ? { ok: false, reason: `"${bad.slice(0, 60)}" is not a domain` } : { ok: true, value: clean };
    }
    case 'helpdesk':
    case 'organisation':
    case 'productReference':
      return typeof value === 'string' && value.length <= 200 ? { ok: true, value: value.trim() } : { ok: false, reason: 'must be a text of at most 200 characters' };
  }
}

/** Merges managed, then local, then defaults. A bad value is skipped and reported, never fatal. */
export function mergeSettings(managed: Record<string, unknown>, local: Record<string, unknown>): LoadedSettings {
  const settings: VigieSettings = { ...DEFAULT_SETTINGS, internalDomains: [] };
  const locked: SettingKey[] = [];
  const problems: LoadedSettings['problems'] = [];
  const assign = settings as unknown as Record<SettingKey, unknown>;
  for (const key of KEYS) {
    if (key in managed) {
      const r = checkValue(key, managed[key]);
      if (r.ok) {
        assign[key] = r.value;
        locked.push(key);
        continue;
      }
      problems.push({ key, source: 'managed', reason: r.reason });
    }
    if (key in local) {
      const r = checkValue(key, local[key]);
      if (r.ok) assign[key] = r.value;
      else problems.push({ key, source: 'local', reason: r.reason });
    }
  }
  for (const key of Object.keys(managed)) if (!(KEYS as string[]).includes(key)) problems.push({ key, source: 'managed', reason: 'unknown setting' });
  return { settings, locked, problems };
}

/** Where the settings come from: the same shape as the extension storage port of extension/browser-api. */
export interface SettingsStorage {
  managed(): Promise<Record<string, unknown>>;
  user(): Promise<Record<string, unknown>>;
  setUser(patch: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(storage: SettingsStorage): Promise<LoadedSettings> {
  const [managed, local] = await Promise.all([storage.managed().catch(() => ({})), storage.user().catch(() => ({}))]);
  return mergeSettings(managed, local);
}

/**
 * Saves the user's choices. Locked keys are dropped (IT's value applies anyway); a bad value is refused with its
 * reason and nothing is saved.
 */
export async function saveUserSettings(storage: SettingsStorage, values: Partial<Record<SettingKey, unknown>>): Promise<{ ok: true; loaded: LoadedSettings } | { ok: false; errors: { key: string; reason: string }[] }> {
  const { locked } = await loadSettings(storage);
  const out: Record<string, unknown> = {};
  const errors: { key: string; reason: string }[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!(KEYS as string[]).includes(key)) {
      errors.push({ key, reason: 'unknown setting' });
      continue;
    }
    if (locked.includes(key as SettingKey)) continue;
    const r = checkValue(key as SettingKey, value);
    if (r.ok) out[key] = r.value;
    else errors.push({ key, reason: r.reason });
  }
  if (errors.length) return { ok: false, errors };
  await storage.setUser(out);
  return { ok: true, loaded: await loadSettings(storage) };
}

/** The storage port over Thunderbird's storage.managed (policy `3rdparty`) and storage.local. */
export function thunderbirdSettingsStorage(storage: { managed: StorageArea; local: StorageArea & { set(i: Record<string, unknown>): Promise<void> } }): SettingsStorage {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const user = async () => obj((await storage.local.get(USER_KEY))[USER_KEY]);
  return {
    async managed() {
      try {
        return obj(await storage.managed.get(null));
      } catch {
        // No policy at all: Thunderbird throws "Managed storage manifest not found".
        return {};
      }
    },
    user: () => user().catch(() => ({})),
    async setUser(patch) {
      await storage.local.set({ [USER_KEY]: { ...(await user()), ...patch } });
    },
  };
}
