// The "Annuaire Santé" address book: Thunderbird asks it on every keystroke in To/Cc/Bcc (autocomplete) and in the
// address-book window; it answers from the companion server's directory API with one vCard per mailbox.
import type { DirectoryClient } from '../../shared/ports/directory-client';
import type { AddressBookNode, SearchResult } from './messenger';
import { entryToVCard } from './vcard';

export const ADDRESS_BOOK_ID = 'vigie-annuaire-sante';
export const ADDRESS_BOOK_NAME = 'Annuaire Santé';
/** Thunderbird keeps at most 100 cards of a remote book per search. */
export const MAX_RESULTS = 50;

/** The query Thunderbird sends from the address-book window, e.g. `?(or(DisplayName,c,house)(PrimaryEmail,c,house))`: its first term. */
export function searchTextOf(searchString: string | undefined, query: string | undefined): string {
  if (searchString && searchString.trim()) return searchString.trim();
  if (!query) return '';
  const m = /\([A-Za-z]+,[a-z]+,([^)]*)\)/.exec(query);
  return m ? decodeURIComponent(m[1]!).trim() : '';
}

/** What the cards of a corrected query say about it. */
export function didYouMeanNote(hint: string, lang: 'fr' | 'en'): string {
  return lang === 'fr' ? `Vouliez-vous dire «\u00a0${hint}\u00a0»\u202f?` : `Did you mean “${hint}”?`;
}

/**
 * The onSearchRequest listener. Never throws (a throw ends Thunderbird's search with an error): no server, a short
 * query or an unreachable server give no result. `isCompleteResult` is always false, so each keystroke asks again.
 * When nothing matches and the directory offers a corrected query ("Vouliez-vous dire …"), its mailboxes are
 * proposed instead, each card saying which query found it.
 */
export function directorySearchListener(client: () => Promise<{ client: DirectoryClient; lang: 'fr' | 'en' } | undefined>) {
  return async (_node: AddressBookNode, searchString?: string, query?: string): Promise<SearchResult> => {
    const text = searchTextOf(searchString, query);
    if (text.length < 2) return { isCompleteResult: false, results: [] };
    try {
      const c = await client();
      if (!c) return { isCompleteResult: false, results: [] };
      const signal = AbortSignal.timeout(4000);
      let r = await c.client.search({ q: text, limit: MAX_RESULTS }, signal);
      const hint = r.results.length ? undefined : r.didYouMean?.[0];
      if (hint) r = await c.client.search({ q: hint, limit: MAX_RESULTS }, signal);
      const note = hint ? didYouMeanNote(hint, c.lang) : '';
      return { isCompleteResult: false, results: r.results.filter((e) => e.address.includes('@')).map((e) => entryToVCard(e, c.lang, note)) };
    } catch {
      return { isCompleteResult: false, results: [] };
    }
  };
}
