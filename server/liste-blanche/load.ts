// Loads a liste blanche file for the node hosts (CLI, server): verified, or refused with the reason.
import { readFileSync } from 'node:fs';
import { DomainSet } from '../../shared/whitelist/domain-set';
import { trustAnchorDir } from '../paths';
import { loadTrustAnchors, verifyListeBlanche, type TrustAnchors, type VerifiedListeBlanche } from './verify';

let anchors: TrustAnchors | undefined;
export function shippedTrustAnchors(): TrustAnchors {
  anchors ??= loadTrustAnchors(trustAnchorDir());
  return anchors;
}

export function domainSetOf(verified: VerifiedListeBlanche, source: 'file' | 'server', fetchedAt?: string): DomainSet {
  return new DomainSet(verified.domains, { generatedAt: verified.generatedAt, signer: verified.signer, source, ...(fetchedAt ? { fetchedAt } : {}) });
}

/** Reads and verifies a liste blanche XML file. Throws ListeBlancheTrustError (or a file error) when it cannot be trusted. */
export function loadVerifiedFile(path: string, trust: TrustAnchors = shippedTrustAnchors()): { verified: VerifiedListeBlanche; set: DomainSet } {
  const verified = verifyListeBlanche(readFileSync(path), trust);
  return { verified, set: domainSetOf(verified, 'file') };
}
