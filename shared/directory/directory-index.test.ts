import { DirectoryIndex, DirectoryIndexBuilder, buildIndex, editDistance } from './directory-index';
import { parseExtractionText } from './extraction';
import { aMailbox } from '../testing/builders';
import { EXTRACTION_HEADER, extractionLine, syntheticExtraction, type SyntheticMailbox } from './synthetic';

const person = (p: Partial<SyntheticMailbox> & { address: string }): SyntheticMailbox => aMailbox({ postcode: '75013', city: 'Paris', department: '75', ...p });

const planted: SyntheticMailbox[] = [
  person({
    address: 'anne-sophie.lefevre-bonnaventure@chu-lyon.mssante.fr',
    familyName: 'Lefèvre-Bonnaventure',
    givenName: 'Anne-Sophie',
    rpps: '10001234567',
    specialty: 'Cardiologie et maladies vasculaires',
    organisation: 'CHU DE LYON',
    postcode: '69003',
    city: 'Lyon',
    department: '69',
  }),
  person({
    address: 'y.le-goff@medecin.mssante.fr',
    familyName: 'Le Goff',
    givenName: 'Yannick',
    rpps: '10007654321',
    specialty: 'Pédiatrie',
    postcode: '29200',
    city: 'Brest',
    department: '29',
  }),
  person({
    address: 'martin.quertier@pharmacien.mssante.fr',
    familyName: 'Quertier',
    givenName: 'Martin',
    professionCode: '21',
    profession: 'Pharmacien',
    civility: '',
    postcode: '69003',
    city: 'Lyon',
    department: '69',
  }),
  person({
    address: 'zoe.quertinez@infirmier.mssante.fr',
    familyName: 'Quertinez',
    givenName: 'Zoé',
    professionCode: '60',
    profession: 'Infirmier',
    civility: '',
  }),
  person({
    address: 'secretariat.cardiologie@chu-lyon.mssante.fr',
    type: 'ORG',
    civility: '',
    professionCode: '',
    profession: '',
    service: 'Cardiologie',
    organisation: 'CHU DE LYON',
    postcode: '69003',
    city: 'Lyon',
    department: '69',
  }),
  person({ address: 'lyon.hemery@medecin.mssante.fr', familyName: 'Lyon', givenName: 'Hémery', postcode: '13005', city: 'Marseille', department: '13' }),
];

function build(count: number, extra: SyntheticMailbox[] = planted): DirectoryIndex {
  const text = [...syntheticExtraction({ count, seed: 42, planted: extra })].join('');
  return buildIndex(parseExtractionText(text).rows, { source: 'test' });
}

describe('the directory index', () => {
  let index: DirectoryIndex;
  beforeAll(() => {
    index = build(40000);
  });
  const first = (q: string, opts = {}) => index.search(q, opts)[0]?.entry.address;

  it('finds by any word prefix, accents and case ignored', () => {
    const target = planted[0]!.address;
    for (const q of ['Lefèvre-Bonnaventure', 'LEFEVRE BONNAVENTURE', 'lefevre bonna', 'bonnav anne-soph', 'lefevrebonnaventure']) {
      expect([q, first(q)]).toEqual([q, target]);
    }
    // Other Anne-Sophie Lefèvre may come first, with the same score.
    const namesakes = index.search('ANNE SOPHIE LEFÈVRE', { limit: 10 });
    expect(namesakes.map((r) => r.entry.address)).toContain(target);
    expect(namesakes.every((r) => r.score === namesakes[0]!.score)).toBe(true);
  });

  it('ANDs several words across fields: name, specialty, city', () => {
    const results = index.search('lefevre cardio lyon', { limit: 50 });
    expect(results[0]!.entry.address).toBe(planted[0]!.address);
    for (const r of results) {
      const text = JSON.stringify(r.entry).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      expect(text).toMatch(/lefevre/);
      expect(text).toMatch(/cardio/);
      expect(text).toMatch(/lyon/);
    }
  });

  it('handles names in several words and hyphenated names', () => {
    expect(first('le goff yannick')).toBe(planted[1]!.address);
    expect(first('legoff yann')).toBe(planted[1]!.address);
    const legoff = index.search('legoff', { limit: 100 });
    expect(legoff.length).toBeGreaterThan(5);
    expect(legoff.every((r) => r.entry.familyName?.startsWith('LE GOFF'))).toBe(true);
    expect(first('goff pediatrie brest')).toBe(planted[1]!.address);
  });

  it('looks up an exact RPPS or national id, and an exact address', () => {
    expect(index.search('10001234567')).toEqual([expect.objectContaining({ match: 'rpps', entry: expect.objectContaining({ address: planted[0]!.address }) })]);
    expect(index.search('810007654321')[0]!.entry.address).toBe(planted[1]!.address);
    const r = index.search('  Y.Le-Goff@Medecin.MSSante.fr ');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ match: 'address', entry: { address: 'y.le-goff@medecin.mssante.fr', familyName: 'LE GOFF' } });
    expect(index.get('nobody.here@medecin.mssante.fr')).toBeUndefined();
    expect(index.byRpps('10001234567').map((e) => e.address)).toEqual([planted[0]!.address]);
  });

  it('falls back to one typo only when nothing matches', () => {
    const r = index.search('lefevre bonaventure');
    expect(r[0]).toMatchObject({ match: 'fuzzy', entry: { address: planted[0]!.address } });
    expect(index.search('quertiez')[0]).toMatchObject({ match: 'fuzzy' });
    // A query with real matches never mixes in typo matches.
    const exact = index.search('quertier', { limit: 50 });
    expect(exact.map((x) => x.match)).toEqual(exact.map(() => 'words'));
    expect(exact.map((x) => x.entry.address)).toEqual([planted[2]!.address]);
    expect(index.search('zzzzqqqq')).toEqual([]);
  });

  it('ranks exact name matches first, then name prefixes, then other fields', () => {
    const r = index.search('quertier martin', { limit: 5 });
    expect(r[0]!.entry.address).toBe(planted[2]!.address);
    const q = index.search('quert', { limit: 5 }).map((x) => x.entry.address);
    expect(q).toEqual(expect.arrayContaining([planted[2]!.address, planted[3]!.address]));
    // "lyon": the person named Lyon comes before the many people located in Lyon.
    expect(first('lyon', { type: 'PER' })).toBe(planted[5]!.address);
    const martins = index.search('martin', { limit: 30 });
    const isExact = martins.map((x) =>
      `${x.entry.familyName} ${x.entry.givenName}`
        .toLowerCase()
        .split(/[^a-z]+/)
        .includes('martin'),
    );
    expect(isExact[0]).toBe(true);
    expect(isExact).toEqual([...isExact].sort((a, b) => Number(b) - Number(a)));
    const scores = martins.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('returns people and organisational mailboxes together', () => {
    const r = index.search('cardiologie chu lyon', { limit: 50 });
    const types = new Set(r.map((x) => x.entry.type));
    expect(types.has('ORG')).toBe(true);
    expect(types.has('PER')).toBe(true);
    // The CHU's cardiology mailboxes (the planted one and generated ones) come first: the query names the CHU.
    expect(r[0]!.entry).toMatchObject({ type: 'ORG', service: 'Cardiologie', organisation: 'CHU DE LYON', displayName: 'Cardiologie — CHU DE LYON' });
    expect(r.filter((x) => x.score === r[0]!.score).map((x) => x.entry.address)).toContain(planted[4]!.address);
  });

  it('filters by type, profession and department', () => {
    const orgs = index.search('lyon', { type: 'ORG', limit: 100 });
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((x) => x.entry.type === 'ORG')).toBe(true);
    const pharma = index.search('martin', { profession: 'pharmacien', limit: 100 });
    expect(pharma.length).toBeGreaterThan(0);
    expect(pharma.every((x) => x.entry.profession === 'Pharmacien')).toBe(true);
    expect(index.search('martin', { profession: '21', limit: 100 })).toEqual(pharma);
    const d69 = index.search('martin', { department: '69', limit: 100 });
    expect(d69.length).toBeGreaterThan(0);
    expect(d69.every((x) => x.entry.department === '69')).toBe(true);
    expect(index.search('quertier', { department: '13' })).toEqual([]);
    expect(index.search('', { department: '29', limit: 3 })).toHaveLength(3);
    expect(index.search('')).toEqual([]);
  });

  it('respects the limit and drops small words when there are others', () => {
    expect(index.search('martin', { limit: 7 })).toHaveLength(7);
    expect(first('centre hospitalier de la ville de lyon cardiologie')).toBeUndefined();
    expect(index.search('chu de lyon cardiologie')[0]!.entry).toMatchObject({ service: 'Cardiologie', organisation: 'CHU DE LYON' });
  });

  it('survives a save and load round trip with the same answers', () => {
    const parts = index.toParts();
    const copy = DirectoryIndex.fromParts({ ...parts, records: String(parts.records), tokens: String(parts.tokens) });
    for (const q of ['lefevre cardio lyon', 'martin', '10001234567', 'lefevre bonaventure', 'secretariat.cardiologie@chu-lyon.mssante.fr']) {
      expect(copy.search(q)).toEqual(index.search(q));
    }
    expect(copy.info.entries).toBe(index.size);
  });
});

describe('building', () => {
  it('keeps the first of duplicate addresses and counts the others', () => {
    const line = extractionLine(planted[1]!);
    const { rows } = parseExtractionText([EXTRACTION_HEADER, line, line.replace('Yannick', 'Autre'), line.toUpperCase().replace(/^PER/, 'PER')].join('\n'));
    const b = new DirectoryIndexBuilder();
    rows.forEach((r) => b.add(r));
    const idx = b.build();
    expect(idx.size).toBe(1);
    expect(idx.info.duplicates).toBe(2);
    expect(idx.entryAt(0).givenName).toBe('Yannick');
  });

  it('builds an empty index that answers nothing', () => {
    const idx = new DirectoryIndexBuilder().build();
    expect(idx.search('martin')).toEqual([]);
    expect(idx.get('a@b.fr')).toBeUndefined();
    const copy = DirectoryIndex.fromParts(idx.toParts());
    expect(copy.size).toBe(0);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps, bounded', () => {
    expect(editDistance('dupont', 'dupont', 2)).toBe(0);
    expect(editDistance('dupont', 'dupond', 2)).toBe(1);
    expect(editDistance('dupont', 'dpuont', 2)).toBe(1);
    expect(editDistance('dupont', 'dupontt', 2)).toBe(1);
    expect(editDistance('dupont', 'martin', 2)).toBe(3);
  });
});

describe('the builder', () => {
  it('builds once', () => {
    const b = new DirectoryIndexBuilder();
    b.build();
    expect(() => b.add(parseExtractionText(`${EXTRACTION_HEADER}\n${extractionLine(planted[1]!)}\n`).rows[0]!)).toThrow(/after build/);
  });
});
