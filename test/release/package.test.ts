// npm run package: the release folder, its checksums, its policy templates, and a server bundle that runs on its own.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { validateConfigDocument } from '../../cli/commands/config';

const root = join(__dirname, '../..');

describe('npm run package', () => {
  const out = mkdtempSync(join(tmpdir(), 'vigie-release-'));
  let sums: [string, string][];

  beforeAll(() => {
    const r = spawnSync(process.execPath, ['scripts/package.mjs', '--base-url', 'https://vigie.chu-exemple.fr', '--send-mode', 'Block', '--out', out], {
      cwd: root,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr || r.stdout);
    sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(/ {2}/) as [string, string]);
  }, 120_000);

  it('writes the versioned artifacts and a SHA256SUMS that matches every file', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    const names = sums.map(([, f]) => f);
    for (const f of [
      `vigie-thunderbird-${version}.xpi`,
      `vigie-chrome-${version}.zip`,
      `vigie-firefox-${version}.xpi`,
      `vigie-server-${version}.zip`,
      'outlook/manifest.xml',
      'outlook/manifest.json',
      'policies/org-policy.example.json',
      'policies/thunderbird/policies.json',
      'policies/chrome/vigie.json',
      'policies/admx/vigie-chrome.admx',
      'policies/admx/fr-FR/vigie-thunderbird.adml',
    ]) {
      expect(names).toContain(f);
    }
    for (const [hash, file] of sums)
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, file)))
          .digest('hex'),
      ).toBe(hash);
  });

  it('leaves the development key out of the Chrome package (the signed CRX has the hospital’s id)', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    const manifest = JSON.parse(strFromU8(unzipSync(readFileSync(join(out, `vigie-chrome-${version}.zip`)))['manifest.json']!));
    expect(manifest.key).toBeUndefined();
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(JSON.parse(readFileSync(join(root, 'dist/chrome/manifest.json'), 'utf8')).key).toMatch(/^MIIB/);
  });

  it('renders the Outlook manifest for the base URL and send mode given', () => {
    const xml = readFileSync(join(out, 'outlook/manifest.xml'), 'utf8');
    expect(xml).toContain('DefaultValue="https://vigie.chu-exemple.fr/outlook/launch-event.js"');
    expect(xml.match(/SendMode="Block"/g)).toHaveLength(2);
    expect(xml).not.toContain('localhost');
  });

  it('every policy template validates against the org policy schema', () => {
    for (const f of [
      'policies/org-policy.example.json',
      'policies/chrome/vigie.json',
      'policies/edge/vigie.json',
      'policies/firefox/policies.json',
      'policies/thunderbird/policies.json',
    ]) {
      const checked = validateConfigDocument(JSON.parse(readFileSync(join(out, f), 'utf8')));
      expect({ f, errors: checked.flatMap((c) => c.errors) }).toEqual({ f, errors: [] });
    }
  });

  it('the extensions are installable archives with their manifest at the root', () => {
    for (const f of sums.map(([, f]) => f).filter((f) => /\.(xpi|zip)$/.test(f) && !f.includes('server'))) {
      const files = unzipSync(new Uint8Array(readFileSync(join(out, f))));
      const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { manifest_version: number; version: string };
      expect(manifest.manifest_version).toBeGreaterThanOrEqual(2);
    }
  });

  it('the build also lays the extensions out for the companion server’s /downloads/ (npm start)', () => {
    for (const f of ['vigie-thunderbird.xpi', 'vigie-chrome.zip', 'vigie-firefox.xpi']) {
      const files = unzipSync(new Uint8Array(readFileSync(join(root, 'dist/downloads', f))));
      expect(Object.keys(files)).toContain('manifest.json');
    }
  });

  it('the server bundle runs on its own, with its shipped data', () => {
    const zip = readFileSync(join(out, sums.find(([, f]) => f.startsWith('vigie-server-'))![1]));
    const dir = mkdtempSync(join(tmpdir(), 'vigie-server-bundle-'));
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(zip)))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    const top = join(dir, sums.find(([, f]) => f.startsWith('vigie-server-'))![1].replace(/\.zip$/, ''));
    const r = spawnSync(process.execPath, ['dist/cli/vigie.cjs', 'whitelist', 'verify', 'data/liste-blanche/listeblanchemssante-2025-02-28.xml'], {
      cwd: top,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, domains: 4944 });
    // The embedded audit store opens from the bundle's own node_modules.
    const db = spawnSync(
      process.execPath,
      [
        '-e',
        "require('@electric-sql/pglite').PGlite.create(process.argv[1]).then((d) => d.query('select 40 + 2 as n')).then((r) => console.log(r.rows[0].n))",
        join(dir, 'pgdata'),
      ],
      { cwd: top, encoding: 'utf8', env: { PATH: process.env.PATH } },
    );
    expect(db.stderr).toBe('');
    expect(db.stdout.trim()).toBe('42');
  }, 90_000);
});
