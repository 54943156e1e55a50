#!/usr/bin/env node
// npm run package -- --base-url https://vigie.chu-exemple.fr [--send-mode SoftBlock|Block] [--out dist/release]
// Writes the versioned release: the Thunderbird XPI, the Chrome/Edge zip, the Firefox XPI, the Outlook manifests for
// the hospital's base URL, the companion server bundle, the policy templates and SHA256SUMS. Run after `npm run build`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    'send-mode': { type: 'string', default: 'SoftBlock' },
    out: { type: 'string', default: 'dist/release' },
    'chrome-id': { type: 'string' },
  },
});
const baseUrl = values['base-url'];
if (!baseUrl) {
  console.error('package: --base-url <https://…> is required (where the hospital serves the companion server)');
  process.exit(2);
}
if (!['SoftBlock', 'Block', 'PromptUser'].includes(values['send-mode'])) {
  console.error('package: --send-mode must be SoftBlock, Block or PromptUser');
  process.exit(2);
}
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const out = resolve(root, values.out);
const need = (p) => {
  if (!existsSync(join(root, p))) {
    console.error(`package: ${p} is missing; run npm run build first`);
    process.exit(1);
  }
  return join(root, p);
};

function filesOf(dir) {
  const files = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.endsWith('.map')) files[relative(dir, p)] = readFileSync(p);
    }
  };
  walk(dir);
  return files;
}
// Fixed dates inside the archives: the same sources give the same bytes (and the same SHA256SUMS).
const zipFiles = (files, prefix = '') =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, [v, { mtime: new Date('2026-01-01T00:00:00Z') }]])), { level: 9 });
const zipDir = (dir, prefix = '') => zipFiles(filesOf(dir), prefix);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'outlook'), { recursive: true });

// 1. Extensions.
copyFileSync(need('dist/thunderbird/vigie.xpi'), join(out, `vigie-thunderbird-${version}.xpi`));
// The development `key` is left out: the CRX signed with the hospital's key gives the deployed id.
const chromeFiles = filesOf(need('dist/chrome'));
chromeFiles['manifest.json'] = Buffer.from(JSON.stringify({ ...JSON.parse(chromeFiles['manifest.json'].toString()), key: undefined }, null, 2));
writeFileSync(join(out, `vigie-chrome-${version}.zip`), zipFiles(chromeFiles));
writeFileSync(join(out, `vigie-firefox-${version}.xpi`), zipDir(need('dist/firefox')));

// 2. Outlook manifests for the hospital's URL (the generator the server and the tests use).
await build({
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  absWorkingDir: root,
  logLevel: 'warning',
  entryPoints: ['manifests/policies/release.ts'],
  outfile: 'dist/manifests/release.mjs',
  packages: 'external',
});
const release = await import(`${join(root, 'dist/manifests/release.mjs')}?${Date.now()}`);
const ids = release.extensionIds(root, values['chrome-id']);
if (!values['chrome-id']) {
  console.warn(
    `package: no --chrome-id given: the Chrome/Edge policy templates name the example id ${ids.chrome}; package again with the id of the CRX signed with the hospital's key before deploying them`,
  );
}
writeFileSync(join(out, 'outlook/manifest.xml'), release.renderXmlManifest({ baseUrl, version, sendMode: values['send-mode'] }));
writeFileSync(join(out, 'outlook/manifest.json'), JSON.stringify(release.renderUnifiedManifest({ baseUrl, version, sendMode: values['send-mode'] }), null, 2));

// 3. The companion server: the bundled command, its worker, the shipped data and the built add-in it serves.
const server = {};
for (const [k, v] of Object.entries(filesOf(need('dist/cli')))) server[`vigie-server-${version}/dist/cli/${k}`] = v;
for (const [k, v] of Object.entries(filesOf(need('dist/outlook')))) server[`vigie-server-${version}/dist/outlook/${k}`] = v;
for (const [k, v] of Object.entries(filesOf(need('data')))) server[`vigie-server-${version}/data/${k}`] = v;
// The embedded audit store's engine, loaded from node_modules beside dist/ (its source maps and optional extensions left out).
for (const [k, v] of Object.entries(filesOf(need('node_modules/@electric-sql/pglite')))) {
  if (!/\.(map|tar\.gz)$/.test(k)) server[`vigie-server-${version}/node_modules/@electric-sql/pglite/${k}`] = v;
}
server[`vigie-server-${version}/README.txt`] = Buffer.from(
  `Vigie MSSanté ${version} — serveur compagnon / companion server\n\nnode dist/cli/vigie.cjs serve --config <vigie-server.json>\n(Node.js 20 ou plus / or later; voir docs/deployment.md / see docs/deployment.md)\n`,
);
writeFileSync(
  join(out, `vigie-server-${version}.zip`),
  zipSync(Object.fromEntries(Object.entries(server).map(([k, v]) => [k, [v, { mtime: new Date('2026-01-01T00:00:00Z') }]])), { level: 6 }),
);

// 4. Policy templates.
for (const [path, text] of Object.entries(release.policyFiles(ids, baseUrl, version))) {
  const p = join(out, 'policies', path);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
}

// 5. SHA256SUMS, in the sha256sum format.
const sums = Object.entries(filesOf(out))
  .filter(([k]) => k !== 'SHA256SUMS')
  .map(([k, v]) => `${createHash('sha256').update(v).digest('hex')}  ${k}`)
  .join('\n');
writeFileSync(join(out, 'SHA256SUMS'), `${sums}\n`);
console.log(`package: ${relative(root, out)}/ written (${sums.split('\n').length} files) for ${baseUrl}, Outlook send mode ${values['send-mode']}`);
