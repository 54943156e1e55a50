// The built Chrome extension's manifest against what Chromium accepts (Chromium itself loads it in the e2e suites).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

describe('the built Chrome extension', () => {
  it('dist/chrome: an MV3 service worker, the managed schema in place, every file the manifest names present', () => {
    const dir = join(ROOT, 'dist/chrome');
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
      background: { service_worker: string };
      storage: { managed_schema: string };
      content_scripts: { js: string[] }[];
      icons: Record<string, string>;
      action: { default_popup: string };
      options_ui: { page: string };
    };
    expect(m.manifest_version).toBe(3);
    const files = [
      m.background.service_worker,
      m.storage.managed_schema,
      ...m.content_scripts.flatMap((c) => c.js),
      ...Object.values(m.icons),
      m.action.default_popup,
      m.options_ui.page,
      '_locales/fr/messages.json',
      '_locales/en/messages.json',
    ];
    for (const f of files) expect([f, existsSync(join(dir, f))]).toEqual([f, true]);
    const schema = JSON.parse(readFileSync(join(dir, m.storage.managed_schema), 'utf8')) as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['mode', 'healthData', 'serverUrl', 'webmailProviders']));
  });
});
