// shared/ is platform-blind: the lint rule says so, and this test proves the rule bites and that shared/ obeys it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

interface Linted {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

/** Runs ESLint (its flat config is an ES module, so in a child process) on probe texts and on files. */
function lint(probes: { code: string; filePath: string }[], patterns: string[] = []): { probes: Linted[]; files: Linted[] } {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd(), errorOnUnmatchedPattern: false });
      const input = JSON.parse(process.argv[1]);
      const probes = [];
      for (const p of input.probes) probes.push(...await eslint.lintText(p.code, { filePath: p.filePath }));
      const files = input.patterns.length ? await eslint.lintFiles(input.patterns) : [];
      const slim = (r) => ({ filePath: r.filePath, messages: r.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message })) });
      process.stdout.write(JSON.stringify({ probes: probes.map(slim), files: files.map(slim) }));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script, JSON.stringify({ probes, patterns })], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { probes: Linted[]; files: Linted[] };
}

const forbidden: [string, string][] = [
  ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
  ["import path from 'path';\nexport const x = path;\n", 'no-restricted-imports'],
  ["import browser from 'webextension-polyfill';\nexport const x = browser;\n", 'no-restricted-imports'],
  ["import { x } from '../../addin/launch-event';\nexport const y = x;\n", 'no-restricted-imports'],
  ['export const x = () => window.location.href;\n', 'no-restricted-globals'],
  ["export const x = () => localStorage.getItem('k');\n", 'no-restricted-globals'],
  ['export const x = () => Office.context.mailbox;\n', 'no-restricted-globals'],
  ['export const x = () => messenger.compose;\n', 'no-restricted-globals'],
  ['export const x = () => chrome.runtime.id;\n', 'no-restricted-globals'],
  ['export const x = () => document.title;\n', 'no-restricted-globals'],
];

describe('shared/ stays platform-blind', () => {
  let linted: { probes: Linted[]; files: Linted[] };
  beforeAll(() => {
    linted = lint(
      [
        ...forbidden.map(([code]) => ({ code, filePath: join(root, 'shared/send-check/probe.ts') })),
        { code: forbidden[0]![0], filePath: join(root, 'server/probe.ts') },
      ],
      ['shared'],
    );
  }, 180_000);

  it('the lint rule refuses host APIs and Node modules in shared/', () => {
    forbidden.forEach(([code, rule], i) => {
      expect({ code, rules: linted.probes[i]!.messages.map((m) => m.ruleId) }).toEqual({ code, rules: expect.arrayContaining([rule]) });
    });
  });

  it('the same code is allowed in a host folder', () => {
    expect(linted.probes[forbidden.length]!.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });

  it('every file of shared/ passes the rule', () => {
    expect(linted.files.length).toBeGreaterThan(10);
    const boundary = linted.files.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => `${r.filePath}:${m.line} ${m.message}`),
    );
    expect(boundary).toEqual([]);
  });

  it('shared/ type-checks without DOM or Node typings', () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.shared.json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});
