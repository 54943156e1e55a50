// The packaged XPI: what Thunderbird will load and what addons-linter (the linter web-ext lint runs) says of it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';

const root = join(__dirname, '../..');
const XPI = join(root, 'dist/thunderbird/vigie.xpi');

/** Builds the XPI as scripts/build.mjs does (the build script in a child Node, through tsx). */
function buildXpi(): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'build.ts')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

let files: Record<string, Uint8Array>;
let manifest: Record<string, unknown> & {
  browser_specific_settings: { gecko: { id: string } };
  background: Record<string, unknown>;
  compose_action: Record<string, string> & { default_icon: Record<string, string> };
  options_ui: { page: string };
  icons: Record<string, string>;
};

beforeAll(async () => {
  if (!existsSync(XPI)) buildXpi();
  files = unzipSync(readFileSync(XPI));
  manifest = JSON.parse(strFromU8(files['manifest.json']!));
}, 120_000);

describe('dist/thunderbird/vigie.xpi', () => {
  it('is an MV3 MailExtension with a stable gecko id, an event-page background and the compose button', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings.gecko.id).toBe('vigie-thunderbird@vigie-mssante.fr');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('action');
    expect(manifest.permissions).toEqual(expect.arrayContaining(['compose', 'compose.send', 'addressBooks', 'accountsRead', 'storage']));
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('contains every file the manifest names, and every __MSG_ key in French and English', () => {
    const named = [
      manifest.background.scripts as string[],
      manifest.compose_action.default_popup,
      Object.values(manifest.compose_action.default_icon),
      manifest.options_ui.page,
      Object.values(manifest.icons),
    ].flat();
    for (const f of named) expect(Object.keys(files)).toContain(f);
    for (const page of ['popup/popup.html', 'options/options.html']) {
      const html = strFromU8(files[page]!);
      for (const [, src] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(Object.keys(files)).toContain(join(page, '..', src!).replace(/^\.\//, ''));
    }
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const lang of ['fr', 'en']) {
      const messages = JSON.parse(strFromU8(files[`_locales/${lang}/messages.json`]!));
      for (const k of keys) expect(messages[k]?.message).toEqual(expect.any(String));
    }
    expect(manifest.default_locale).toBe('fr');
  });

  it('passes addons-linter with no error', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const linter = require('addons-linter') as {
      createInstance(o: unknown): { run(): Promise<{ summary: { errors: number }; errors: { code: string; message: string }[] }> };
    };
    const r = await linter
      .createInstance({
        config: {
          _: [XPI],
          logLevel: 'fatal',
          stack: false,
          pretty: false,
          warningsAsErrors: false,
          metadata: false,
          output: 'none',
          boring: true,
          selfHosted: true,
        },
        runAsBinary: false,
      })
      .run();
    expect(r.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(r.summary.errors).toBe(0);
  }, 120_000);
});
