import { browserStorage, USER_OPTIONS_KEY, type WebExtensionApi } from './index';
import { defaultPolicy } from '../../shared/config/policy';
import { loadSettings, saveUserSettings } from './settings';
import { memoryArea } from '../thunderbird/testing/fake-thunderbird';

function storageWith(managed: Record<string, unknown> | 'none', local: Record<string, unknown> = {}) {
  const localArea = memoryArea({ [USER_OPTIONS_KEY]: local });
  const api = {
    storage: {
      managed: managed === 'none' ? memoryArea({}, { throwOnGet: 'Managed storage manifest not found' }) : memoryArea(managed),
      local: localArea,
      onChanged: { addListener: () => undefined },
    },
    i18n: { getUILanguage: () => 'fr-FR' },
    runtime: { getURL: (p: string) => p },
  } as unknown as WebExtensionApi;
  return { storage: browserStorage(api), localArea };
}

describe('extension settings over browser storage', () => {
  it('gives the defaults when there is no policy (Thunderbird and Firefox throw) and nothing saved', async () => {
    const { storage } = storageWith('none');
    expect(await loadSettings(storage)).toEqual({ policy: defaultPolicy(), serverUrl: '', organisation: '', language: 'auto', locked: [], problems: [] });
  });

  it('saves the user’s choices but never a locked key, and refuses a bad value without saving anything', async () => {
    const { storage, localArea } = storageWith({ serverUrl: 'https://vigie.chu-exemple.fr/' });
    const { locked } = await loadSettings(storage);
    expect(await saveUserSettings(storage, { serverUrl: 'https://mine.example/', mode: 'warn' }, locked)).toEqual({ ok: true });
    expect(localArea.data[USER_OPTIONS_KEY]).toEqual({ mode: 'warn' });
    expect(await loadSettings(storage)).toMatchObject({ serverUrl: 'https://vigie.chu-exemple.fr/', policy: { mode: 'warn' } });
    expect(await saveUserSettings(storage, { mode: 'never', language: 'fr' }, locked)).toEqual({
      ok: false,
      errors: [{ key: 'mode', reason: 'invalid value' }],
    });
    expect(localArea.data[USER_OPTIONS_KEY]).toEqual({ mode: 'warn' });
  });
});
