// Builds the webmail extension: dist/chrome/ (MV3, service worker, managed_schema) and dist/firefox/ (event page,
// gecko id) from the same bundles, the base manifest plus one patch per target. Run by scripts/build.mjs.
import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { managedSchema, renderManifest, type Json } from '../../manifests/extension/render';
import { builtInHosts } from './providers';
import policySchema from '../../shared/config/policy.schema.json';
import { iconPng } from '../../scripts/icons.mjs';

const root = join(__dirname, '../..');
const readJson = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as Json;
const version = (readJson('package.json') as { version: string }).version;

export async function buildWebmailExtension(): Promise<string[]> {
  const common: BuildOptions = {
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox140'],
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    sourcemap: false,
    absWorkingDir: root,
    logLevel: 'warning',
    define: { __VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // xmlbuilder2's own browser build (its main entry needs Node built-ins).
    alias: { xmlbuilder2: join(root, 'node_modules/xmlbuilder2/lib/xmlbuilder2.min.js') },
  };
  const stage = join(root, 'dist/.webmail-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'icons'), { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: ['extension/webmail/content/index.ts'], outfile: join(stage, 'content.js') }),
    build({ ...common, entryPoints: ['extension/webmail/background/index.ts'], outfile: join(stage, 'background.js') }),
    build({ ...common, entryPoints: ['extension/webmail/panel/index.tsx'], outfile: join(stage, 'panel.js') }),
    build({ ...common, entryPoints: ['extension/webmail/options/index.ts'], outfile: join(stage, 'options.js') }),
  ]);
  for (const f of ['panel/panel.html', 'panel/panel.css', 'options/options.html'])
    copyFileSync(join(root, 'extension/webmail', f), join(stage, f.split('/')[1]!));
  copyFileSync(join(root, 'shared/ui/styles.css'), join(stage, 'ui.css'));
  cpSync(join(root, 'manifests/extension/_locales'), join(stage, '_locales'), { recursive: true });
  for (const s of [16, 32, 48, 128]) writeFileSync(join(stage, `icons/${s}.png`), iconPng(s));

  const base = readJson('manifests/extension/base.json');
  const hosts = builtInHosts();
  const outs: string[] = [];
  for (const target of ['chrome', 'firefox'] as const) {
    const out = join(root, 'dist', target);
    rmSync(out, { recursive: true, force: true });
    cpSync(stage, out, { recursive: true });
    const manifest = renderManifest(base, readJson(`manifests/extension/${target}.json`), { version, hosts });
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (target === 'chrome') writeFileSync(join(out, 'managed-schema.json'), `${JSON.stringify(managedSchema(policySchema as never), null, 2)}\n`);
    outs.push(out);
  }
  rmSync(stage, { recursive: true, force: true });
  return outs;
}

if (require.main === module) {
  buildWebmailExtension().then(
    (outs) => console.log(`webmail extension: ${outs.map((o) => o.slice(root.length + 1)).join(', ')}`),
    (e: unknown) => {
      console.error(`webmail extension build failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
