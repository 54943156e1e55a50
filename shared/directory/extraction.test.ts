import {
  EXTRACTION_COLUMNS,
  ExtractionFormatError,
  ExtractionParser,
  cityFromRouting,
  departmentFromPostcode,
  parseExtractionText,
  type ExtractionRow,
} from './extraction';
import { EXTRACTION_HEADER, extractionLine, syntheticExtraction, syntheticMailboxes, type SyntheticMailbox } from './synthetic';

const base: SyntheticMailbox = {
  type: 'PER',
  address: 'anne-sophie.lefevre-bonnaventure@medecin.mssante.fr',
  rpps: '10001234567',
  civility: 'DR',
  familyName: 'Lefèvre-Bonnaventure',
  givenName: 'Anne-Sophie',
  professionCode: '10',
  profession: 'Médecin',
  specialtyCode: 'SM04',
  specialty: 'Cardiologie et maladies vasculaires',
  service: '',
  organisation: 'CABINET DU PARC',
  postcode: '69003',
  city: 'Lyon',
  department: '69',
  structId: '1690000001',
  street: '12 RUE PASTEUR',
};
const org: SyntheticMailbox = {
  ...base,
  type: 'ORG',
  address: 'secretariat.cardiologie@chu-lyon.mssante.fr',
  rpps: '',
  civility: '',
  familyName: '',
  givenName: '',
  professionCode: '',
  profession: '',
  specialtyCode: '',
  specialty: '',
  service: 'Cardiologie',
  organisation: 'CHU DE LYON',
};

describe('the extraction parser', () => {
  it('reads the published 31-column header and maps every field by name', () => {
    expect(EXTRACTION_COLUMNS).toHaveLength(31);
    const { rows, report } = parseExtractionText(`${EXTRACTION_HEADER}\n${extractionLine(base)}\n${extractionLine(org)}\n`);
    expect(report).toMatchObject({ rows: 2, badLines: 0, unknownColumns: expect.any(Array) });
    expect(rows[0]).toMatchObject({
      type: 'PER',
      address: base.address,
      rpps: '10001234567',
      nationalId: '810001234567',
      civility: 'DR',
      familyName: 'LEFÈVRE-BONNAVENTURE',
      givenName: 'Anne-Sophie',
      profession: 'Médecin',
      specialty: 'Cardiologie et maladies vasculaires',
      organisation: 'CABINET DU PARC',
      postcode: '69003',
      city: 'LYON',
      department: '69',
    });
    expect(rows[1]).toMatchObject({ type: 'ORG', service: 'Cardiologie', organisation: 'CHU DE LYON', familyName: '', rpps: '' });
  });

  it('finds columns by name whatever their order, spelling of accents or extra columns', () => {
    const cols = ['Adresse BAL', 'Colonne ajoutée', 'NOM D EXERCICE', 'prenom_d_exercice', 'type de bal', 'Libelle Profession', 'Code postal structure BAL'];
    const text = `${cols.join('|')}\npierre.durand@infirmier.mssante.fr|x|DURAND|Pierre|PER|Infirmier|13005\n`;
    const { rows, report } = parseExtractionText(text);
    expect(report.unknownColumns).toEqual(['Colonne ajoutée']);
    expect(rows).toEqual([
      expect.objectContaining({
        address: 'pierre.durand@infirmier.mssante.fr',
        familyName: 'DURAND',
        givenName: 'Pierre',
        type: 'PER',
        profession: 'Infirmier',
        postcode: '13005',
        department: '13',
      }),
    ]);
  });

  it('accepts a byte-order mark, CRLF line ends, a trailing separator and blank lines', () => {
    const text = `\ufeff${EXTRACTION_HEADER}|\r\n${extractionLine(base)}|\r\n\r\n${extractionLine(org)}\r\n`;
    const { rows, report } = parseExtractionText(text);
    expect(report.badLines).toBe(0);
    expect(rows.map((r) => r.address)).toEqual([base.address, org.address]);
    expect(rows[1]!.department).toBe('69');
    expect(JSON.stringify(rows)).not.toContain('\\r');
  });

  it('gives the same rows whatever the chunk boundaries (mid-line, between CR and LF)', () => {
    const text = [...syntheticExtraction({ count: 300, seed: 3, crlf: true, bom: true })].join('');
    const whole = parseExtractionText(text).rows;
    for (const size of [1, 7, 64, 1000]) {
      const rows: ExtractionRow[] = [];
      const p = new ExtractionParser((r) => rows.push(r));
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      expect(p.end().rows).toBe(300);
      expect(rows).toEqual(whole);
    }
  });

  it('counts and locates bad lines without losing the good ones', () => {
    const short = 'PER|jean@medecin.mssante.fr|8';
    const noAddress = extractionLine({ ...base, address: 'pas-une-adresse' });
    const badType = extractionLine({ ...base, address: 'x.y@medecin.mssante.fr' }).replace(/^PER/, 'XYZ');
    const text = [EXTRACTION_HEADER, extractionLine(base), short, noAddress, badType, extractionLine(org)].join('\n');
    const { rows, report } = parseExtractionText(text);
    expect(rows.map((r) => r.address)).toEqual([base.address, org.address]);
    expect(report.badLines).toBe(3);
    expect(report.bad).toEqual([
      { line: 3, reason: 'columns' },
      { line: 4, reason: 'address' },
      { line: 5, reason: 'type' },
    ]);
    expect(report.badByReason).toEqual({ columns: 1, address: 1, type: 1 });
  });

  it('refuses a file that is not an extraction, with a clear message', () => {
    expect(() => parseExtractionText('nom|prenom\nDURAND|Pierre\n')).toThrow(ExtractionFormatError);
    expect(() => parseExtractionText('nom|prenom\n')).toThrow(/Adresse BAL/);
    expect(() => parseExtractionText('')).toThrow(/vide|empty/i);
  });

  it('reads the city from the routing line and the department from the postcode', () => {
    expect(cityFromRouting('69003 LYON CEDEX 03', '69003')).toBe('LYON');
    expect(cityFromRouting('75002 PARIS', '')).toBe('PARIS');
    expect(departmentFromPostcode('20000')).toBe('2A');
    expect(departmentFromPostcode('20600')).toBe('2B');
    expect(departmentFromPostcode('97411')).toBe('974');
    expect(departmentFromPostcode('abc')).toBe('');
  });
});

describe('the synthetic extraction', () => {
  it('is shaped like the real file', () => {
    const text = [...syntheticExtraction({ count: 30000, seed: 3 })].join('');
    const lines = text
      .split('\n')
      .slice(1, -1)
      .map((l) => l.split('|'));
    const { rows } = parseExtractionText(text);
    // Personal mailboxes on the national domains: most without an address.
    const national = rows.filter(
      (r) => r.type === 'PER' && /^(medecin|pharmacien|infirmier|sage-femme|masseur-kinesitherapeute)\.mssante\.fr$/.test(r.address.split('@')[1]!),
    );
    expect(national.filter((r) => !r.city).length / national.length).toBeGreaterThan(0.4);
    expect(new Set(rows.map((r) => r.civility))).toEqual(new Set(['DR', 'PR', '']));
    // One structure id, one organisation and one city.
    const places = new Map<string, Set<string>>();
    for (const l of lines) if (l[6]) places.set(l[6]!, (places.get(l[6]!) ?? new Set()).add(`${l[18]} ${l[27]}`));
    expect([...places.values()].filter((p) => p.size > 1).map((p) => [...p])).toEqual([]);
    // Routing lines as La Poste writes them, read back as city names.
    expect(lines.some((l) => / ST /.test(l[27]!))).toBe(true);
    expect(lines.some((l) => / CEDEX$/.test(l[27]!))).toBe(true);
    expect(rows.some((r) => /CEDEX|^ST /.test(r.city))).toBe(false);
    expect(rows.some((r) => r.city.startsWith('SAINT '))).toBe(true);
    // A few repeated addresses, each with another place.
    const seen = new Map<string, string>();
    const repeated = rows.filter((r) => {
      const again = seen.has(r.address);
      seen.set(r.address, r.city);
      return again;
    });
    expect(repeated.length).toBeGreaterThan(0);
    expect(repeated.length).toBeLessThan(60);
  });

  it('has the exact published header and parses without a bad line', () => {
    const text = [...syntheticExtraction({ count: 5000, seed: 11 })].join('');
    expect(text.slice(0, text.indexOf('\n'))).toBe(EXTRACTION_COLUMNS.join('|'));
    const { rows, report } = parseExtractionText(text);
    expect(report).toMatchObject({ rows: 5000, badLines: 0 });
    // A few addresses come twice, as in the real file.
    expect(new Set(rows.map((r) => r.address)).size).toBeGreaterThan(4990);
    const types = new Set(rows.map((r) => r.type));
    expect(types).toEqual(new Set(['PER', 'ORG']));
    const domains = rows.map((r) => r.address.split('@')[1]);
    expect(domains).toContain('medecin.mssante.fr');
    expect(domains).toContain('mssante.apicrypt.org');
    expect(rows.some((r) => /[éèêëïôç]/i.test(r.familyName + r.givenName))).toBe(true);
    expect(rows.some((r) => r.familyName.includes('-') || r.givenName.includes('-'))).toBe(true);
  });

  it('is reproducible from its seed and differs between seeds', () => {
    const a = [...syntheticMailboxes({ count: 200, seed: 5 })];
    const b = [...syntheticMailboxes({ count: 200, seed: 5 })];
    const c = [...syntheticMailboxes({ count: 200, seed: 6 })];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('places planted mailboxes inside the file', () => {
    const all = [...syntheticMailboxes({ count: 1000, seed: 1, planted: [base, org] })];
    expect(all).toHaveLength(1000);
    expect(all.filter((m) => m === base || m === org)).toHaveLength(2);
  });
});
