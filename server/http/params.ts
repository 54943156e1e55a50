// Query parameters as the API reads them: each one at most once, and only the names a route knows.
import { HttpError } from './router';

/** One value of a query parameter: absent, or exactly once. */
export function param(url: URL, name: string): string | undefined {
  const all = url.searchParams.getAll(name);
  if (all.length > 1) throw new HttpError(400, 'repeated-parameter', `"${name}" given more than once`);
  return all[0];
}

/** Refuses any query parameter not in `known`. */
export function onlyParams(url: URL, known: ReadonlySet<string>): void {
  for (const k of url.searchParams.keys()) if (!known.has(k)) throw new HttpError(400, 'unknown-parameter', `unknown parameter "${k.slice(0, 40)}"`);
}
