import { browserStorage, USER_OPTIONS_KEY, type WebExtensionApi } from '../browser-api';
import { defaultPolicy } from '../../shared/config/policy';
import { loadSettings, mergeSettings, saveUserSettings } from './settings';
import { memoryArea } from './testing/fake-thunderbird';

function storageWith(managed: Record<string, unknown> | 'none', local: Record<string, unknown> = {}) {
  const localArea = memoryArea({ [USER_OPTIONS_KEY]: local });
  const api = {
    storage: { managed: managed === 'none' ? memoryArea({}, { throwOnGet: 'Managed storage manifest not found' }) : memoryArea(managed), local: localArea, onChanged: { addListener: () => undefined } },
    i18n: { getUILanguage: () => 'fr-FR' },
    runtime: { getURL: (p: string) => p },
  } as unknown as WebExtensionApi;
  return { storage: browserStorage(api), localArea };
}

describe('settings: IT policy, then the user, then defaults', () => {
  it('gives the defaults when there is no policy (Thunderbird throws) and nothing saved', async () => {
    const { storage } = storageWith('none');
    expect(await loadSettings(storage)).toEqual({ settings: { policy: defaultPolicy(), serverUrl: '', organisation: '', language: 'auto' }, locked: [], problems: [] });
  });

  it('reads the organisation policy IT deploys to every host, and locks what it sets', () => {
    const r = mergeSettings(
      { mode: 'warn', internalDomains: ['chu-exemple.fr'], whitelist: { serverUrl: 'https://vigie.chu-exemple.fr/api/liste-blanche' }, documents: { productReference: 'REF-1' }, serverUrl: 'https://vigie.chu-exemple.fr' },
      { mode: 'block', language: 'en', serverUrl: 'https://elsewhere.example/' },
    );
    expect(r.settings.policy).toMatchObject({ mode: 'warn', internalDomains: ['chu-exemple.fr'], whitelist: { maxAgeDays: 7, serverUrl: 'https://vigie.chu-exemple.fr/api/liste-blanche' }, documents: { productReference: 'REF-1', operatorSizeLimitMB: 20 } });
    expect(r.settings.serverUrl).toBe('https://vigie.chu-exemple.fr/');
    expect(r.settings.language).toBe('en');
    expect(r.locked.sort()).toEqual(['documents', 'internalDomains', 'mode', 'serverUrl', 'whitelist']);
  });

  it('drops a bad value (reported with where it came from) and falls back, never failing', () => {
    const r = mergeSettings({ serverUrl: 'http://vigie.chu-exemple.fr', mode: 'sometimes', colour: 'red' }, { serverUrl: 'https://ok.example', internalDomains: ['not a domain!'] });
    expect(r.settings.serverUrl).toBe('https://ok.example/');
    expect(r.settings.policy.mode).toBe('block');
    expect(r.settings.policy.internalDomains).toEqual([]);
    expect(r.locked).toEqual([]);
    expect(r.problems).toEqual([
      { key: 'mode', source: 'managed', reason: 'invalid value' },
      { key: 'internalDomains', source: 'local', reason: 'invalid value' },
      { key: 'serverUrl', source: 'managed', reason: 'invalid value' },
      { key: 'colour', source: 'managed', reason: 'unknown setting' },
    ]);
  });

  it('takes http:// only for a server on this machine', () => {
    expect(mergeSettings({}, { serverUrl: 'http://127.0.0.1:8443' }).settings.serverUrl).toBe('http://127.0.0.1:8443/');
    expect(mergeSettings({}, { serverUrl: 'http://10.0.0.2/' }).problems).toEqual([{ key: 'serverUrl', source: 'local', reason: 'invalid value' }]);
  });

  it('saves the user’s choices but never a locked key, and refuses a bad value without saving anything', async () => {
    const { storage, localArea } = storageWith({ serverUrl: 'https://vigie.chu-exemple.fr/' });
    const { locked } = await loadSettings(storage);
    expect(await saveUserSettings(storage, { serverUrl: 'https://mine.example/', mode: 'warn' }, locked)).toEqual({ ok: true });
    expect(localArea.data[USER_OPTIONS_KEY]).toEqual({ mode: 'warn' });
    expect((await loadSettings(storage)).settings).toMatchObject({ serverUrl: 'https://vigie.chu-exemple.fr/', policy: { mode: 'warn' } });
    expect(await saveUserSettings(storage, { mode: 'never', language: 'fr' }, locked)).toEqual({ ok: false, errors: [{ key: 'mode', reason: 'invalid value' }] });
    expect(localArea.data[USER_OPTIONS_KEY]).toEqual({ mode: 'warn' });
  });
});
