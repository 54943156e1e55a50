#!/usr/bin/env node
// The one test command: system packages the end-to-end suites need, type-check, lint, build, then every jest project (unit, integration and
// end-to-end suites). Ends with a plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const steps = [
  ['system packages for the end-to-end suites (Chromium, Firefox ESR, Thunderbird)', 'bash', ['scripts/install-system-deps.sh']],
  ['type-check (whole repository)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['type-check (shared/ without DOM or Node typings)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.shared.json']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format (Prettier; `npm run format` rewrites)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['build', 'node', ['scripts/build.mjs']],
];
let failedSteps = 0;
for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`!! ${name} failed`);
    failedSteps++;
  }
}

const out = join(root, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const jsonFile = join(out, 'jest.json');
console.log('\n== jest (every project)');
const jestArgs = ['jest', '--ci', '--json', `--outputFile=${jsonFile}`, ...process.argv.slice(2)];
const jr = spawnSync('npx', jestArgs, { cwd: root, stdio: 'inherit' });

let passed = 0,
  failed = 0,
  skipped = 0;
try {
  const res = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed = res.numPassedTests;
  failed = res.numFailedTests;
  skipped = res.numPendingTests + (res.numTodoTests ?? 0);
  failed += res.numRuntimeErrorTestSuites ?? 0;
} catch {
  failed += 1;
}
if (jr.status !== 0 && failed === 0) failed = 1;
failed += failedSteps;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
