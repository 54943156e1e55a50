import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVigie } from '../test-io';

interface CheckOut {
  verdict: string;
  recipients: { input: string; address: string | null; category: string; reason: string }[];
  findings: unknown[];
  message: string;
}

describe('vigie check', () => {
  it('blocks Gmail from an MSSanté sender: exit 20, the recipient named in the message', async () => {
    const r = await runVigie([
      'check',
      '--from',
      'Dr Martin <martin@medecin.mssante.fr>',
      '--',
      'Dr Durand <durand@medecin.mssante.fr>',
      'jean.dupont@gmail.com',
    ]);
    expect(r.code).toBe(20);
    const out = r.json() as CheckOut;
    expect(out.verdict).toBe('block');
    expect(out.recipients).toEqual([
      expect.objectContaining({ input: 'Dr Durand <durand@medecin.mssante.fr>', address: 'durand@medecin.mssante.fr', category: 'mssante' }),
      expect.objectContaining({ input: 'jean.dupont@gmail.com', category: 'consumer' }),
    ]);
    expect(out.message).toContain('jean.dupont@gmail.com');
    expect(Array.isArray(out.findings)).toBe(true);
  });

  it('refuses an empty recipient field from an MSSanté sender: not allow, and says why', async () => {
    const r = await runVigie(['check', '--from', 'martin@medecin.mssante.fr', '--', '']);
    expect(r.code).toBe(20);
    const out = r.json() as CheckOut & { reasons: string[] };
    expect(out.verdict).toBe('block');
    expect(out.reasons).toEqual(['verdict.block.no-recipient']);
    expect(out.message).toMatch(/^Envoi bloqué\s: aucun destinataire lisible/);
  });

  it('allows MSSanté recipients: exit 0; one field may hold several addresses', async () => {
    const r = await runVigie([
      'check',
      '--from',
      'martin@medecin.mssante.fr',
      'a@medecin.mssante.fr; b@mssante.apicrypt.org',
      '279035121518989@patient.mssante.fr',
    ]);
    expect(r.code).toBe(0);
    expect((r.json() as CheckOut).recipients.map((x) => x.category)).toEqual(['mssante', 'mssante', 'patient']);
  });

  it('warns under a warn-mode policy: exit 10; an invalid policy is a usage error listing its problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
    writeFileSync(join(dir, 'warn.json'), JSON.stringify({ mode: 'warn' }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ mode: 'sometimes', internalDomains: 'chu.fr' }));
    expect((await runVigie(['check', '--policy', join(dir, 'warn.json'), '--from', 'm@medecin.mssante.fr', 'x@clinique.fr'])).code).toBe(10);
    const bad = await runVigie(['check', '--policy', join(dir, 'bad.json'), '--from', 'm@medecin.mssante.fr', 'x@clinique.fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('/mode');
    expect(bad.stderr).toContain('/internalDomains');
  });

  it('in audit mode answers allow (exit 0) and says block mode would have blocked Gmail from an MSSanté sender', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ mode: 'audit' }));
    const r = await runVigie(['check', '--policy', join(dir, 'p.json'), '--from', 'martin@medecin.mssante.fr', 'jean.dupont@gmail.com']);
    expect(r.code).toBe(0);
    const out = r.json() as CheckOut & { audit: { verdict: string; reasons: string[]; message: string } };
    expect(out.verdict).toBe('allow');
    expect(out.audit).toEqual({ verdict: 'block', reasons: ['verdict.block.outside'], message: expect.stringContaining('jean.dupont@gmail.com') });
  });

  it('reads the patient of an attached CDA file: another patient than the addressed one blocks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
    const cda = readFileSync(join(__dirname, '../../test/fixtures/xdm/cda-n1.xml'), 'utf8');
    writeFileSync(join(dir, 'cr.xml'), cda);
    const ins = /root="1\.2\.250\.1\.213\.1\.4\.8" extension="(\w+)"/.exec(cda)![1]!;
    const same = await runVigie(['check', '--from', 'martin@medecin.mssante.fr', '--attachment', join(dir, 'cr.xml'), `${ins}@patient.mssante.fr`]);
    expect(same.code).toBe(0);
    const other = await runVigie(['check', '--from', 'martin@medecin.mssante.fr', '--attachment', join(dir, 'cr.xml'), '279035121518989@patient.mssante.fr']);
    expect(other.code).toBe(20);
    expect((other.json() as CheckOut & { reasons: string[] }).reasons).toEqual(['verdict.block.other-patient']);
  });

  it('reports usage errors with exit 2', async () => {
    expect((await runVigie(['check', 'x@gmail.com'])).code).toBe(2);
    expect((await runVigie(['check', '--from', 'a@b.fr'])).code).toBe(2);
    expect((await runVigie(['check', '--nope', '--from', 'a@b.fr', 'c@d.fr'])).code).toBe(2);
    expect((await runVigie(['nope'])).code).toBe(2);
  });

  it('reads the body from a file or standard input, and English on request', async () => {
    const r = await runVigie(['check', '--lang', 'en', '--body-file', '-', '--from', 'm@medecin.mssante.fr', 'x@gmail.com'], { stdin: 'Bonjour' });
    expect((r.json() as CheckOut).message).toMatch(/^Send blocked/);
  });

  it('refuses a tampered --whitelist on stderr and checks against the embedded list instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
    const real = readFileSync(join(__dirname, '../../data/liste-blanche/listeblanchemssante-2025-02-28.xml'), 'utf8');
    const forged = real.replace('<Nom>zenidoc.mssante.fr</Nom>', '<Nom>gmail.com</Nom>');
    writeFileSync(join(dir, 'forged.xml'), forged);
    const r = await runVigie(['check', '--whitelist', join(dir, 'forged.xml'), '--from', 'm@medecin.mssante.fr', 'x@gmail.com']);
    expect(r.stderr).toMatch(/refused/);
    expect(r.code).toBe(20);
    expect((r.json() as CheckOut).recipients[0]!.category).toBe('consumer');
  });
});

describe('vigie whitelist verify', () => {
  it('accepts the shipped list and reports its signer, size and age', async () => {
    const r = await runVigie(['whitelist', 'verify', join(__dirname, '../../data/liste-blanche/listeblanchemssante-2025-02-28.xml')]);
    expect(r.code).toBe(0);
    const out = r.json() as Record<string, unknown>;
    expect(out).toMatchObject({ valid: true, generatedAt: '2025-02-28T15:42:07Z', domains: 4944, stale: true });
    expect(out.signer).toContain('CN=alb.mssante.fr');
    expect(out.ageDays).toBeGreaterThan(600);
  });

  it('refuses a tampered file with a non-zero exit and the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
    const real = readFileSync(join(__dirname, '../../data/liste-blanche/listeblanchemssante-2025-02-28.xml'), 'utf8');
    writeFileSync(join(dir, 't.xml'), real.replace('2025-02-28T15:42:07Z', '2026-02-28T15:42:07Z'));
    const r = await runVigie(['whitelist', 'verify', join(dir, 't.xml')]);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ valid: false, error: 'signature' });
    expect((await runVigie(['whitelist', 'verify', join(dir, 'missing.xml')])).code).toBe(1);
  });
});

describe('vigie check with a directory index', () => {
  it('says "vous vouliez dire …?" for an MSSanté address the directory does not know, without blocking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-dir-'));
    expect((await runVigie(['directory', 'generate', '--count', '2000', '--seed', '7', '--out', join(dir, 'extraction.txt')])).code).toBe(0);
    expect((await runVigie(['directory', 'build', '--extraction', join(dir, 'extraction.txt'), '--out', join(dir, 'index')])).code).toBe(0);
    const search = await runVigie(['directory', 'search', '--index', join(dir, 'index'), '--type', 'PER', '--limit', '1', 'medecin']);
    const known = (search.json() as { address: string }[])[0]!.address;
    const [local, domain] = known.split('@') as [string, string];
    const typo = `${local.slice(0, -1)}${local.endsWith('x') ? 'y' : 'x'}@${domain}`;
    const r = await runVigie(['check', '--directory-index', join(dir, 'index'), '--from', 'm@medecin.mssante.fr', typo, known]);
    const out = r.json() as { verdict: string; recipients: { didYouMean?: { address: string }[] }[]; notices: string[] };
    expect(out.verdict).toBe('allow');
    expect(out.recipients[0]!.didYouMean?.map((d) => d.address)).toContain(known);
    expect(out.recipients[1]!.didYouMean).toBeUndefined();
    expect(out.notices.join(' ')).toMatch(/vouliez-vous dire/);
  }, 60_000);
});
