import { DEFAULT_SETTINGS, USER_KEY, loadSettings, mergeSettings, saveUserSettings, thunderbirdSettingsStorage } from './settings';
import { memoryArea } from './testing/fake-thunderbird';

describe('settings: policy, then the user, then defaults', () => {
  it('gives the defaults when there is no policy (Thunderbird throws) and nothing saved', async () => {
    const storage = thunderbirdSettingsStorage({ managed: memoryArea({}, { throwOnGet: 'Managed storage manifest not found' }), local: memoryArea() });
    expect(await loadSettings(storage)).toEqual({ settings: DEFAULT_SETTINGS, locked: [], problems: [] });
  });

  it('takes IT policy values over the user’s and locks them', () => {
    const r = mergeSettings({ serverUrl: 'https://vigie.chu-exemple.fr', mode: 'block' }, { serverUrl: 'https://elsewhere.example', mode: 'warn', language: 'en' });
    expect(r.settings).toMatchObject({ serverUrl: 'https://vigie.chu-exemple.fr/', mode: 'block', language: 'en' });
    expect(r.locked).toEqual(['serverUrl', 'mode']);
  });

  it('skips a bad value with its reason and falls back, never failing', () => {
    const r = mergeSettings({ serverUrl: 'http://vigie.chu-exemple.fr', mode: 'sometimes', colour: 'red' }, { serverUrl: 'https://ok.example/', internalDomains: 'chu.fr, *.ght.fr' });
    expect(r.settings.serverUrl).toBe('https://ok.example/');
    expect(r.settings.mode).toBe('block');
    expect(r.settings.internalDomains).toEqual(['chu.fr', '*.ght.fr']);
    expect(r.locked).toEqual([]);
    expect(r.problems).toEqual([
      { key: 'serverUrl', source: 'managed', reason: 'must be https:// (http:// only on this machine)' },
      { key: 'mode', source: 'managed', reason: 'must be "block" or "warn"' },
      { key: 'colour', source: 'managed', reason: 'unknown setting' },
    ]);
  });

  it('accepts http:// only for a server on this machine', () => {
    expect(mergeSettings({}, { serverUrl: 'http://127.0.0.1:8443' }).settings.serverUrl).toBe('http://127.0.0.1:8443/');
    expect(mergeSettings({}, { serverUrl: 'http://10.0.0.2/' }).problems).toHaveLength(1);
  });

  it('saves the user’s choices but never a locked key, and refuses a bad value without saving anything', async () => {
    const local = memoryArea();
    const storage = thunderbirdSettingsStorage({ managed: memoryArea({ serverUrl: 'https://vigie.chu-exemple.fr/' }), local });
    const ok = await saveUserSettings(storage, { serverUrl: 'https://mine.example/', mode: 'warn' });
    expect(ok.ok).toBe(true);
    expect(local.data[USER_KEY]).toEqual({ mode: 'warn' });
    if (ok.ok) expect(ok.loaded.settings).toMatchObject({ serverUrl: 'https://vigie.chu-exemple.fr/', mode: 'warn' });
    const bad = await saveUserSettings(storage, { mode: 'never', language: 'fr' });
    expect(bad).toEqual({ ok: false, errors: [{ key: 'mode', reason: 'must be "block" or "warn"' }] });
    expect(local.data[USER_KEY]).toEqual({ mode: 'warn' });
  });
});
