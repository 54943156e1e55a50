// `vigie scan` and `vigie check` with the real health-data scanner, run in-process as the command line runs them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVigie } from '../../cli/test-io';
import { corpusDir } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'vigie-hd-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

const nirNote = write(
  'nir.txt',
  'Bonjour,\n\nPour le dossier d’admission, numéro de sécurité sociale du patient : 1 85 06 75 112 345 45.\n\nBureau des entrées',
);
const clinicalReport = write(
  'crh.txt',
  'Cher confrère,\n\nVotre patiente, Mme Monique Leroy, née le 14/02/1941, a été hospitalisée du 05/03 au 12/03 pour décompensation cardiaque.\nTraitement de sortie : furosémide 40 mg le matin, bisoprolol 2,5 mg.\n\nDr Fontaine',
);
const meetingNote = write(
  'meeting.txt',
  'Bonjour à tous,\n\nLa réunion de service est déplacée à jeudi 14 h en salle Pasteur. Ordre du jour : planning d’été, travaux de l’aile B, formation incendie.\n\nLe cadre de santé',
);

describe('vigie scan', () => {
  it('prints the report contract for a file: containsHealthData, masked findings, score', async () => {
    const r = await runVigie(['scan', nirNote], { cwd: dir });
    expect(r.code).toBe(0);
    const out = r.json() as { containsHealthData: boolean; findings: Record<string, unknown>[]; score: number };
    expect(out.containsHealthData).toBe(true);
    expect(out.score).toBeGreaterThanOrEqual(1);
    expect(out.findings[0]).toEqual({
      kind: 'nir',
      source: 'body',
      start: expect.any(Number),
      end: expect.any(Number),
      excerpt: '1 85 ** ** *** *** **',
      weight: 1,
    });
    expect(r.stdout).not.toContain('112 345');
  });

  it('reads standard input with -, and attachment names with --attachment (repeatable)', async () => {
    const clean = await runVigie(['scan', '-'], { stdin: 'Bonjour, la réunion est à 14 h.' });
    expect(clean.json()).toEqual({ containsHealthData: false, findings: [], score: 0 });
    const r = await runVigie(['scan', '-', '--attachment', 'planning.xlsx', '--attachment', 'CR_DUPONT_Jean.pdf'], { stdin: 'ci-joint' });
    const out = r.json() as { containsHealthData: boolean; findings: { kind: string; source: string; excerpt: string }[] };
    expect(out.containsHealthData).toBe(true);
    expect(out.findings).toEqual([expect.objectContaining({ kind: 'attachment-report', source: 'attachment', excerpt: 'CR_******_****.pdf' })]);
  });

  it('scans a corpus report the same way the library does', async () => {
    const r = await runVigie(['scan', join(corpusDir, 'positive', 'fr-04-resultats-biologie.txt')]);
    expect((r.json() as { containsHealthData: boolean }).containsHealthData).toBe(true);
    const n = await runVigie(['scan', join(corpusDir, 'negative', 'fr-05-facture-fournisseur.txt')]);
    expect((n.json() as { containsHealthData: boolean }).containsHealthData).toBe(false);
  });

  it('gives a clear usage error for a missing file or argument, and prints nothing on stdout', async () => {
    const missing = await runVigie(['scan', 'no-such-file.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read no-such-file.txt: no such file');
    expect(missing.stdout).toBe('');
    const none = await runVigie(['scan']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: vigie scan');
  });
});

interface CheckOut {
  verdict: string;
  message: string;
  reasons: string[];
  findings: { kind: string; excerpt: string; label: string }[];
}
const check = async (from: string, to: string, body: string, extra: string[] = []) => {
  const r = await runVigie(['check', '--from', from, '--body-file', body, ...extra, '--', to], { cwd: dir });
  return { code: r.code, out: r.json() as CheckOut, stdout: r.stdout };
};

describe('vigie check with health data', () => {
  const hospital = 'secretariat.cardio@chu-exemple.fr';

  it('warns when a non-MSSanté sender sends a NIR to gmail.com, naming the reason and advising MSSanté', async () => {
    const { code, out, stdout } = await check(hospital, 'jean.dupont@gmail.com', nirNote);
    expect(out.verdict).toBe('warn');
    expect(code).toBe(10);
    expect(out.reasons).toContain('verdict.warn.health-data');
    expect(out.message).toContain('NIR détecté');
    expect(out.message).toContain('messagerie MSSanté');
    expect(stdout).not.toContain('112 345');
  });

  it('warns when a non-MSSanté sender sends a clinical report to gmail.com', async () => {
    const { out } = await check(hospital, 'Jean Dupont <jean.dupont@gmail.com>', clinicalReport);
    expect(out.verdict).toBe('warn');
    expect(out.findings.length).toBeGreaterThan(0);
    expect(out.message).toMatch(/des données de santé .* partent vers une messagerie grand public/);
    const attached = await check(hospital, 'jean.dupont@gmail.com', meetingNote, ['--attachment', 'CR_hospitalisation_LEROY.pdf', '--lang', 'en']);
    expect(attached.out.verdict).toBe('warn');
    expect(attached.out.message).toContain('medical report attached');
  });

  it('warns for a named patient with a birth date and one clinical fact, from a non-MSSanté sender to gmail.com', async () => {
    const decompensation = write('decompensation.txt', 'Madame Durand, née le 12/03/1941, hospitalisée pour décompensation cardiaque.');
    const prescription = write('ordonnance.txt', 'Ordonnance pour Mme Petit Claire née le 21/08/1979 : amoxicilline 1 g 3 fois par jour pendant 7 jours.');
    for (const body of [decompensation, prescription]) {
      const { code, out, stdout } = await check(hospital, 'claire.petit@gmail.com', body);
      expect({ body, verdict: out.verdict, code }).toEqual({ body, verdict: 'warn', code: 10 });
      expect(out.reasons).toContain('verdict.warn.health-data');
      expect(stdout).not.toMatch(/1941|1979|Durand|Petit/);
    }
  });

  it('allows a meeting note from a non-MSSanté sender to gmail.com', async () => {
    const { code, out } = await check(hospital, 'jean.dupont@gmail.com', meetingNote);
    expect(out.verdict).toBe('allow');
    expect(code).toBe(0);
    expect(out.findings).toEqual([]);
  });

  it('warns when a gmail.com sender sends a clinical report, even to an MSSanté or a hospital address', async () => {
    for (const to of ['dr.martin@medecin.mssante.fr', 'accueil@chu-exemple.fr']) {
      const { out } = await check('dr.durand@gmail.com', to, clinicalReport);
      expect(out.verdict).toBe('warn');
      expect(out.message).toContain('gmail.com');
    }
    const { out } = await check('dr.durand@gmail.com', 'dr.martin@medecin.mssante.fr', meetingNote);
    expect(out.verdict).toBe('allow');
  });

  it('lets policy raise the health-data warning to a block', async () => {
    const policy = write('policy.json', JSON.stringify({ healthData: { consumerRecipient: 'block' } }));
    const { code, out } = await check(hospital, 'jean.dupont@gmail.com', clinicalReport, ['--policy', policy]);
    expect(out.verdict).toBe('block');
    expect(code).toBe(20);
  });
});
