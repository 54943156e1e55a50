// The liste blanche snapshot shipped inside every bundle, verified when the build generated it.
import { decodeCompact, type DomainSet } from './domain-set';
import { EMBEDDED_LISTE_BLANCHE } from './embedded-list.generated';

let cached: DomainSet | undefined;

export function embeddedDomainSet(): DomainSet {
  cached ??= decodeCompact(EMBEDDED_LISTE_BLANCHE, 'embedded');
  return cached;
}
