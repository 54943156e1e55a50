// The bounded, best-first search must return exactly the best-scoring mailboxes a full scan would find.
import { buildIndex, type DirectoryIndex } from './directory-index';
import { parseExtractionText } from './extraction';
import { seededRandom, syntheticExtraction } from './synthetic';
import { words } from './normalize';
import { planQuery } from './query';

interface Internals {
  size: number;
  term(w: string, alternatives: string[], exact?: boolean): { ranges: number[] };
  docScore(doc: number, term: unknown): number;
}

function bruteForce(index: DirectoryIndex, query: string, limit: number): number[] {
  const idx = index as unknown as Internals;
  const plan = planQuery(query);
  const terms = plan.words.map((w) => idx.term(w.word, w.alternatives, w.exact));
  if (terms.some((t) => !t.ranges.length)) return [];
  const scores: number[] = [];
  for (let d = 0; d < idx.size; d++) {
    let total = 0;
    for (const t of terms) {
      const s = idx.docScore(d, t);
      if (s === 0) {
        total = -1;
        break;
      }
      total += s;
    }
    if (total < 0) continue;
    const person = ['PER', 'CAB'].includes(index.entryAt(d).type);
    scores.push(Math.round((total + (person ? plan.personBonus : 0)) * 100) / 100);
  }
  return scores.sort((a, b) => b - a).slice(0, limit);
}

describe('the bounded search', () => {
  const index = buildIndex(parseExtractionText([...syntheticExtraction({ count: 8000, seed: 77 })].join('')).rows);
  const rnd = seededRandom(5);

  it('returns the same scores as a full scan, for hundreds of realistic queries', () => {
    const sample = Array.from({ length: 300 }, () => index.entryAt(Math.floor(rnd() * index.size)));
    let compared = 0;
    for (const e of sample) {
      const fam = words(e.familyName ?? e.organisation ?? 'x');
      const pieces = [
        fam.join(' '),
        fam[0]!.slice(0, 3),
        `${fam[0]} ${words(e.city ?? '')[0] ?? ''}`,
        `${words(e.specialty ?? e.profession ?? e.service ?? '')[0]?.slice(0, 5) ?? ''} ${words(e.city ?? '')[0] ?? ''}`,
        `${words(e.givenName ?? '')[0] ?? ''} ${fam[0]!.slice(0, 4)}`,
      ];
      const q = pieces[Math.floor(rnd() * pieces.length)]!.trim();
      if (!q || words(q).some((w) => w.length < 2)) continue;
      const limit = 1 + Math.floor(rnd() * 20);
      const got = index
        .search(q, { limit })
        .filter((r) => r.match === 'words')
        .map((r) => r.score);
      expect([q, got]).toEqual([q, bruteForce(index, q, limit)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });
});
