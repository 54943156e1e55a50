import { remove } from 'confusables';
import { HOMOGLYPH_PAIRS, foldHomoglyphs } from './homoglyphs';

describe('homoglyph table', () => {
  it('agrees with Unicode confusables (UTS #39) for every pair it holds', () => {
    for (const ch of [...HOMOGLYPH_PAIRS].filter((_, i) => i % 2 === 0)) {
      expect({ ch, folded: foldHomoglyphs(ch) }).toEqual({ ch, folded: remove(ch).toLowerCase() });
    }
  });
  it('folds a Cyrillic-spelled domain to its Latin look', () => {
    expect(foldHomoglyphs('mеdecin.mssаnte.fr')).toBe('medecin.mssante.fr');
  });
});
