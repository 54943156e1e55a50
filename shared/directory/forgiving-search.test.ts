// The search forgives how people type: titles, profession and specialty nouns, feminine forms, one-letter typos in
// specialty and city words, La Poste abbreviations, and offers the closest words when nothing is found.
import { buildIndex, type DirectoryIndex } from './directory-index';
import { parseExtractionText } from './extraction';
import { aMailbox } from '../testing/builders';
import { EXTRACTION_HEADER, extractionLine, syntheticExtraction, type SyntheticMailbox } from './synthetic';

const person = (p: Partial<SyntheticMailbox> & { address: string }): SyntheticMailbox => aMailbox(p);
const org = (p: Partial<SyntheticMailbox> & { address: string }): SyntheticMailbox =>
  person({ type: 'ORG', civility: '', professionCode: '', profession: '', ...p });

const planted = {
  quaresma: person({
    address: 'helene.quaresma@medecin.mssante.fr',
    familyName: 'Quaresma',
    givenName: 'Hélène',
    specialtyCode: 'SM54',
    specialty: 'Médecine générale',
    postcode: '29000',
    city: 'Quimper',
    department: '29',
  }),
  cardio: person({
    address: 'p.vasquier@clinique-ormes.mssante.fr',
    familyName: 'Vasquier',
    givenName: 'Paul',
    specialtyCode: 'SM04',
    specialty: 'Cardiologie et maladies vasculaires',
    organisation: 'CLINIQUE LES ORMES',
    postcode: '42000',
    city: 'Saint-Étienne',
    department: '42',
    cedex: true,
  }),
  pediatre: person({
    address: 'l.kervella@ch-vannes.mssante.fr',
    familyName: 'Kervella',
    givenName: 'Lou',
    specialtyCode: 'SM40',
    specialty: 'Pédiatrie',
    organisation: 'CENTRE HOSPITALIER DE VANNES',
    postcode: '56017',
    city: 'Vannes',
    department: '56',
  }),
  pediatrieService: org({
    address: 'secretariat.pediatrie@ch-vannes.mssante.fr',
    service: 'Pédiatrie',
    organisation: 'CENTRE HOSPITALIER DE VANNES',
    postcode: '56017',
    city: 'Vannes',
    department: '56',
  }),
  pharmacienne: person({
    address: 'm.abgrall@pharmacien.mssante.fr',
    civility: '',
    familyName: 'Abgrall',
    givenName: 'Morgane',
    professionCode: '21',
    profession: 'Pharmacien',
    postcode: '97400',
    city: 'Saint-Denis',
    department: '974',
  }),
  infirmiere: person({
    address: 'c.ravenel@infirmier.mssante.fr',
    civility: '',
    familyName: 'Ravenel',
    givenName: 'Chloé',
    professionCode: '60',
    profession: 'Infirmier',
    postcode: '97400',
    city: 'Saint-Denis',
    department: '974',
  }),
  kine: person({
    address: 'n.fauvelle@masseur-kinesitherapeute.mssante.fr',
    civility: '',
    familyName: 'Fauvelle',
    givenName: 'Noé',
    professionCode: '70',
    profession: 'Masseur-Kinésithérapeute',
    postcode: '86000',
    city: 'Poitiers',
    department: '86',
  }),
  sageFemme: person({
    address: 'i.tardieu@sage-femme.mssante.fr',
    civility: '',
    familyName: 'Tardieu',
    givenName: 'Inès',
    professionCode: '50',
    profession: 'Sage-Femme',
    postcode: '86000',
    city: 'Poitiers',
    department: '86',
  }),
};

describe('the forgiving search', () => {
  let index: DirectoryIndex;
  beforeAll(() => {
    const text = [...syntheticExtraction({ count: 30000, seed: 18, planted: Object.values(planted) })].join('');
    index = buildIndex(parseExtractionText(text).rows, { source: 'test' });
  });
  const first = (q: string) => index.search(q)[0]?.entry;

  it('ignores titles and civilities: what every result is displayed with is not what it is found by', () => {
    for (const q of [
      'Dr Quaresma',
      'docteur quaresma',
      'Docteur Hélène Quaresma',
      'Pr Quaresma',
      'Mme Quaresma',
      'Madame Quaresma',
      'M. Quaresma',
      'monsieur quaresma',
    ]) {
      expect([q, first(q)?.address]).toEqual([q, planted.quaresma.address]);
    }
    expect(first('Dr Quaresma')!.displayName).toBe('Dr Hélène QUARESMA');
    const martins = index.search('Dr Martin', { limit: 30 });
    expect(martins.length).toBe(30);
    expect(martins.every((r) => /martin/i.test(JSON.stringify(r.entry)))).toBe(true);
    expect(index.search('Mme Dupont', { limit: 10 }).map((r) => r.entry.address)).toEqual(index.search('Dupont', { limit: 10 }).map((r) => r.entry.address));
  });

  it('finds professions and specialties by the nouns, adjectives and feminine forms people type', () => {
    for (const q of ['généraliste quimper', 'médecin généraliste quimper', 'Dr généraliste Quimper']) {
      const found = index.search(q, { limit: 100 });
      expect(found.map((r) => r.entry.address)).toContain(planted.quaresma.address);
      for (const r of found) expect(r.entry).toMatchObject({ city: 'QUIMPER', specialty: expect.stringMatching(/médecine générale/i) });
    }
    expect(first('quaresma généraliste')?.address).toBe(planted.quaresma.address);
    expect(first('cardiologue vasquier')?.address).toBe(planted.cardio.address);
    expect(first('pédiatre kervella')?.address).toBe(planted.pediatre.address);
    expect(first('pharmacienne abgrall')?.address).toBe(planted.pharmacienne.address);
    expect(first('infirmière ravenel')?.address).toBe(planted.infirmiere.address);
    expect(first('kinésithérapeute fauvelle')?.address).toBe(planted.kine.address);
    expect(first('kiné fauvelle')?.address).toBe(planted.kine.address);
    expect(first('sage-femme tardieu')?.address).toBe(planted.sageFemme.address);
    // The specialty of a person, or the service named after it.
    const field = (e: { specialty?: string; service?: string }) => `${e.specialty ?? ''} / ${e.service ?? ''}`;
    for (const r of index.search('généraliste', { limit: 50 })) expect(field(r.entry)).toMatch(/médecine générale/i);
    for (const r of index.search('cardiologue', { limit: 50 })) expect(field(r.entry)).toMatch(/cardio/i);
    for (const r of index.search('pharmacienne', { limit: 50 })) expect(r.entry.profession).toBe('Pharmacien');
    for (const r of index.search('infirmière', { limit: 50 })) expect(r.entry.profession).toMatch(/^Infirmier/);
    for (const r of index.search('psychiatre', { limit: 50 })) expect(field(r.entry)).toMatch(/psychiatrie/i);
    for (const r of index.search('radiologue', { limit: 50 })) expect(field(r.entry)).toMatch(/radio/i);
  });

  it('puts people before service mailboxes for "<specialty> <city>", unless the query names a service', () => {
    const people = index.search('pédiatrie vannes', { limit: 5 });
    expect(people[0]!.entry.type).toBe('PER');
    expect(people.map((r) => r.entry.address)).toContain(planted.pediatre.address);
    const cardio = index.search('cardiologie lyon', { limit: 10 });
    expect(cardio.length).toBeGreaterThan(0);
    expect(cardio.every((r) => r.entry.type === 'PER')).toBe(true);
    expect(first('secrétariat pédiatrie vannes')?.address).toBe(planted.pediatrieService.address);
    // A service named after a specialty is found by the noun too, after the people.
    const pediatres = index.search('pédiatre vannes', { limit: 50 });
    expect(pediatres[0]!.entry.type).toBe('PER');
    expect(pediatres.map((r) => r.entry.address)).toContain(planted.pediatrieService.address);
    expect(first('secrétariat pédiatre vannes')?.address).toBe(planted.pediatrieService.address);
    expect(first('service pédiatrie vannes')?.type).toBe('ORG');
    expect(first('urgences lyon')?.type).toBe('ORG');
  });

  it('forgives one wrong letter in a specialty or a city word, as in names', () => {
    expect(index.search('cardilogue vasquier')[0]).toMatchObject({ match: 'fuzzy', entry: { address: planted.cardio.address } });
    expect(index.search('généraliste quimpre', { limit: 100 }).map((r) => r.entry.address)).toContain(planted.quaresma.address);
    expect(first('pediatre vanes')?.address).toBe(planted.pediatre.address);
    expect(first('quaresma quimpr')?.address).toBe(planted.quaresma.address);
  });

  it('reads St and Ste as Saint and Sainte, and ignores CEDEX, in the file and in queries', () => {
    // The planted cardiologist's routing line is "42000 ST ETIENNE CEDEX".
    expect(extractionLine(planted.cardio)).toContain('|42000 ST ETIENNE CEDEX|');
    expect(first('vasquier')).toMatchObject({ city: 'SAINT ETIENNE' });
    for (const q of [
      'vasquier st etienne',
      'vasquier saint-étienne',
      'vasquier St-Etienne',
      'vasquier saint etienne cedex',
      'cardiologue st etienne vasquier',
    ]) {
      expect([q, first(q)?.address]).toEqual([q, planted.cardio.address]);
    }
    expect(first('pharmacienne st denis abgrall')?.address).toBe(planted.pharmacienne.address);
    // "Ste" still begins names: "Stéphane" is found while typing.
    expect(index.search('ste', { limit: 500 }).some((r) => /^St[ée]ph/i.test(r.entry.givenName ?? ''))).toBe(true);
  });

  it('offers the closest words when nothing is found, only as queries that find someone', () => {
    const none = index.searchWithHints('cardiloguee vasquierr');
    expect(none.results).toEqual([]);
    expect(none.didYouMean[0]).toBe('cardiologue vasquier');
    expect(index.searchWithHints(none.didYouMean[0]!).results[0]!.entry.address).toBe(planted.cardio.address);
    expect(index.searchWithHints('generalistte quimpre').didYouMean).toContain('généraliste quimper');
    expect(index.searchWithHints('xqzwvk').didYouMean).toEqual([]);
    expect(index.searchWithHints('quaresma').didYouMean).toEqual([]);
  });
});

describe('a repeated address', () => {
  it('is one mailbox that keeps every line’s places and fields, found by any of them', () => {
    const base = person({
      address: 'j.ossart@medecin.mssante.fr',
      familyName: 'Ossart',
      givenName: 'Jeanne',
      specialtyCode: 'SM42',
      specialty: 'Psychiatrie',
      organisation: 'CABINET OSSART',
      postcode: '35000',
      city: 'Rennes',
      department: '35',
    });
    const lines = [
      EXTRACTION_HEADER,
      extractionLine({ ...base, rpps: '' }),
      extractionLine({ ...base, rpps: '10001112223', organisation: 'CENTRE HOSPITALIER GUILLAUME REGNIER', postcode: '35703', city: 'Rennes', cedex: true }),
      extractionLine({ ...base, rpps: '10001112223', organisation: 'CMP DE VITRE', postcode: '35500', city: 'Vitré', department: '35' }),
    ];
    const index = buildIndex(parseExtractionText(lines.join('\n')).rows);
    expect(index.size).toBe(1);
    expect(index.info.duplicates).toBe(2);
    const e = index.get(base.address)!;
    expect(e).toMatchObject({ organisation: 'CABINET OSSART', city: 'RENNES', rpps: '10001112223', specialty: 'Psychiatrie' });
    expect(e.otherPlaces).toEqual([
      { organisation: 'CENTRE HOSPITALIER GUILLAUME REGNIER', postcode: '35703', city: 'RENNES' },
      { organisation: 'CMP DE VITRE', postcode: '35500', city: 'VITRE' },
    ]);
    expect(index.search('psychiatre vitré')[0]?.entry.address).toBe(base.address);
    expect(index.search('ossart guillaume regnier')[0]?.entry.address).toBe(base.address);
    expect(index.search('10001112223')[0]?.entry.address).toBe(base.address);
  });
});
