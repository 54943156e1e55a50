// The registry: which provider serves a host. Built-in providers first, then the MSSanté webmails IT declares by
// policy (hosts + selector overrides on the generic provider). Unknown hosts get no provider: Vigie stays out.
import { domainMatches } from '../../../shared/config/domain-pattern';
import type { ProviderSelectors, WebmailProvider } from './types';
import { gmail } from './gmail';
import { outlookWeb } from './outlook-web';
import { yahoo } from './yahoo';
import { genericMssante } from './generic-mssante';
export { senderFor } from './sender';

export type { WebmailProvider, WebmailComposeSession, ProviderSelectors, Field, Part, Strategies } from './types';

export const providers: readonly WebmailProvider[] = [gmail, outlookWeb, yahoo, genericMssante];

/** A webmail IT adds by policy: its hosts and, optionally, selectors replacing the generic ones. */
export interface ConfiguredWebmail {
  hosts: string[];
  selectors?: Partial<ProviderSelectors>;
}

/** A page's host against host patterns: the core's one domain-pattern rule. */
export const hostMatches = domainMatches;

/** The provider for a page's host, with the selectors it should use; undefined where Vigie has nothing to do. */
export function providerForHost(
  host: string,
  configured: readonly ConfiguredWebmail[] = [],
): { provider: WebmailProvider; selectors: ProviderSelectors } | undefined {
  // A host IT configured wins, so a policy can fix selectors for a host a built-in provider also matches.
  for (const c of configured) {
    if (hostMatches(host, c.hosts)) {
      return { provider: genericMssante, selectors: mergeSelectors(genericMssante.selectors, c.selectors) };
    }
  }
  const p = providers.find((x) => hostMatches(host, x.hosts));
  return p ? { provider: p, selectors: p.selectors } : undefined;
}

function mergeSelectors(base: ProviderSelectors, over: Partial<ProviderSelectors> | undefined): ProviderSelectors {
  if (!over) return base;
  return {
    ...base,
    ...over,
    recipients: {
      to: { ...base.recipients.to, ...over.recipients?.to },
      cc: { ...base.recipients.cc, ...over.recipients?.cc },
      bcc: { ...base.recipients.bcc, ...over.recipients?.bcc },
    },
  };
}

/** Every host pattern the built-in providers serve (the manifest's content-script matches are checked against it). */
export function builtInHosts(): string[] {
  return providers.flatMap((p) => p.hosts);
}
