// The port through which a host searches the Annuaire Santé: the companion server's API (ServerDirectoryClient), a
// local index, or a fake in tests.
import type { DirectoryEntry, LocalizedText } from '../model';

export interface DirectoryQuery {
  /** What the user typed: names, profession, specialty, city, organisation, RPPS or an address. */
  q: string;
  limit?: number;
  type?: 'PER' | 'ORG' | 'APP' | 'CAB';
  profession?: string;
  department?: string;
}

export interface DirectorySearchResult {
  results: DirectoryEntry[];
  tookMs?: number;
  /** When nothing is found: corrected queries (closest words of the directory) that do find someone. */
  didYouMean?: string[];
}

export type DirectoryErrorCode = 'unreachable' | 'refused' | 'not-ready' | 'bad-request' | 'bad-response' | 'aborted';

export class DirectoryError extends Error {
  constructor(
    readonly code: DirectoryErrorCode,
    readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}

export interface DirectoryClient {
  search(query: DirectoryQuery, signal?: AbortSignal): Promise<DirectorySearchResult>;
}
