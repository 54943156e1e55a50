// Streaming parser of the Annuaire Santé daily file `Extraction_Correspondance_MSSante`:
// UTF-8 text, `|`-separated, one header line, 31 columns. Columns are found by name, never by position;
// a bad line is counted and reported, never fatal. The caller feeds decoded text chunks (any size).
import { fold } from './normalize';
import { cityName } from './place';

/** The 31 columns of the extraction, in the order the ANS publishes them. */
export const EXTRACTION_COLUMNS = [
  'Type de BAL',
  'Adresse BAL',
  'Type Identifiant PP',
  'Identifiant PP',
  'Identification nationale PP',
  'Type identifiant structure',
  'Identification Structure',
  'Service de rattachement',
  "Civilité d'exercice",
  "Nom d'exercice",
  "Prénom d'exercice",
  'Catégorie profession',
  'Libellé de catégorie profession',
  'Code Profession',
  'Libellé Profession',
  'Code savoir-faire',
  'Libellé savoir-faire',
  'Dématérialisation',
  'Raison Sociale structure BAL',
  'Enseigne commerciale structure BAL',
  'L2COMPLEMENTLOCALISATION structure BAL',
  'L3COMPLEMENTDISTRIBUTION structure BAL',
  'L4NUMEROVOIE structure BAL',
  'L4COMPLEMENTNUMEROVOIE structure BAL',
  'NL4TYPEVOIE structure BAL',
  'L4LIBELLEVOIE structure BAL',
  'L5LIEUDITMENTION structure BAL',
  'L6LIGNEACHEMINEMENT structure BAL',
  'Code postal structure BAL',
  'Département structure BAL',
  'Pays structure BAL',
] as const;

/** One mailbox as read from a line of the extraction (raw values, trimmed; empty when absent). */
export interface ExtractionRow {
  type: string;
  address: string;
  rpps: string;
  nationalId: string;
  service: string;
  civility: string;
  familyName: string;
  givenName: string;
  professionCode: string;
  profession: string;
  specialtyCode: string;
  specialty: string;
  organisation: string;
  tradeName: string;
  postcode: string;
  city: string;
  department: string;
}

type Field = keyof ExtractionRow | 'routing' | 'idType';

/** Header names (folded, letters and digits only) → field. Several spellings are accepted for each. */
const HEADER_ALIASES: Record<string, Field> = {
  typedebal: 'type',
  typebal: 'type',
  adressebal: 'address',
  adressemssante: 'address',
  adressebalmssante: 'address',
  typeidentifiantpp: 'idType',
  identifiantpp: 'rpps',
  identificationnationalepp: 'nationalId',
  servicederattachement: 'service',
  servicerattachement: 'service',
  civilitedexercice: 'civility',
  civiliteexercice: 'civility',
  nomdexercice: 'familyName',
  nomexercice: 'familyName',
  prenomdexercice: 'givenName',
  prenomexercice: 'givenName',
  codeprofession: 'professionCode',
  libelleprofession: 'profession',
  codesavoirfaire: 'specialtyCode',
  libellesavoirfaire: 'specialty',
  raisonsocialestructurebal: 'organisation',
  raisonsociale: 'organisation',
  raisonsocialestructure: 'organisation',
  enseignecommercialestructurebal: 'tradeName',
  enseignecommerciale: 'tradeName',
  l6ligneacheminementstructurebal: 'routing',
  l6ligneacheminement: 'routing',
  codepostalstructurebal: 'postcode',
  codepostal: 'postcode',
  departementstructurebal: 'department',
  departement: 'department',
};

const ORDER: Field[] = [
  'type',
  'address',
  'rpps',
  'nationalId',
  'service',
  'civility',
  'familyName',
  'givenName',
  'professionCode',
  'profession',
  'specialtyCode',
  'specialty',
  'organisation',
  'tradeName',
  'postcode',
  'department',
  'routing',
  'idType',
];
const F = Object.fromEntries(ORDER.map((f, i) => [f, i])) as Record<Field, number>;

export function headerKey(name: string): string {
  return fold(name).replace(/[^a-z0-9]/g, '');
}

export type BadLineReason = 'columns' | 'address' | 'type';

export interface BadLine {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  reason: BadLineReason;
}

export interface ExtractionReport {
  /** Lines read, header included, empty lines excluded. */
  lines: number;
  rows: number;
  badLines: number;
  /** The first bad lines (at most 50), for the report. */
  bad: BadLine[];
  badByReason: Record<BadLineReason, number>;
  /** Columns of the header that were not recognised (kept for information). */
  unknownColumns: string[];
}

export class ExtractionFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractionFormatError';
  }
}

function blank(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (text.charCodeAt(i) > 32) return false;
  return true;
}

/** The cell between offsets a and b, without surrounding spaces. */
function cell(text: string, a: number, b: number): string {
  while (a < b && text.charCodeAt(a) <= 32) a++;
  while (b > a && text.charCodeAt(b - 1) <= 32) b--;
  return a < b ? text.slice(a, b) : '';
}

const ADDRESS = /^[^\s@]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
const KNOWN_TYPES = new Set(['PER', 'ORG', 'APP', 'CAB']);
const MAX_BAD_KEPT = 50;

/** "69003 LYON CEDEX 03" → "LYON"; "97400 ST DENIS" → "SAINT DENIS"; "75002 PARIS" → "PARIS". */
export function cityFromRouting(routing: string, postcode: string): string {
  let s = routing.trim();
  if (postcode && s.startsWith(postcode)) s = s.slice(postcode.length);
  else s = s.replace(/^\d{4,5}\s+/, '');
  return cityName(s);
}

/** Department code from a French postcode: "69003" → "69", "20000" → "2A", "97411" → "974". */
export function departmentFromPostcode(postcode: string): string {
  if (!/^\d{5}$/.test(postcode)) return '';
  if (postcode.startsWith('97') || postcode.startsWith('98')) return postcode.slice(0, 3);
  if (postcode.startsWith('20')) return Number(postcode.slice(0, 3)) < 202 ? '2A' : '2B';
  return postcode.slice(0, 2);
}

/**
 * Reads the extraction line by line from text chunks. `onRow` receives every valid row.
 * Throws ExtractionFormatError only when the header has no `Adresse BAL` column (not an extraction at all).
 */
export class ExtractionParser {
  private pending = '';
  private lineNo = 0;
  private index: Partial<Record<Field, number>> | null = null;
  private cols: number[] = [];
  private readonly cities = new Map<string, string>();
  private width = 0;
  /** Offsets of the separators of the current line. */
  private readonly pos = new Int32Array(258);
  private readonly report: ExtractionReport = {
    lines: 0,
    rows: 0,
    badLines: 0,
    bad: [],
    badByReason: { columns: 0, address: 0, type: 0 },
    unknownColumns: [],
  };

  constructor(private readonly onRow: (row: ExtractionRow) => void) {}

  push(chunk: string): void {
    let text = this.pending + chunk;
    if (this.lineNo === 0 && this.index === null && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.line(text, start, nl);
      start = nl + 1;
    }
    this.pending = text.slice(start);
  }

  /** Ends the input (a last line without a newline is read) and returns the report. */
  end(): ExtractionReport {
    if (this.pending) this.line(this.pending, 0, this.pending.length);
    this.pending = '';
    if (this.index === null) throw new ExtractionFormatError('Fichier vide : aucune ligne d’en-tête. / Empty file: no header line.');
    return this.report;
  }

  private line(text: string, from: number, to: number): void {
    this.lineNo++;
    if (to > from && text.charCodeAt(to - 1) === 13) to--;
    if (to <= from) return;
    if (text.charCodeAt(from) <= 32 && !text.slice(from, to).trim()) return;
    this.report.lines++;
    if (this.index === null) {
      const line = text.slice(from, to);
      this.header(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
      return;
    }
    this.row(text, from, to);
  }

  private header(line: string): void {
    const names = line.split('|');
    while (names.length && !names[names.length - 1]!.trim()) names.pop();
    const index: Partial<Record<Field, number>> = {};
    names.forEach((name, i) => {
      const field = HEADER_ALIASES[headerKey(name)];
      if (field && index[field] === undefined) index[field] = i;
      else if (!field) this.report.unknownColumns.push(name.trim());
    });
    if (index.address === undefined) {
      throw new ExtractionFormatError(
        `En-tête inattendu : pas de colonne « Adresse BAL » (ligne ${this.lineNo}). / Unexpected header: no "Adresse BAL" column (line ${this.lineNo}).`,
      );
    }
    this.index = index;
    this.cols = ORDER.map((f) => index[f] ?? -1);
    this.width = names.length;
  }

  private bad(reason: BadLineReason): void {
    const r = this.report;
    r.badLines++;
    r.badByReason[reason]++;
    if (r.bad.length < MAX_BAD_KEPT) r.bad.push({ line: this.lineNo, reason });
  }

  private row(text: string, from: number, to: number): void {
    // Cells are cut straight from the text between separators: no array of 31 strings per line.
    const pos = this.pos;
    pos[0] = from - 1;
    let n = 0;
    for (let i = from; ;) {
      const p = text.indexOf('|', i);
      if (p < 0 || p >= to) break;
      if (++n >= pos.length - 1) return this.bad('columns');
      pos[n] = p;
      i = p + 1;
    }
    pos[n + 1] = to;
    let cellCount = n + 1;
    // A trailing `|` adds one empty cell; anything else that does not fit the header is a bad line.
    if (cellCount === this.width + 1 && blank(text, pos[n]! + 1, to)) cellCount--;
    if (cellCount !== this.width) return this.bad('columns');
    const c = this.cols;
    const get = (f: number): string => {
      const i = c[f]!;
      return i < 0 ? '' : cell(text, pos[i]! + 1, pos[i + 1]!);
    };
    const address = get(F.address);
    if (!ADDRESS.test(address)) return this.bad('address');
    let type = get(F.type).toUpperCase();
    if (c[F.type]! >= 0 && !KNOWN_TYPES.has(type)) return this.bad('type');
    if (!type) type = get(F.familyName) ? 'PER' : 'ORG';
    const postcode = get(F.postcode);
    const routing = get(F.routing);
    let city = '';
    if (routing) {
      const cached = this.cities.get(routing);
      city = cached ?? cityFromRouting(routing, postcode);
      if (cached === undefined && this.cities.size < 100000) this.cities.set(routing, city);
    }
    this.report.rows++;
    this.onRow({
      type,
      address,
      rpps: get(F.rpps),
      nationalId: get(F.nationalId),
      service: get(F.service),
      civility: get(F.civility),
      familyName: get(F.familyName),
      givenName: get(F.givenName),
      professionCode: get(F.professionCode),
      profession: get(F.profession),
      specialtyCode: get(F.specialtyCode),
      specialty: get(F.specialty),
      organisation: get(F.organisation),
      tradeName: get(F.tradeName),
      postcode,
      city,
      department: get(F.department) || departmentFromPostcode(postcode),
    });
  }
}

/** Parses a whole extraction held in memory (tests, small files). */
export function parseExtractionText(text: string): { rows: ExtractionRow[]; report: ExtractionReport } {
  const rows: ExtractionRow[] = [];
  const p = new ExtractionParser((r) => rows.push(r));
  p.push(text);
  return { rows, report: p.end() };
}
