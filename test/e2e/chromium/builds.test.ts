// Lint of both built extensions: Firefox's with Mozilla's web-ext (the linter addons.mozilla.org runs), Chrome's
// manifest against what Chromium accepts (Chromium itself loads it in webmail.e2e.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

interface LintMessage { code: string; file?: string; message: string }

describe('the built extensions', () => {
  it('dist/firefox passes web-ext lint with no error, and only known warnings from bundled libraries', () => {
    const dir = join(ROOT, 'dist/firefox');
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', dir, '--output', 'json', '--boring'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const report = JSON.parse(r.stdout) as { errors: LintMessage[]; warnings: LintMessage[] };
    expect(report.errors).toEqual([]);
    // preact (innerHTML for dangerouslySetInnerHTML) and xmlbuilder2's browser build (globalThis fallbacks) in the
    // picker panel; nothing else may warn.
    const unexpected = report.warnings.filter((w) => !(w.file === 'panel.js' && ['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT'].includes(w.code)));
    expect(unexpected).toEqual([]);
  });

  it('dist/chrome: an MV3 service worker, the managed schema in place, every file the manifest names present', () => {
    const dir = join(ROOT, 'dist/chrome');
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & { background: { service_worker: string }; storage: { managed_schema: string }; content_scripts: { js: string[] }[]; icons: Record<string, string>; action: { default_popup: string }; options_ui: { page: string } };
    expect(m.manifest_version).toBe(3);
    const files = [m.background.service_worker, m.storage.managed_schema, ...m.content_scripts.flatMap((c) => c.js), ...Object.values(m.icons), m.action.default_popup, m.options_ui.page, '_locales/fr/messages.json', '_locales/en/messages.json'];
    for (const f of files) expect([f, existsSync(join(dir, f))]).toEqual([f, true]);
    const schema = JSON.parse(readFileSync(join(dir, m.storage.managed_schema), 'utf8')) as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['mode', 'healthData', 'serverUrl', 'webmailProviders']));
  });
});
