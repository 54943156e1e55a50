// Builds the Thunderbird MailExtension: bundles the background and the pages with esbuild, renders the manifest
// (manifests/extension/base.json with thunderbird.patch.json merged over it, RFC 7386), and
// zips everything into dist/thunderbird/vigie.xpi with fixed dates so the same sources give the same bytes.
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** JSON Merge Patch (RFC 7386, as manifests/extension/render.ts applies it for the webmail targets); keys starting with "//" are comments and dropped. */
export function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('//')) continue;
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function renderManifest(root) {
  const dir = join(root, 'manifests/extension');
  const read = (f) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const base = existsSync(join(dir, 'base.json')) ? read('base.json') : {};
  const manifest = mergePatch(base, read('thunderbird.patch.json'));
  for (const k of Object.keys(manifest)) if (k.startsWith('//')) delete manifest[k];
  manifest.version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  return manifest;
}

const STATIC = [
  ['extension/thunderbird/popup/popup.html', 'popup/popup.html'],
  ['extension/thunderbird/popup/popup.css', 'popup/popup.css'],
  ['extension/thunderbird/options/options.html', 'options/options.html'],
  ['extension/thunderbird/options/options.css', 'options/options.css'],
  ['extension/thunderbird/icons/vigie.svg', 'icons/vigie.svg'],
  ['shared/ui/styles.css', 'ui/styles.css'],
];

export async function buildThunderbird(root) {
  const out = join(root, 'dist/thunderbird');
  const stage = join(out, 'xpi');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const common = {
    bundle: true, format: 'iife', platform: 'browser', target: 'firefox128', absWorkingDir: root, logLevel: 'warning', minify: true, legalComments: 'none',
    jsx: 'automatic', jsxImportSource: 'preact', define: { 'process.env.NODE_ENV': '"production"' },
    // xmlbuilder2's own browser build (its Node entry needs Node built-ins).
    alias: { xmlbuilder2: join(root, 'node_modules/xmlbuilder2/lib/xmlbuilder2.min.js') },
  };
  await Promise.all([
    build({ ...common, entryPoints: ['extension/thunderbird/background.ts'], outfile: join(stage, 'background.js') }),
    build({ ...common, entryPoints: ['extension/thunderbird/popup/popup.tsx'], outfile: join(stage, 'popup/popup.js') }),
    build({ ...common, entryPoints: ['extension/thunderbird/options/options.tsx'], outfile: join(stage, 'options/options.js') }),
  ]);
  const files = {};
  const add = (rel, bytes) => {
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
  const manifest = renderManifest(root);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(stage, 'manifest.json'), manifestBytes);
  add('manifest.json', manifestBytes);
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(out, 'vigie.xpi'), zipSync(sorted, { level: 9 }));
  return { xpi: join(out, 'vigie.xpi'), id: manifest.browser_specific_settings.gecko.id, manifest };
}
