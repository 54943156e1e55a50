// What the guard and the pages need from the settings: the core's check context, the language, the directory client.
import type { CheckContext } from '../../shared/send-check';
import type { DomainSet } from '../../shared/whitelist/domain-set';
import { scanDraft } from '../../shared/health-data';
import { languageOf } from '../../shared/i18n/messages';
import { ServerDirectoryClient } from '../../shared/directory/server-client';
import type { VigieSettings } from './settings';

export function checkContextOf(settings: VigieSettings, whitelist: DomainSet): CheckContext {
  return { whitelist, policy: settings.policy, scanHealthData: scanDraft };
}

export function languageFor(settings: VigieSettings, uiLanguage: string | undefined): 'fr' | 'en' {
  return settings.language === 'auto' ? languageOf(uiLanguage) : settings.language;
}

export function directoryClientOf(settings: VigieSettings): ServerDirectoryClient | undefined {
  if (!settings.serverUrl) return undefined;
  return new ServerDirectoryClient(settings.serverUrl, (url, init) => fetch(url, init));
}
