import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { CliIO } from '../io';
import { directoryCommand, loadIndex } from './directory';
import { EXTRACTION_HEADER, extractionLine, syntheticExtraction, type SyntheticMailbox } from '../../shared/directory/synthetic';

const planted: SyntheticMailbox = {
  type: 'PER',
  address: 'anne-sophie.lefevre-bonnaventure@chu-lyon.mssante.fr',
  rpps: '10001234567',
  civility: 'DR',
  familyName: 'Lefèvre-Bonnaventure',
  givenName: 'Anne-Sophie',
  professionCode: '10',
  profession: 'Médecin',
  specialtyCode: 'SM04',
  specialty: 'Cardiologie et maladies vasculaires',
  service: '',
  organisation: 'CHU DE LYON',
  postcode: '69003',
  city: 'Lyon',
  department: '69',
  structId: '',
  street: '',
};

let dir: string;
let txt: string;
function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', cwd: dir, env: {} };
  return directoryCommand.run(args, io).then(
    (code) => ({ code, out: out.join('\n'), err: err.join('\n') }),
    (e: Error) => ({ code: -1, out: out.join('\n'), err: e.message, error: e }),
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-directory-'));
  txt = join(dir, 'extraction.txt');
  const text = [...syntheticExtraction({ count: 3000, seed: 4, planted: [planted], crlf: true, bom: true })].join('') + 'PER|ligne|abimee\r\n';
  writeFileSync(txt, text);
  writeFileSync(join(dir, 'extraction.zip'), zipSync({ 'Extraction_Correspondance_MSSante_202611280000.txt': strToU8(text) }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie directory', () => {
  it('builds an index from the .txt and from the ANS ZIP, and prints counts and seconds', async () => {
    for (const [file, out] of [
      ['extraction.txt', 'idx-txt'],
      ['extraction.zip', 'idx-zip'],
    ]) {
      const r = await run(['build', '--extraction', file!, '--out', out!]);
      expect(r.code).toBe(0);
      const summary = JSON.parse(r.out);
      expect(summary).toMatchObject({ entries: 3000, rows: 3000, badLines: 1, badByReason: { columns: 1 }, duplicates: 0 });
      expect(summary.firstBadLines).toEqual([{ line: 3002, reason: 'columns' }]);
      expect(typeof summary.seconds).toBe('number');
      expect(r.err).toMatch(/Index construit : 3000 boîtes, 1 lignes ignorées/);
    }
    expect(loadIndex(join(dir, 'idx-zip')).search('lefevre cardio lyon')).toEqual(loadIndex(join(dir, 'idx-txt')).search('lefevre cardio lyon'));
  });

  it('searches and prints the entries as JSON', async () => {
    const r = await run(['search', '--index', 'idx-txt', '--limit', '3', 'Lefèvre', 'cardio', 'lyon']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out);
    expect(results[0]).toMatchObject({
      address: planted.address,
      type: 'PER',
      displayName: 'Dr Anne-Sophie LEFÈVRE-BONNAVENTURE',
      profession: 'Médecin',
      specialty: 'Cardiologie et maladies vasculaires',
      organisation: 'CHU DE LYON',
      city: 'LYON',
      postcode: '69003',
      rpps: '10001234567',
    });
    expect(results.length).toBeLessThanOrEqual(3);
    const orgs = JSON.parse((await run(['search', '--index', 'idx-txt', '--type', 'ORG', '--limit', '5', 'secretariat'])).out);
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((e: { type: string }) => e.type === 'ORG')).toBe(true);
  });

  it('forgives how people type, and says “Vouliez-vous dire …” when nothing is found', async () => {
    for (const q of [
      ['Dr', 'Lefèvre-Bonnaventure'],
      ['docteur', 'bonnaventure', 'cardiologue'],
      ['cardilogue', 'bonnaventure', 'lyon'],
    ]) {
      expect([q, JSON.parse((await run(['search', '--index', 'idx-txt', ...q])).out)[0]?.address]).toEqual([q, planted.address]);
    }
    const none = await run(['search', '--index', 'idx-txt', 'bonnaventurre', 'cardiologuee']);
    expect(JSON.parse(none.out)).toEqual([]);
    expect(none.err).toMatch(/^Aucune boîte trouvée. Vouliez-vous dire «\u00a0bonnaventure cardiologue\u00a0».*\u202f\?\n/);
  });

  it('runs a file of queries, one JSON line per query with its time', async () => {
    writeFileSync(join(dir, 'q.txt'), 'lefevre bonna\n\n10001234567\r\nlefevre bonaventure\n');
    const r = await run(['search', '--index', 'idx-txt', '--queries', 'q.txt', '--limit', '2']);
    const lines = r.out.split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['lefevre bonna', '10001234567', 'lefevre bonaventure']);
    for (const l of lines) {
      expect(l.results[0].address).toBe(planted.address);
      expect(typeof l.ms).toBe('number');
    }
  });

  it('suggests the listed address for a mistyped one', async () => {
    const r = await run(['suggest', '--index', 'idx-txt', 'anne-sophie.lefevre-bonaventure@chu-lyon.mssante.fr']);
    const s = JSON.parse(r.out);
    expect(s.found).toBe(false);
    expect(s.suggestions[0]).toMatchObject({ address: planted.address, reason: 'close-spelling', distance: 1 });
    expect(JSON.parse((await run(['suggest', '--index', 'idx-txt', planted.address])).out).found).toBe(true);
  });

  it('refuses a file that is not an extraction and keeps the previous index', async () => {
    writeFileSync(join(dir, 'autre.txt'), 'nom|prenom\nDURAND|Pierre\n');
    const r = await run(['build', '--extraction', 'autre.txt', '--out', 'idx-txt']);
    expect(r.code).toBe(-1);
    expect(r.err).toMatch(/Adresse BAL/);
    expect(loadIndex(join(dir, 'idx-txt')).size).toBe(3000);
    writeFileSync(join(dir, 'vide.zip'), zipSync({ 'lisez-moi.pdf': strToU8('x') }));
    expect((await run(['build', '--extraction', 'vide.zip', '--out', 'idx-txt'])).err).toMatch(/sans fichier \.txt/);
    const zip = readFileSync(join(dir, 'extraction.zip'));
    writeFileSync(join(dir, 'tronque.zip'), zip.subarray(0, zip.length >> 1));
    expect((await run(['build', '--extraction', 'tronque.zip', '--out', 'idx-txt'])).code).toBe(-1);
    expect(loadIndex(join(dir, 'idx-txt')).size).toBe(3000);
    expect((await run(['build', '--extraction', 'absent.txt', '--out', 'x'])).err).toMatch(/introuvable/);
  });

  it('explains a missing or damaged index and bad options', async () => {
    expect((await run(['search', '--index', 'nulle-part', 'martin'])).err).toMatch(/vigie directory build/);
    expect((await run(['search', '--index', 'idx-txt'])).err).toMatch(/query words/);
    expect((await run(['search', '--index', 'idx-txt', '--limit', '0', 'x'])).err).toMatch(/--limit/);
    expect((await run(['build'])).err).toMatch(/--extraction/);
    expect((await run(['frobnicate'])).err).toMatch(/unknown subcommand/);
    writeFileSync(join(dir, 'idx-zip', 'postings.bin'), 'abc');
    expect(() => loadIndex(join(dir, 'idx-zip'))).toThrow(/postings\.bin/);
  });

  it('generates a synthetic extraction with the published header', async () => {
    const r = await run(['generate', '--count', '50', '--seed', '2', '--out', 'gen/ext.txt']);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'gen', 'ext.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe(EXTRACTION_HEADER);
    expect(text.trim().split('\n')).toHaveLength(51);
    expect(existsSync(join(dir, 'gen'))).toBe(true);
    expect(extractionLine(planted).split('|')).toHaveLength(31);
  });
});
