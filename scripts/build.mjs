#!/usr/bin/env node
// Builds every target with esbuild. Targets are listed here; each writes under dist/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeIcons } from './icons.mjs';
import { compactJson } from './outlook-bundle-plugins.mjs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const started = Date.now();

// 1. The compact liste blanche, generated from the verified XML.
const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-embedded-list.ts'], { cwd: root, stdio: 'inherit' });
if (gen.status !== 0) {
  console.error('build: the embedded liste blanche could not be verified');
  process.exit(1);
}

// Browser bundles take xmlbuilder2's own browser build (its default entry needs Node's events and url).
export const browserAlias = { xmlbuilder2: join(root, 'node_modules/xmlbuilder2/lib/xmlbuilder2.min.js') };

const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

// 2. The vigie command.
mkdirSync(join(root, 'dist/cli'), { recursive: true });
// PGlite (the embedded audit store) stays in node_modules: it loads its WebAssembly and data files from beside itself
// (the release ships it next to dist/). pg-native is pg's optional native binding, never used.
await build({ ...node, entryPoints: ['cli/bin.ts'], outfile: 'dist/cli/vigie.cjs', external: ['@electric-sql/pglite', 'pg-native'] });
chmodSync(join(root, 'dist/cli/vigie.cjs'), 0o755);
// The server's directory build worker, loaded by `vigie serve` from next to vigie.cjs.
await build({ ...node, entryPoints: ['server/directory/build-worker.ts'], outfile: 'dist/cli/directory-worker.cjs' });

// 3. The Outlook event runtime bundle: one self-contained IIFE, ES2016 syntax (classic Outlook's JS-only runtime).
mkdirSync(join(root, 'dist/outlook'), { recursive: true });
await build({
  bundle: true,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  format: 'iife',
  target: 'es2016',
  minify: true,
  legalComments: 'none',
  absWorkingDir: root,
  logLevel: 'warning',
  entryPoints: ['addin/launch-event/index.ts'],
  outfile: 'dist/outlook/launch-event.js',
  plugins: [compactJson(root)],
});

// Thunderbird MailExtension → dist/thunderbird/vigie.xpi (steps in extension/thunderbird/build.ts).
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'extension/thunderbird/build.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('build: the Thunderbird extension did not build');
    process.exit(1);
  }
}

// ---- Webmail extension (Chrome/Edge, Firefox) → dist/chrome/, dist/firefox/ (steps in extension/webmail/build.ts).
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'extension/webmail/build.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('build: the webmail extension did not build');
    process.exit(1);
  }
}
// ---- end of the webmail extension step.

// 3b. The Outlook task pane and HTML runtime page, office.js served from the project, icons and manifests.
{
  const out = join(root, 'dist/outlook');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  await build({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2019',
    minify: true,
    legalComments: 'none',
    absWorkingDir: root,
    logLevel: 'warning',
    sourcemap: true,
    entryPoints: ['addin/taskpane/index.tsx'],
    outfile: 'dist/outlook/taskpane.js',
    alias: browserAlias,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.VIGIE_VERSION': JSON.stringify(version) },
  });
  copyFileSync(join(root, 'addin/taskpane/taskpane.html'), join(out, 'taskpane.html'));
  copyFileSync(join(root, 'addin/taskpane/taskpane.css'), join(out, 'taskpane.css'));
  copyFileSync(join(root, 'shared/ui/styles.css'), join(out, 'styles.css'));
  copyFileSync(join(root, 'addin/launch-event/commands.html'), join(out, 'commands.html'));
  const officeDist = join(root, 'node_modules/@microsoft/office-js/dist');
  mkdirSync(join(out, 'office'), { recursive: true });
  for (const f of readdirSync(officeDist))
    if (/^(office|outlook[-_].*|es6-promise)\.js$/.test(f) && !f.includes('.debug.')) copyFileSync(join(officeDist, f), join(out, 'office', f));
  for (const locale of ['fr-fr', 'en-us']) cpSync(join(officeDist, locale), join(out, 'office', locale), { recursive: true });
  writeIcons(join(out, 'assets'));
  await build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    absWorkingDir: root,
    logLevel: 'warning',
    entryPoints: ['manifests/outlook/render.ts'],
    outfile: 'dist/manifests/outlook-render.mjs',
    packages: 'external',
  });
  const { renderXmlManifest, renderUnifiedManifest } = await import(`../dist/manifests/outlook-render.mjs?${Date.now()}`);
  // Rendered for local use; the companion server renders it again for its own public URL.
  writeFileSync(join(out, 'manifest.xml'), renderXmlManifest({ baseUrl: 'https://localhost:3000', version }));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(renderUnifiedManifest({ baseUrl: 'https://localhost:3000', version }), null, 2));
}

// 4. Benchmarks (bench/<name>.ts → dist/bench/<name>.cjs).
if (existsSync(join(root, 'bench'))) {
  const benches = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  await Promise.all(benches.map((f) => build({ ...node, entryPoints: [`bench/${f}`], outfile: `dist/bench/${f.replace(/\.ts$/, '.cjs')}` })));
}

// 5. What the companion server offers at /downloads/ on a developer machine (npm start): the extensions as files.
{
  const { zipSync } = await import('fflate');
  const filesOf = (dir, base = dir, out = {}) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) filesOf(p, base, out);
      else if (!name.endsWith('.map')) out[p.slice(base.length + 1)] = [readFileSync(p), { mtime: new Date('2026-01-01T00:00:00Z') }];
    }
    return out;
  };
  const downloads = join(root, 'dist/downloads');
  mkdirSync(downloads, { recursive: true });
  if (existsSync(join(root, 'dist/thunderbird/vigie.xpi'))) copyFileSync(join(root, 'dist/thunderbird/vigie.xpi'), join(downloads, 'vigie-thunderbird.xpi'));
  if (existsSync(join(root, 'dist/chrome/manifest.json'))) writeFileSync(join(downloads, 'vigie-chrome.zip'), zipSync(filesOf(join(root, 'dist/chrome'))));
  if (existsSync(join(root, 'dist/firefox/manifest.json'))) writeFileSync(join(downloads, 'vigie-firefox.xpi'), zipSync(filesOf(join(root, 'dist/firefox'))));
}

console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
