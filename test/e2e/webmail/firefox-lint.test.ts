// The built Firefox extension through Mozilla's web-ext lint (the linter addons.mozilla.org runs); Firefox itself
// loads it in firefox.e2e.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixture-server';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

describe('the built Firefox extension', () => {
  it('dist/firefox passes web-ext lint with no error, and only known warnings from bundled libraries', () => {
    const dir = join(ROOT, 'dist/firefox');
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', dir, '--output', 'json', '--boring'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const report = JSON.parse(r.stdout) as { errors: LintMessage[]; warnings: LintMessage[] };
    expect(report.errors).toEqual([]);
    // preact (innerHTML for dangerouslySetInnerHTML) and xmlbuilder2's browser build (globalThis fallbacks) in the
    // picker panel; nothing else may warn.
    const unexpected = report.warnings.filter((w) => !(w.file === 'panel.js' && ['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT'].includes(w.code)));
    expect(unexpected).toEqual([]);
  });
});
