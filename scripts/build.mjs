#!/usr/bin/env node
// Builds every target with esbuild. Targets are listed here; each writes under dist/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const started = Date.now();

// 1. The compact liste blanche, generated from the verified XML.
const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-embedded-list.ts'], { cwd: root, stdio: 'inherit' });
if (gen.status !== 0) {
  console.error('build: the embedded liste blanche could not be verified');
  process.exit(1);
}

const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

// 2. The vigie command.
mkdirSync(join(root, 'dist/cli'), { recursive: true });
await build({ ...node, entryPoints: ['cli/bin.ts'], outfile: 'dist/cli/vigie.cjs'});
chmodSync(join(root, 'dist/cli/vigie.cjs'), 0o755);
// The server's directory build worker, loaded by `vigie serve` from next to vigie.cjs.
await build({ ...node, entryPoints: ['server/directory/build-worker.ts'], outfile: 'dist/cli/directory-worker.cjs' });

// 3. The Outlook event runtime bundle: one self-contained IIFE, ES2016 syntax (classic Outlook's JS-only runtime).
mkdirSync(join(root, 'dist/outlook'), { recursive: true });
await build({ bundle: true, platform: 'neutral', mainFields: ['module', 'main'], format: 'iife', target: 'es2016', minify: true, legalComments: 'none', absWorkingDir: root, logLevel: 'warning', entryPoints: ['addin/launch-event/index.ts'], outfile: 'dist/outlook/launch-event.js' });

// ---- Webmail extension (Chrome/Edge, Firefox) → dist/chrome/, dist/firefox/ (steps in extension/webmail/build.ts).
{
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'extension/webmail/build.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('build: the webmail extension did not build');
    process.exit(1);
  }
}
// ---- end of the webmail extension step.

// 4. Benchmarks (bench/<name>.ts → dist/bench/<name>.cjs).
if (existsSync(join(root, 'bench'))) {
  const benches = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  await Promise.all(benches.map((f) => build({ ...node, entryPoints: [`bench/${f}`], outfile: `dist/bench/${f.replace(/\.ts$/, '.cjs')}` })));
}

console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
