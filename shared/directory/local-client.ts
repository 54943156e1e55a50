// DirectoryClient over an index held in memory (the CLI, tests, a host that carries its own index).
import type { DirectoryClient, DirectoryQuery, DirectorySearchResult } from '../ports/directory-client';
import type { DirectoryIndex } from './index-search';

export class LocalDirectoryClient implements DirectoryClient {
  constructor(private readonly index: DirectoryIndex) {}

  search(query: DirectoryQuery): Promise<DirectorySearchResult> {
    const { q, ...opts } = query;
    const answer = this.index.searchWithHints(q, opts);
    return Promise.resolve({ results: answer.results.map((r) => r.entry), ...(answer.didYouMean.length ? { didYouMean: answer.didYouMean } : {}) });
  }
}
