// What the guard and the pages need from the settings: the core's check context and the directory client.
import type { CheckContext } from '../../shared/send-check';
import type { DomainSet } from '../../shared/whitelist/domain-set';
import type { EffectiveSettings } from '../../shared/client/settings';
import { scanDraft } from '../../shared/health-data';
import { ServerDirectoryClient } from '../../shared/directory/server-client';

export { languageFor } from '../../shared/client/settings';

export function checkContextOf(settings: EffectiveSettings, whitelist: DomainSet): CheckContext {
  return { whitelist, policy: settings.policy, scanHealthData: scanDraft };
}

export function directoryClientOf(settings: EffectiveSettings): ServerDirectoryClient | undefined {
  if (!settings.serverUrl) return undefined;
  return new ServerDirectoryClient(settings.serverUrl, (url, init) => fetch(url, init));
}
