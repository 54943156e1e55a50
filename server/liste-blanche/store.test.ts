import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListeBlancheStore } from './store';
import { makeCa, makeSigner, signListeBlanche, listeBlancheXml, type TestIdentity } from '../../test/support/pki';

describe('ListeBlancheStore keeps the last good list', () => {
  let signer: TestIdentity;
  let anchors: { root: import('node:crypto').X509Certificate; intermediates: import('node:crypto').X509Certificate[] };
  beforeAll(async () => {
    const root = await makeCa('CN=Store Test Root');
    const org = await makeCa('CN=Store Test Org', { issuer: root });
    signer = await makeSigner('CN=alb.store.test', org, { notAfter: new Date('2030-01-01') });
    anchors = { root: root.node, intermediates: [org.node] };
  }, 60_000);

  const list = (domains: string[], date: string) => signListeBlanche(listeBlancheXml(domains, date), signer);

  it('starts on the embedded snapshot, adopts a newer verified list, persists it and reloads it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-lb-'));
    const store = new ListeBlancheStore(dir, anchors);
    expect(store.set.info.source).toBe('embedded');
    expect(store.offer(list(['a.mssante.fr', 'b.mssante.fr'], '2026-11-01T00:00:00Z'))).toMatchObject({ accepted: true, domains: 2 });
    expect(store.set.has('a.mssante.fr')).toBe(true);
    expect(store.set.has('medecin.mssante.fr')).toBe(false);
    const again = new ListeBlancheStore(dir, anchors);
    expect(again.set.info.generatedAt).toBe('2026-11-01T00:00:00Z');
  });

  it('keeps the good list when offered a tampered one, and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-lb-'));
    const store = new ListeBlancheStore(dir, anchors);
    store.offer(list(['a.mssante.fr'], '2026-11-01T00:00:00Z'));
    const tampered = list(['a.mssante.fr'], '2026-11-02T00:00:00Z').replace('a.mssante.fr', 'gmail.com');
    const r = store.offer(tampered);
    expect(r).toMatchObject({ accepted: false, code: 'signature' });
    expect(store.set.has('a.mssante.fr')).toBe(true);
    expect(store.set.has('gmail.com')).toBe(false);
    expect(store.lastError?.reason).toMatch(/signature/);
  });

  it('refuses an older list (no downgrade), and a corrupted copy on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-lb-'));
    const store = new ListeBlancheStore(dir, anchors);
    store.offer(list(['new.mssante.fr'], '2026-11-10T00:00:00Z'));
    expect(store.offer(list(['old.mssante.fr'], '2026-11-01T00:00:00Z'))).toMatchObject({ accepted: false, code: 'downgrade' });
    const file = join(dir, 'liste-blanche.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('new.mssante.fr', 'evil.mssante.fr'));
    const restarted = new ListeBlancheStore(dir, anchors);
    expect(restarted.set.info.source).toBe('embedded');
    expect(restarted.lastError?.reason).toMatch(/refused/);
  });
});
