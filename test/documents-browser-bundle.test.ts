// The DI-document core must run in a browser, a webview or an extension worker: bundle it for the browser
// (xmlbuilder2 through its own browser build, the alias hosts' builds use) and run it with web globals only.
import { build } from 'esbuild';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { webcrypto } from 'node:crypto';

const root = join(__dirname, '..');
const XMLBUILDER2_BROWSER_ALIAS = { xmlbuilder2: join(root, 'node_modules/xmlbuilder2/lib/xmlbuilder2.min.js') };

describe('shared/documents in a browser bundle', () => {
  it('bundles without Node built-ins and packs an archive with web globals only', async () => {
    const out = await build({
      stdin: { contents: "export { packXdm } from './shared/documents'; export { MhdClient } from './shared/documents/mhd';", resolveDir: root, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'core',
      target: 'es2020',
      write: false,
      alias: XMLBUILDER2_BROWSER_ALIAS,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    const sandbox: Record<string, unknown> = {
      TextEncoder,
      TextDecoder,
      btoa,
      atob,
      crypto: webcrypto,
      URL,
      URLSearchParams,
      AbortController,
      setTimeout,
      clearTimeout,
      console,
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    runInNewContext(`${code}\nthis.core = core;`, sandbox);
    const core = sandbox.core as typeof import('../shared/documents');
    expect(typeof (sandbox as { require?: unknown }).require).toBe('undefined');
    const r = core.packXdm({
      patient: { ins: { matricule: '288109912345684', qualified: true }, family: 'Corse', given: 'Figatellix', birthDate: '1988-10-12' },
      documents: [{ bytes: new Uint8Array([37, 80, 68, 70]), mimeType: 'application/pdf', title: 'CR' }],
      title: 'CR',
      author: {},
      sender: { organisation: 'CHU', application: { name: 'Vigie', version: '1', vendor: 'Vigie' } },
    });
    expect(r.subject).toBe('XDM/1.0/DDM+CR CORSE Figatellix 12/10/1988');
    expect(r.metadataXml).toContain('288109912345684^^^&amp;1.2.250.1.213.1.4.8&amp;ISO^NH');
    expect(r.zip.length).toBeGreaterThan(500);
  }, 60_000);
});
