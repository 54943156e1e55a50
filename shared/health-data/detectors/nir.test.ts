import { findNirs, nirDetector } from './nir';
import { TextContext } from '../text-context';
import { insKey } from '../../recipient-policy/ins';

const found = (text: string) => findNirs(text).map((n) => n.compact);
const signals = (text: string) => nirDetector.detect(new TextContext(text));

describe('NIR detector', () => {
  it('accepts a valid NIR written compact, canonically spaced, 13+2, or with dots', () => {
    expect(found('NIR 185067511234545')).toEqual(['185067511234545']);
    expect(found('NIR 1 85 06 75 112 345 45')).toEqual(['185067511234545']);
    expect(found('NIR 1850675112345 45')).toEqual(['185067511234545']);
    expect(found('NIR 1.85.06.75.112.345.45')).toEqual(['185067511234545']);
    expect(found('NIR 1\u00a085\u00a006\u00a075\u00a0112\u00a0345\u00a045')).toEqual(['185067511234545']);
    // The published reference samples.
    expect(found('2 95 10 99 126 111 93 / 1 80 12 75 123 456 42 / 2 55 08 14 168 025 38')).toEqual(['295109912611193', '180127512345642', '255081416802538']);
  });

  it('rejects a 15-digit number whose key is wrong', () => {
    expect(found('185067511234546')).toEqual([]);
    expect(found('1 85 06 75 112 345 44')).toEqual([]);
    expect(found('295109912611199')).toEqual([]);
    // Every wrong key of one body.
    const body = '1850675112345';
    const good = insKey(body);
    for (let k = 1; k <= 97; k++) {
      const key = String(k).padStart(2, '0');
      expect(found(`${body}${key}`)).toEqual(key === good ? [`${body}${key}`] : []);
    }
  });

  it('handles Corsica (2A → 19, 2B → 18) in either case, and refuses other letters', () => {
    expect(found('253072B07300470')).toEqual(['253072B07300470']);
    expect(found('2 53 07 2A 073 004 43')).toEqual(['253072A07300443']);
    expect(found('253072a07300443')).toEqual(['253072A07300443']);
    expect(found('253072C07300443')).toEqual([]);
    // 2A and 2B do not share a key: 2B with 2A's key is wrong.
    expect(found('253072B07300443')).toEqual([]);
  });

  it('respects the sex digit and the month ranges', () => {
    const make = (first13: string) => `${first13}${insKey(first13)}`;
    expect(found(make('5850675112345'))).toEqual([]); // sex 5
    expect(found(make('1851375112345'))).toEqual([]); // month 13
    expect(found(make('1850075112345'))).toEqual([]); // month 00
    expect(found(make('1852575112345'))).toEqual([]); // month 25
    expect(found(make('1852075112345'))).toHaveLength(1); // month 20: unknown
    expect(found(make('7850675112345'))).toHaveLength(1); // NIA
  });

  it('never takes a NIR out of a longer digit run or a word', () => {
    expect(found('12185067511234545')).toEqual([]);
    expect(found('1850675112345450')).toEqual([]);
    expect(found('FR185067511234545')).toEqual([]);
    expect(found('185067511234545kg')).toEqual([]);
    expect(found('ref_185067511234545')).toEqual([]);
    // Grouping must follow S AA MM DD CCC OOO KK: groups of 4 (an IBAN) never form one.
    expect(found('1850 6751 1234 545')).toEqual([]);
    expect(found('18 50 67 51 12 34 545')).toEqual([]);
  });

  it('finds a spaced NIR followed or preceded by other numbers', () => {
    expect(found('NIR 1 85 06 75 112 345 45 12 rue des Lilas')).toEqual(['185067511234545']);
    expect(found('tél 06 12 34 56 78, NIR 185067511234545.')).toEqual(['185067511234545']);
    expect(found('a: 185067511234545, b: 256031305512327')).toEqual(['185067511234545', '256031305512327']);
  });

  it('reports every NIR of a text through the detector, which searches only where digit runs hold enough digits', () => {
    const text = [
      'tél 06 12 34 56 78, le 12/03/2024 à 09:15',
      'NIR 1 85 06 75 112 345 45 12 rue des Lilas',
      `${'lorem ipsum '.repeat(40)}IBAN FR76 3000 6000 0112 3456 7890 189`,
      'b: 2 53 07 2A 073 004 43, puis 253072B07300470 et 01.45.67.89.00',
    ].join('\n');
    expect(signals(text).map((s) => s.excerpt)).toEqual(['1 85 ** ** *** *** **', '2 53 ** ** *** *** **', '2 53 ** ** *** *** **']);
    expect(signals('tél 06 12 34 56 78 ou 01 45 67 89 00, dossier 2024-118, 12/03/2024')).toEqual([]);
  });

  it('gives full weight with a keyword or a spaced form, less to a bare compact number, and masks the excerpt', () => {
    const [withKeyword] = signals('Numéro de sécurité sociale : 185067511234545');
    expect(withKeyword).toMatchObject({ kind: 'nir', weight: 1, excerpt: '1 85 ** ** *** *** **' });
    expect(withKeyword!.needsContext).toBeUndefined();
    const [spaced] = signals('voici : 1 85 06 75 112 345 45');
    expect(spaced!.weight).toBe(1);
    const [bare] = signals('Référence 185067511234545');
    expect(bare).toMatchObject({ weight: 0.7, needsContext: true });
    const far = `carte vitale${' .'.repeat(200)} 185067511234545`;
    expect(signals(far)[0]!.weight).toBe(0.7);
  });
});
