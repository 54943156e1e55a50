import { mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { runVigie } from '../test-io';

const INS = '288109912345684';
const base = (dir: string) => ['xdm', 'pack', '--patient-ins', INS, '--patient-family', 'Corse', '--patient-given', 'Figatellix', '--patient-birth-date', '1988-10-12', '--title', 'ECHOGRAPHIE ABDOMINOPELVIENNE', '--out', join(dir, 'IHE_XDM.ZIP')];

interface Out { subject: string; headers: Record<string, string>; attachments: { name: string; path: string; size: number }[]; entries: { path: string; sha1: string; size: number }[]; size: { level: string; message: string } }

describe('vigie xdm pack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-xdm-'));
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
  writeFileSync(join(dir, 'cr.pdf'), pdf);
  copyFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'xdm', 'cda-n1.xml'), join(dir, 'cr.xml'));

  it('writes the archive and the PDF copy, prints subject and headers as JSON', async () => {
    const r = await runVigie([...base(dir), '--type-code', '18748-4', '--document', join(dir, 'cr.pdf'), '--document', join(dir, 'cr.xml'), '--nil', 'DEV935997', '--case-number', '42']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json() as Out;
    expect(out.subject).toBe('XDM/1.0/DDM+ECHOGRAPHIE ABDOMINOPELVIENNE CORSE Figatellix 12/10/1988');
    // The CDA keeps its own code (18748-4); X-MSS-INS O because the INS is qualified.
    expect(out.headers).toEqual({ 'X-MSS-CODECDA': '18748-4', 'X-MSS-INS': 'O', 'X-MSS-NIL': 'DEV935997' });
    const files = unzipSync(new Uint8Array(readFileSync(join(dir, 'IHE_XDM.ZIP'))));
    expect(Object.keys(files)).toEqual(['README.TXT', 'INDEX.HTM', 'IHE_XDM/SUBSET01/METADATA.XML', 'IHE_XDM/SUBSET01/DOC0001.PDF', 'IHE_XDM/SUBSET01/DOC0002.XML']);
    expect(strFromU8(files['IHE_XDM/SUBSET01/METADATA.XML']!)).toContain(createHash('sha1').update(pdf).digest('hex'));
    const copy = out.attachments.find((a) => a.name.endsWith('.pdf'))!;
    expect(copy.name).toMatch(/^\d{8}_18748-4_CORSE_Figatellix_42\.pdf$/);
    expect(readFileSync(copy.path)).toEqual(pdf);
  });

  it('takes X-MSS-NIL and the operator size limit from the org policy', async () => {
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ documents: { productReference: 'VIGIE-CHU-42', operatorSizeLimitMB: 0.00001 } }));
    const r = await runVigie([...base(dir), '--document', join(dir, 'cr.pdf'), '--policy', join(dir, 'policy.json')]);
    const out = r.json() as Out;
    expect(out.headers['X-MSS-NIL']).toBe('VIGIE-CHU-42');
    expect(out.size.level).toBe('warn');
  });

  it('closes the conversation when writing to the patient', async () => {
    const r = await runVigie([...base(dir), '--document', join(dir, 'cr.pdf'), '--to', `${INS}@patient.mssante.fr`, '--nil', 'X']);
    expect((r.json() as Out).headers['X-MSS-MES']).toBe('FIN');
  });

  it('refuses an invalid INS with a French message and exit 1', async () => {
    const args = base(dir);
    args[3] = '288109912345685';
    const r = await runVigie([...args, '--document', join(dir, 'cr.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Matricule INS invalide \(key\)/);
  });

  it('refuses more than 25 MB to a patient: exit 20, nothing written', async () => {
    const big = join(dir, 'big.pdf');
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 1));
    const out = join(dir, 'big', 'IHE_XDM.ZIP');
    const args = base(dir);
    args[args.length - 1] = out;
    const r = await runVigie([...args, '--document', big, '--to', `${INS}@patient.mssante.fr`]);
    expect(r.code).toBe(20);
    expect(r.stderr).toMatch(/25 Mo/);
    expect(existsSync(out)).toBe(false);
  });

  it('reports usage errors with exit 2', async () => {
    expect((await runVigie(['xdm', 'pack', '--title', 'x'])).code).toBe(2);
    expect((await runVigie(['xdm'])).code).toBe(2);
    expect((await runVigie([...base(dir)])).stderr).toMatch(/--document/);
    expect((await runVigie([...base(dir), '--document', join(dir, 'missing.pdf')])).code).toBe(2);
  });
});
