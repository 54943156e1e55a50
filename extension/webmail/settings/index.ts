// The webmail extension's view of the effective settings (shared/client/settings): the MSSanté webmails IT declares,
// typed for the providers.
import type { EffectiveSettings } from '../../../shared/client/settings';
import type { ConfiguredWebmail } from '../providers';

export { languageFor, type EffectiveSettings } from '../../../shared/client/settings';
export { loadSettings } from '../../browser-api/settings';

/** The webmails IT declared by policy (validated against the policy schema with every other key). */
export function webmailProviders(settings: EffectiveSettings): ConfiguredWebmail[] {
  return settings.policy.webmailProviders as ConfiguredWebmail[];
}
