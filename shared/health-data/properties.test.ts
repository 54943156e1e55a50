import fc from 'fast-check';
import { findNirs, scanDraft, scanText } from './index';
import { insKey } from '../recipient-policy/ins';

const nirBody = fc
  .tuple(
    fc.constantFrom('1', '2'),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 95 }),
    fc.integer({ min: 1, max: 999 }),
    fc.integer({ min: 1, max: 999 }),
  )
  .map(
    ([s, y, m, d, c, o]) =>
      `${s}${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(c).padStart(3, '0')}${String(o).padStart(3, '0')}`,
  );

/** A 13-character body whose département may be Corsica's 2A / 2B. */
const nirBodyAnyDepartment = fc
  .tuple(nirBody, fc.constantFrom('', '2A', '2B', '2a'))
  .map(([body, corsica]) => (corsica ? `${body.slice(0, 5)}${corsica}${body.slice(7)}` : body));
/** Where a NIR may be split (after S, AA, MM, DD, CCC, OOO) and what may split it. */
const SPLITS = [1, 3, 5, 7, 10, 13];
const separators = fc.array(fc.constantFrom('', '', ' ', '.', '-', '\u00a0', '\u202f'), { minLength: 6, maxLength: 6 });

describe('health-data scan properties', () => {
  it('never throws, keeps offsets inside the text and never shows a 4-digit run in an excerpt', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ maxLength: 60 }), (body, subject) => {
        const r = scanDraft({ subject, body, attachments: [{ name: `${subject}.pdf` }] });
        expect(r.score).toBeGreaterThanOrEqual(0);
        for (const f of r.findings) {
          const field = f.source === 'subject' ? subject : f.source === 'body' ? body : `${subject}.pdf`;
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(field.length);
          expect(f.excerpt).not.toMatch(/\d{4}/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds any valid NIR written compact or spaced between arbitrary words, and masks it', () => {
    fc.assert(
      fc.property(nirBody, fc.boolean(), fc.lorem({ maxCount: 8 }), fc.lorem({ maxCount: 8 }), (body, spaced, before, after) => {
        const nir = `${body}${insKey(body)}`;
        const written = spaced
          ? `${nir[0]} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7)} ${nir.slice(7, 10)} ${nir.slice(10, 13)} ${nir.slice(13)}`
          : nir;
        const text = `${before} NIR : ${written} ${after}`;
        expect(findNirs(text).map((n) => n.compact)).toEqual([nir]);
        const r = scanText(text);
        expect(r.containsHealthData).toBe(true);
        expect(r.findings[0]!.excerpt).toBe(`${nir[0]} ${nir.slice(1, 3)} ** ** *** *** **`);
      }),
      { numRuns: 300 },
    );
  });

  it('reports any valid NIR, Corsica or not, whatever separators split it where a NIR may be split', () => {
    fc.assert(
      fc.property(nirBodyAnyDepartment, separators, fc.lorem({ maxCount: 6 }), (body, seps, after) => {
        const nir = `${body}${insKey(body)}`;
        let written = '';
        let from = 0;
        SPLITS.forEach((to, k) => {
          written += nir.slice(from, to) + seps[k]!;
          from = to;
        });
        written += nir.slice(from);
        // The scan (which searches for NIRs only where its tokens saw digits close enough together) finds it.
        const r = scanText(`Numéro de sécurité sociale ${written}, ${after}`);
        expect(r.findings.filter((f) => f.kind === 'nir').map((f) => f.excerpt)).toEqual([`${nir[0]} ${nir.slice(1, 3)} ** ** *** *** **`]);
        expect(r.containsHealthData).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never takes a number with a wrong key for a NIR', () => {
    fc.assert(
      fc.property(nirBody, fc.integer({ min: 1, max: 96 }), (body, shift) => {
        const good = Number(insKey(body));
        const wrong = String(((good - 1 + shift) % 97) + 1).padStart(2, '0');
        expect(findNirs(`NIR ${body}${wrong}`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
