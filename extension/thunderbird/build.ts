// Builds the Thunderbird MailExtension: bundles the background and the pages with esbuild, renders the manifest with
// the webmail targets' renderer (manifests/extension/base.json with thunderbird.patch.json merged over it, RFC 7386),
// draws the one Vigie icon, and zips everything into dist/thunderbird/vigie.xpi with fixed dates so the same sources
// give the same bytes. Run by scripts/build.mjs (`node --import tsx extension/thunderbird/build.ts`).
import { build, type BuildOptions } from 'esbuild';
import { zipSync, type Zippable } from 'fflate';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderManifest, type Json } from '../../manifests/extension/render';
import { iconPng } from '../../scripts/icons.mjs';

export const ICON_SIZES = [16, 32, 48, 64, 128];

function renderThunderbirdManifest(root: string): Record<string, unknown> {
  const read = (f: string) => JSON.parse(readFileSync(join(root, 'manifests/extension', f), 'utf8')) as Json;
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return renderManifest(read('base.json'), read('thunderbird.patch.json'), { version });
}

const STATIC: [string, string][] = [
  ['extension/thunderbird/popup/popup.html', 'popup/popup.html'],
  ['extension/thunderbird/popup/popup.css', 'popup/popup.css'],
  ['extension/thunderbird/options/options.html', 'options/options.html'],
  ['extension/thunderbird/options/options.css', 'options/options.css'],
  ['shared/ui/styles.css', 'ui/styles.css'],
];

export async function buildThunderbird(root: string): Promise<{ xpi: string; id: string; manifest: Record<string, unknown> }> {
  const out = join(root, 'dist/thunderbird');
  const stage = join(out, 'xpi');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const common: BuildOptions = {
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'firefox128',
    absWorkingDir: root,
    logLevel: 'warning',
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
    // xmlbuilder2's own browser build (its Node entry needs Node built-ins).
    alias: { xmlbuilder2: join(root, 'node_modules/xmlbuilder2/lib/xmlbuilder2.min.js') },
  };
  await Promise.all([
    build({ ...common, entryPoints: ['extension/thunderbird/background.ts'], outfile: join(stage, 'background.js') }),
    build({ ...common, entryPoints: ['extension/thunderbird/popup/popup.tsx'], outfile: join(stage, 'popup/popup.js') }),
    build({ ...common, entryPoints: ['extension/thunderbird/options/options.tsx'], outfile: join(stage, 'options/options.js') }),
  ]);
  const files: Zippable = {};
  const add = (rel: string, bytes: Uint8Array) => {
    files[rel] = [bytes, { mtime: new Date('2026-01-01T00:00:00Z') }];
  };
  for (const [from, to] of STATIC) {
    const src = join(root, from);
    // The shared stylesheet is optional: the page has its own.
    if (!existsSync(src)) continue;
    mkdirSync(dirname(join(stage, to)), { recursive: true });
    const bytes = readFileSync(src);
    writeFileSync(join(stage, to), bytes);
    add(to, bytes);
  }
  for (const js of ['background.js', 'popup/popup.js', 'options/options.js']) add(js, readFileSync(join(stage, js)));
  // Locales: the extension base's messages with the Thunderbird ones added.
  for (const lang of readdirSync(join(root, 'extension/thunderbird/_locales'))) {
    const baseFile = join(root, 'manifests/extension/_locales', lang, 'messages.json');
    const messages = {
      ...(existsSync(baseFile) ? JSON.parse(readFileSync(baseFile, 'utf8')) : {}),
      ...JSON.parse(readFileSync(join(root, 'extension/thunderbird/_locales', lang, 'messages.json'), 'utf8')),
    };
    const bytes = Buffer.from(`${JSON.stringify(messages, null, 2)}\n`);
    mkdirSync(join(stage, '_locales', lang), { recursive: true });
    writeFileSync(join(stage, '_locales', lang, 'messages.json'), bytes);
    add(`_locales/${lang}/messages.json`, bytes);
  }
  for (const size of ICON_SIZES) {
    const png = iconPng(size);
    mkdirSync(join(stage, 'icons'), { recursive: true });
    writeFileSync(join(stage, `icons/${size}.png`), png);
    add(`icons/${size}.png`, png);
  }
  const manifest = renderThunderbirdManifest(root);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(stage, 'manifest.json'), manifestBytes);
  add('manifest.json', manifestBytes);
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(out, 'vigie.xpi'), zipSync(sorted, { level: 9 }));
  const id = (manifest.browser_specific_settings as { gecko: { id: string } }).gecko.id;
  return { xpi: join(out, 'vigie.xpi'), id, manifest };
}

if (require.main === module) {
  const root = join(__dirname, '../..');
  buildThunderbird(root).then(
    (r) => console.log(`thunderbird extension: ${r.xpi.slice(root.length + 1)}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
