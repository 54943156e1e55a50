import { mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { runVigie } from '../test-io';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'xdm');
const TEST_INS = '279035121518989';

interface Out {
  subject: string;
  headers: Record<string, string>;
  attachments: { name: string; path: string; size: number }[];
  entries: { path: string; sha1: string; size: number; wrapped: boolean; uniqueId: string }[];
  size: { level: string; message: string };
  notices: string[];
}

describe('vigie xdm pack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-xdm-'));
  for (const f of ['cda-n1-imagerie.xml', 'cda-n3-biologie.xml', 'cr-imagerie-test.pdf']) copyFileSync(join(FIXTURES, f), join(dir, f));
  const out = join(dir, 'IHE_XDM.ZIP');

  it('packs a CDA with nothing else: patient, INS authority, dates and codes from its header, the embedded PDF beside', async () => {
    const r = await runVigie(['xdm', 'pack', '--document', join(dir, 'cda-n1-imagerie.xml'), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const o = r.json() as Out;
    expect(o.subject).toBe('XDM/1.0/DDM+Echographie abdominale PAT-TROIS DOMINIQUE 28/03/1979');
    expect(o.headers).toEqual({ 'X-MSS-CODECDA': '18748-4', 'X-MSS-INS': 'O' });
    expect(o.attachments.map((a) => a.name)).toEqual(['IHE_XDM.ZIP', '20261014_CR_d_imagerie_medicale_PAT-TROIS_DOMINIQUE.pdf']);
    expect(o.attachments[0]!.path).toBe(out);
    expect(readFileSync(o.attachments[1]!.path)).toEqual(readFileSync(join(dir, 'cr-imagerie-test.pdf')));
    expect(o.entries).toMatchObject([{ path: 'IHE_XDM/SUBSET01/DOC0001.XML', uniqueId: '1.2.250.1.999.7.3.1^ECHO-2026-10-0042', wrapped: false }]);
    const metadata = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['IHE_XDM/SUBSET01/METADATA.XML']!);
    expect(metadata).toContain(`${TEST_INS}^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH`);
    expect(metadata).toContain(
      createHash('sha1')
        .update(readFileSync(join(dir, 'cda-n1-imagerie.xml')))
        .digest('hex'),
    );
    // Says clearly what the policy lacks.
    expect(o.notices.join(' ')).toMatch(/X-MSS-NIL/);
    expect(o.notices.join(' ')).toMatch(/documents\.sourceId/);
  });

  it('refuses a flag that contradicts the CDA (another INS) and names both values', async () => {
    const r = await runVigie(['xdm', 'pack', '--document', join(dir, 'cda-n1-imagerie.xml'), '--out', out, '--patient-ins', '288109912345684']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/contredit le document CDA \(INS\u00a0: «\u00a0288109912345684\u00a0» indiqué, «\u00a0279035121518989\u00a0»/);
  });

  it('wraps a PDF given alone in a CDA level 1, with the INS authority the user names', async () => {
    const r = await runVigie([
      'xdm',
      'pack',
      '--document',
      join(dir, 'cr-imagerie-test.pdf'),
      '--out',
      out,
      '--patient-ins',
      TEST_INS,
      '--ins-authority',
      'test',
      '--patient-family',
      'Pat-Trois',
      '--patient-given',
      'Dominique',
      '--patient-birth-date',
      '1979-03-28',
      '--patient-sex',
      'F',
      '--type-code',
      '11490-0',
      '--title',
      'Lettre de liaison',
      '--author-idnat',
      '810001234567',
      '--author-family',
      'MARTIN',
      '--author-given',
      'Jeanne',
      '--organisation',
      'CHU Exemple',
      '--nil',
      'DEV935997',
    ]);
    expect(r.stderr).toBe('');
    const o = r.json() as Out;
    expect(o.headers).toEqual({ 'X-MSS-CODECDA': '11490-0', 'X-MSS-INS': 'O', 'X-MSS-NIL': 'DEV935997' });
    expect(o.entries[0]!.wrapped).toBe(true);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(strFromU8(files['IHE_XDM/SUBSET01/DOC0001.XML']!)).toContain(`<id root="1.2.250.1.213.1.4.10" extension="${TEST_INS}"/>`);
    expect(o.attachments[1]!.name).toMatch(/^\d{8}_Lettre_de_liaison_a_la_sortie_d_un_etablissement_de_soins_PAT-TROIS_DOMINIQUE\.pdf$/);
  });

  it('takes X-MSS-NIL, sourceId, the read-receipt default and the size limit from the org policy', async () => {
    writeFileSync(
      join(dir, 'policy.json'),
      JSON.stringify({ documents: { productReference: 'VIGIE-CHU-42', sourceId: '1.2.250.1.999.42', readReceipt: true, operatorSizeLimitMB: 0.00001 } }),
    );
    const r = await runVigie([
      'xdm',
      'pack',
      '--document',
      join(dir, 'cda-n3-biologie.xml'),
      '--out',
      out,
      '--policy',
      join(dir, 'policy.json'),
      '--read-receipt-to',
      'jeanne.martin@chu-exemple.mssante.fr',
    ]);
    const o = r.json() as Out;
    expect(o.headers['X-MSS-NIL']).toBe('VIGIE-CHU-42');
    expect(o.headers['Disposition-Notification-To']).toBe('<jeanne.martin@chu-exemple.mssante.fr>');
    expect(o.notices.join(' ')).not.toMatch(/sourceId/);
    expect(o.size.level).toBe('warn');
    expect(r.code).toBe(10);
    const declined = await runVigie([
      'xdm',
      'pack',
      '--document',
      join(dir, 'cda-n3-biologie.xml'),
      '--out',
      out,
      '--policy',
      join(dir, 'policy.json'),
      '--read-receipt-to',
      'a@b.mssante.fr',
      '--no-read-receipt',
    ]);
    expect((declined.json() as Out).headers['Disposition-Notification-To']).toBeUndefined();
  });

  it('closes the conversation when writing to the patient; refuses a document invisible to the patient sent to them', async () => {
    const r = await runVigie(['xdm', 'pack', '--document', join(dir, 'cda-n1-imagerie.xml'), '--out', out, '--to', `${TEST_INS}@patient.mssante.fr`]);
    expect((r.json() as Out).headers['X-MSS-MES']).toBe('FIN');
    const masked = await runVigie([
      'xdm',
      'pack',
      '--document',
      join(dir, 'cda-n1-imagerie.xml'),
      '--out',
      out,
      '--to',
      `${TEST_INS}@patient.mssante.fr`,
      '--invisible-patient',
    ]);
    expect(masked.code).toBe(1);
    expect(masked.stderr).toMatch(/non visible par le patient/);
  });

  it('refuses more than 25 MB to a patient: exit 20, nothing written', async () => {
    const big = join(dir, 'big.pdf');
    writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 1)]));
    const bigOut = join(dir, 'big', 'IHE_XDM.ZIP');
    const r = await runVigie([
      'xdm',
      'pack',
      '--document',
      big,
      '--out',
      bigOut,
      '--patient-ins',
      TEST_INS,
      '--patient-family',
      'Pat-Trois',
      '--patient-given',
      'Dominique',
      '--patient-birth-date',
      '1979-03-28',
      '--to',
      `${TEST_INS}@patient.mssante.fr`,
    ]);
    expect(r.code).toBe(20);
    expect(r.stderr).toMatch(/25 Mo/);
    expect(existsSync(bigOut)).toBe(false);
  });

  it('reports usage errors with exit 2', async () => {
    expect((await runVigie(['xdm', 'pack', '--title', 'x'])).code).toBe(2);
    expect((await runVigie(['xdm'])).code).toBe(2);
    expect((await runVigie(['xdm', 'pack', '--out', out])).stderr).toMatch(/--document/);
    expect((await runVigie(['xdm', 'pack', '--out', out, '--document', join(dir, 'missing.pdf')])).code).toBe(2);
    expect(
      (await runVigie(['xdm', 'pack', '--out', out, '--document', join(dir, 'cda-n1-imagerie.xml'), '--ins-authority', 'x', '--patient-ins', TEST_INS])).stderr,
    ).toMatch(/--ins-authority must be/);
  });
});
