// Consumer (Gmail-type) providers: the built-in list, kept as data, plus the policy's additions.
import data from './data/consumer-domains.json';
import { domainMatches } from '../config/policy';

const builtIn = new Map<string, string>();
for (const p of data.providers) for (const d of p.domains) builtIn.set(d, p.name);

/** The provider's name when `domain` is a consumer mail domain, otherwise undefined. */
export function consumerProvider(domain: string, extra: readonly string[] = []): string | undefined {
  return builtIn.get(domain) ?? (domainMatches(domain, extra) ? domain : undefined);
}

export const consumerDomainCount = builtIn.size;
