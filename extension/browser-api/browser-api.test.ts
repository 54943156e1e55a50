import { browserStorage, uiLanguage, USER_OPTIONS_KEY, type WebExtensionApi } from './index';

function fakeApi(opts: { managed?: Record<string, unknown> | Error; lang?: string } = {}) {
  const local: Record<string, unknown> = {};
  const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
  const api: WebExtensionApi = {
    storage: {
      managed: {
        get: async () => {
          if (opts.managed instanceof Error) throw opts.managed;
          return opts.managed ?? {};
        },
      },
      local: {
        get: async (k) => (typeof k === 'string' ? (k in local ? { [k]: local[k] } : {}) : { ...local }),
        set: async (items) => {
          Object.assign(local, items);
          for (const l of listeners) l(Object.fromEntries(Object.keys(items).map((key) => [key, {}])), 'local');
        },
      },
      onChanged: { addListener: (cb) => void listeners.push(cb) },
    },
    i18n: { getUILanguage: () => opts.lang ?? 'fr-FR' },
    runtime: { getURL: (p) => `chrome-extension://abc/${p}` },
  };
  return { api, local, listeners };
}

describe('extension storage port', () => {
  it('reads managed policy, and gives {} where the browser has none (Firefox rejects)', async () => {
    await expect(browserStorage(fakeApi({ managed: { mode: 'warn' } }).api).managed()).resolves.toEqual({ mode: 'warn' });
    await expect(browserStorage(fakeApi({ managed: new Error('Managed storage manifest not found') }).api).managed()).resolves.toEqual({});
  });

  it('keeps user options under one key and merges updates', async () => {
    const f = fakeApi();
    const s = browserStorage(f.api);
    await s.setUser({ language: 'en' });
    await s.setUser({ serverUrl: 'https://vigie.chu.fr' });
    expect(f.local[USER_OPTIONS_KEY]).toEqual({ language: 'en', serverUrl: 'https://vigie.chu.fr' });
    await expect(s.user()).resolves.toEqual({ language: 'en', serverUrl: 'https://vigie.chu.fr' });
  });

  it('notifies on managed changes and on user options, not on unrelated local keys', async () => {
    const f = fakeApi();
    const s = browserStorage(f.api);
    const seen: number[] = [];
    s.onChange(() => seen.push(1));
    await f.api.storage.local.set({ other: 1 });
    expect(seen).toHaveLength(0);
    await s.setUser({ language: 'fr' });
    f.listeners.forEach((l) => l({ mode: {} }, 'managed'));
    expect(seen).toHaveLength(2);
  });

  it('speaks French unless the browser is clearly English', () => {
    expect(uiLanguage(fakeApi({ lang: 'en-GB' }).api)).toBe('en');
    expect(uiLanguage(fakeApi({ lang: 'fr' }).api)).toBe('fr');
    expect(uiLanguage(fakeApi({ lang: 'de' }).api)).toBe('fr');
  });
});
