// "Vous vouliez dire …?": for an MSSanté address that is not in the directory, the closest listed addresses.
// Not being listed is a hint, never a proof: red-listed and applicative mailboxes are not published.
import type { DirectoryEntry, LocalizedText } from '../model';
import { editDistance, withoutNumber, type DirectoryIndex } from './directory-index';
import { addressKey, words } from './normalize';

export type SuggestionReason = 'close-spelling' | 'close-domain' | 'same-address-other-domain' | 'same-person-other-domain';

export interface Suggestion {
  address: string;
  entry: DirectoryEntry;
  reason: SuggestionReason;
  /** Edit distance between what was typed and this address (local part, or domain for close-domain). */
  distance: number;
  /** What to show the user, French first. */
  label: LocalizedText;
}

export interface SuggestResult {
  /** The address is in the directory. */
  found: boolean;
  entry?: DirectoryEntry;
  suggestions: Suggestion[];
  /** When not found: why that alone is no reason to block. */
  note?: LocalizedText;
}

export interface SuggestOptions {
  /** At most this many suggestions (default 5). */
  limit?: number;
}

const NOT_LISTED: LocalizedText = {
  fr: 'Adresse absente de l’Annuaire Santé : vérifiez-la. Les boîtes en liste rouge ou applicatives n’y figurent pas, son absence ne prouve pas une erreur.',
  en: 'Address not in the Annuaire Santé: check it. Red-listed and applicative mailboxes are not published, so absence does not prove a mistake.',
};

function label(reason: SuggestionReason, e: DirectoryEntry): LocalizedText {
  const who = e.displayName && e.displayName !== e.address ? ` (${e.displayName})` : '';
  switch (reason) {
    case 'close-spelling':
      return { fr: `Vous vouliez dire ${e.address}${who} ?`, en: `Did you mean ${e.address}${who}?` };
    case 'close-domain':
      return { fr: `Vous vouliez dire ${e.address}${who} ? (domaine proche)`, en: `Did you mean ${e.address}${who}? (similar domain)` };
    case 'same-address-other-domain':
      return { fr: `Même adresse sur un autre domaine : ${e.address}${who}`, en: `Same address on another domain: ${e.address}${who}` };
    case 'same-person-other-domain':
      return { fr: `Même personne, autre boîte : ${e.address}${who}`, en: `Same person, another mailbox: ${e.address}${who}` };
  }
}

function split(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/**
 * Suggestions for an address missing from the directory: close spellings of the local part within the same
 * domain (or within a domain one or two letters away when the domain has no mailbox at all), the same local
 * part on other domains, and the other mailboxes of the person the address seems to name.
 */
export function suggest(index: DirectoryIndex, address: string, opts: SuggestOptions = {}): SuggestResult {
  const limit = Math.max(1, Math.min(50, opts.limit ?? 5));
  const key = addressKey(address);
  const found = index.findAddress(key);
  if (found >= 0) return { found: true, entry: index.entryAt(found), suggestions: [] };
  const parts = split(key);
  if (!parts) return { found: false, suggestions: [], note: NOT_LISTED };
  const { local, domain } = parts;
  const out: { doc: number; reason: SuggestionReason; distance: number; rank: number }[] = [];
  const seen = new Set<number>();
  const add = (doc: number, reason: SuggestionReason, distance: number, rank: number) => {
    if (seen.has(doc)) return;
    seen.add(doc);
    out.push({ doc, reason, distance, rank });
  };
  const maxLocal = local.length <= 4 ? 1 : 2;

  // 1. Close spellings in the same domain.
  const closeLocal = (docs: Uint32Array, reason: SuggestionReason, extra: number) => {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const addr = index.addressAt(doc);
      const other = addr.slice(0, addr.lastIndexOf('@'));
      if (Math.abs(other.length - local.length) > maxLocal) continue;
      const d = editDistance(local, other, maxLocal);
      if (d <= maxLocal) add(doc, reason, d + extra, d + extra);
    }
  };
  const sameDomain = index.domainDocs(domain);
  if (sameDomain.length) closeLocal(sameDomain, 'close-spelling', 0);
  else {
    // 2. The domain has no mailbox: maybe the domain itself is mistyped.
    for (const other of index.domainNames()) {
      if (Math.abs(other.length - domain.length) > 2) continue;
      const dd = editDistance(domain, other, 2);
      if (dd <= 2) {
        const docs = index.domainDocs(other);
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i]!;
          const addr = index.addressAt(doc);
          const l = addr.slice(0, addr.lastIndexOf('@'));
          if (Math.abs(l.length - local.length) > maxLocal) continue;
          const d = editDistance(local, l, maxLocal);
          if (d <= maxLocal) add(doc, 'close-domain', dd + d, dd + d);
        }
      }
    }
  }

  // 3. The same local part on another domain.
  const localWords = words(local).map(withoutNumber);
  if (localWords.length) {
    const rarest = localWords.map((w) => index.docsWithWord(w)).sort((a, b) => a.length - b.length)[0]!;
    for (const doc of rarest) {
      const addr = index.addressAt(doc);
      if (addr.slice(0, addr.lastIndexOf('@')) === local) add(doc, 'same-address-other-domain', 0, 3);
    }
  }

  // 4. The other mailboxes of the professionals found so far (same RPPS) and of the person the local part names.
  const rppsSeen = new Set<string>();
  for (const s of [...out]) {
    const e = index.entryAt(s.doc);
    if (e.rpps && !rppsSeen.has(e.rpps)) {
      rppsSeen.add(e.rpps);
      for (const other of index.byRpps(e.rpps)) {
        const doc = index.findAddress(other.address);
        if (doc >= 0) add(doc, 'same-person-other-domain', s.distance, s.rank + 0.5);
      }
    }
  }
  const nameWords = localWords.filter((w) => w.length > 1 && !/^\d+$/.test(w));
  if (nameWords.length >= 2 && nameWords.length <= 4) {
    // Every word of the local part must be a whole word of the person's names.
    const exactNames = 8 * nameWords.length;
    for (const r of index.search(nameWords.join(' '), { type: 'PER', limit: 20 })) {
      if (r.match !== 'words' || r.score < exactNames) continue;
      const doc = index.findAddress(r.entry.address);
      if (doc >= 0) add(doc, 'same-person-other-domain', maxLocal + 1, 4);
    }
  }

  out.sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.doc - b.doc);
  const suggestions = out.slice(0, limit).map((s) => {
    const entry = index.entryAt(s.doc);
    return { address: entry.address, entry, reason: s.reason, distance: s.distance, label: label(s.reason, entry) };
  });
  return { found: false, suggestions, note: NOT_LISTED };
}
