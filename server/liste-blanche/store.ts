// Keeps the liste blanche the node hosts check against: the last good verified list, never replaced by a list that
// fails verification or that is older than the one held (no downgrade), persisted so a restart keeps it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainSet } from '../../shared/whitelist/domain-set';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';
import { verifyListeBlanche, type TrustAnchors, type VerifiedListeBlanche } from './verify';
import { domainSetOf, shippedTrustAnchors } from './load';

export type OfferResult = { accepted: true; generatedAt: string; domains: number } | { accepted: false; reason: string; code: string };

export class ListeBlancheStore {
  private current: DomainSet;
  private verified: VerifiedListeBlanche | undefined;
  lastError: { at: string; reason: string } | undefined;

  constructor(
    private readonly dir: string | undefined,
    private readonly anchors: TrustAnchors = shippedTrustAnchors(),
  ) {
    this.current = embeddedDomainSet();
    if (dir && existsSync(this.file())) {
      // The copy on disk was verified before it was written; verify it again all the same (it may have been edited).
      const r = this.offer(readFileSync(this.file()), { persist: false });
      if (!r.accepted) this.lastError = { at: new Date().toISOString(), reason: `last good copy on disk refused: ${r.reason}` };
    }
  }

  private file(): string {
    return join(this.dir!, 'liste-blanche.xml');
  }

  get set(): DomainSet {
    return this.current;
  }

  get details(): VerifiedListeBlanche | undefined {
    return this.verified;
  }

  /** Verifies a downloaded list and adopts it if it is trusted and not older than the current one. */
  offer(xml: Buffer | string, opts: { persist?: boolean; fetchedAt?: string } = {}): OfferResult {
    let v: VerifiedListeBlanche;
    try {
      v = verifyListeBlanche(xml, this.anchors);
    } catch (e) {
      const reason = (e as Error).message;
      this.lastError = { at: new Date().toISOString(), reason };
      return { accepted: false, reason, code: (e as { code?: string }).code ?? 'error' };
    }
    if (Date.parse(v.generatedAt) < Date.parse(this.current.info.generatedAt)) {
      const reason = `list generated ${v.generatedAt} is older than the one in use (${this.current.info.generatedAt})`;
      this.lastError = { at: new Date().toISOString(), reason };
      return { accepted: false, reason, code: 'downgrade' };
    }
    this.verified = v;
    this.current = domainSetOf(v, 'server', opts.fetchedAt ?? new Date().toISOString());
    if (this.dir && opts.persist !== false) {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file()}.tmp`;
      writeFileSync(tmp, xml);
      renameSync(tmp, this.file());
    }
    return { accepted: true, generatedAt: v.generatedAt, domains: v.domains.length };
  }
}
