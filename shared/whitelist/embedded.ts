// The liste blanche snapshot shipped inside every bundle, verified when the build generated it.
import { decodeCompact, type DomainSet } from './domain-set';
import { EMBEDDED_LISTE_BLANCHE_DEFLATED } from './embedded-list.generated';
import { inflateBase64Text } from './inflate-text';

let cached: DomainSet | undefined;

export function embeddedDomainSet(): DomainSet {
  cached ??= decodeCompact(inflateBase64Text(EMBEDDED_LISTE_BLANCHE_DEFLATED), 'embedded');
  return cached;
}
