// What `npm run package` writes besides the built targets: the policy templates for every host, filled with the
// extension ids and the hospital's URLs, and the Outlook manifest renderers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../shared/config/policy.schema.json';
import {
  chromeManagedPolicy,
  mozillaPolicies,
  examplePolicy,
  renderAdmx,
  renderAdml,
  EXAMPLE_CHROME_ID,
  type ExtensionIds,
  type AdmxTarget,
} from './templates';

export { renderXmlManifest, renderUnifiedManifest } from '../outlook/render';

export function extensionIds(root: string, chromeId?: string): ExtensionIds {
  const gecko = (file: string) =>
    (JSON.parse(readFileSync(join(root, file), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;
  return {
    chrome: chromeId ?? EXAMPLE_CHROME_ID,
    firefox: gecko('manifests/extension/firefox.json'),
    thunderbird: gecko('manifests/extension/thunderbird.patch.json'),
  };
}

export function policyFiles(ids: ExtensionIds, baseUrl: string, version: string): Record<string, string> {
  const base = baseUrl.replace(/\/+$/, '');
  const policy = { ...examplePolicy(), whitelist: { maxAgeDays: 7, serverUrl: `${base}/api/liste-blanche` } };
  const json = (o: unknown) => `${JSON.stringify(o, null, 2)}\n`;
  const files: Record<string, string> = {
    'org-policy.example.json': json({ $schema: './org-policy.schema.json', ...policy }),
    'org-policy.schema.json': json(schema),
    'chrome/vigie.json': json(chromeManagedPolicy(ids, policy, `${base}/downloads/chrome/update.xml`)),
    'edge/vigie.json': json(chromeManagedPolicy(ids, policy, `${base}/downloads/chrome/update.xml`)),
    'firefox/policies.json': json(mozillaPolicies(ids.firefox, policy, `${base}/downloads/vigie-firefox-${version}.xpi`)),
    'thunderbird/policies.json': json(mozillaPolicies(ids.thunderbird, policy, `${base}/downloads/vigie-thunderbird-${version}.xpi`)),
  };
  for (const target of ['chrome', 'edge', 'firefox', 'thunderbird'] as AdmxTarget[]) {
    files[`admx/vigie-${target}.admx`] = renderAdmx(target, ids);
    files[`admx/fr-FR/vigie-${target}.adml`] = renderAdml(target, 'fr');
    files[`admx/en-US/vigie-${target}.adml`] = renderAdml(target, 'en');
  }
  return files;
}
