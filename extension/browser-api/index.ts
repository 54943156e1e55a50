/**
 * Ports over the WebExtension APIs (`browser.*` through webextension-polyfill), shared by the webmail extension
 * (Chrome, Edge, Firefox) and the Thunderbird MailExtension. Host-neutral: nothing here knows a provider or a rule.
 *
 * Exports:
 * - `ExtensionStorage`: `managed()` (IT policy; `{}` where the browser has none), `user()` / `setUser(patch)` (user
 *   options in storage.local), `onChange(cb)` (either area changed).
 * - `browserStorage(api?)`: the ExtensionStorage over `browser.storage`.
 * - `uiLanguage(api?)`: 'fr' | 'en' from the browser's UI language (French unless clearly English).
 * - `extensionUrl(path, api?)`: absolute URL of a packaged file.
 * - `getBrowser()`: the polyfilled `browser` namespace (loaded lazily, so unit tests can pass a fake instead).
 * - `WebExtensionApi`: the narrow slice of `browser.*` these ports use (what a fake must provide).
 */
import type { Browser } from 'webextension-polyfill';

type Json = Record<string, unknown>;

/** The slice of `browser.*` the ports use. */
export interface WebExtensionApi {
  storage: {
    managed: { get(keys?: null | string | string[]): Promise<Json> };
    local: { get(keys?: null | string | string[]): Promise<Json>; set(items: Json): Promise<void> };
    onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void };
  };
  i18n: { getUILanguage(): string };
  runtime: { getURL(path: string): string };
}

let cached: Browser | undefined;
/** The polyfilled `browser` namespace. Only call this inside an extension context. */
export function getBrowser(): Browser {
  // The polyfill throws outside an extension; requiring it lazily keeps unit tests free of it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached ??= require('webextension-polyfill') as Browser;
  return cached;
}

const api = (given?: WebExtensionApi): WebExtensionApi => given ?? (getBrowser() as unknown as WebExtensionApi);

/** Where user options are kept in storage.local. */
export const USER_OPTIONS_KEY = 'vigie.options';

export interface ExtensionStorage {
  managed(): Promise<Json>;
  user(): Promise<Json>;
  setUser(patch: Json): Promise<void>;
  onChange(cb: () => void): void;
}

export function browserStorage(given?: WebExtensionApi): ExtensionStorage {
  return {
    async managed() {
      try {
        const m = await api(given).storage.managed.get(null);
        return m && typeof m === 'object' ? m : {};
      } catch {
        // Firefox rejects when no policy was deployed; Chrome may too before its policy service is up.
        return {};
      }
    },
    async user() {
      try {
        const all = await api(given).storage.local.get(USER_OPTIONS_KEY);
        const v = all[USER_OPTIONS_KEY];
        return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
      } catch {
        return {};
      }
    },
    async setUser(patch) {
      const current = await this.user();
      await api(given).storage.local.set({ [USER_OPTIONS_KEY]: { ...current, ...patch } });
    },
    onChange(cb) {
      api(given).storage.onChanged.addListener((changes, area) => {
        if (area === 'managed' || (area === 'local' && USER_OPTIONS_KEY in changes)) cb();
      });
    },
  };
}

export function uiLanguage(given?: WebExtensionApi): 'fr' | 'en' {
  try {
    return /^en\b/i.test(api(given).i18n.getUILanguage()) ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function extensionUrl(path: string, given?: WebExtensionApi): string {
  return api(given).runtime.getURL(path);
}
