import fc from 'fast-check';
import { findNirs, scanDraft, scanText } from './index';
import { insKey } from '../recipient-policy/ins';

const nirBody = fc
  .tuple(fc.constantFrom('1', '2'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 95 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }))
  .map(([s, y, m, d, c, o]) => `${s}${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(c).padStart(3, '0')}${String(o).padStart(3, '0')}`);

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
        const written = spaced ? `${nir[0]} ${nir.slice(1, 3)} ${nir.slice(3, 5)} ${nir.slice(5, 7)} ${nir.slice(7, 10)} ${nir.slice(10, 13)} ${nir.slice(13)}` : nir;
        const text = `${before} NIR : ${written} ${after}`;
        expect(findNirs(text).map((n) => n.compact)).toEqual([nir]);
        const r = scanText(text);
        expect(r.containsHealthData).toBe(true);
        expect(r.findings[0]!.excerpt).toBe(`${nir[0]} ${nir.slice(1, 3)} ** ** *** *** **`);
      }),
      { numRuns: 300 },
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
