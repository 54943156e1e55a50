import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyKeys, keysWithoutFrench } from '../../shared/config/policy-keys';
import { parsePolicy } from '../../shared/config/validate-policy';
import { validateConfigDocument } from '../../cli/commands/config';
import {
  chromeManagedPolicy,
  mozillaPolicies,
  examplePolicy,
  renderAdmx,
  renderAdml,
  policyDocsTable,
  registryKey,
  EXAMPLE_CHROME_ID,
  type AdmxTarget,
} from './templates';

const ids = { chrome: EXAMPLE_CHROME_ID, firefox: 'webmail@vigie-mssante.fr', thunderbird: 'vigie-thunderbird@vigie-mssante.fr' };
const PD = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';

function xml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}
const els = (doc: { getElementsByTagNameNS(ns: string, n: string): unknown }, name: string) =>
  Array.from(doc.getElementsByTagNameNS(PD, name) as ArrayLike<unknown>) as unknown as Element[];

describe('policy templates generated from the schema', () => {
  it('every key of the schema has a French explanation', () => {
    expect(keysWithoutFrench()).toEqual([]);
    expect(policyKeys().map((k) => k.path)).toEqual(
      expect.arrayContaining(['mode', 'internalDomains', 'healthData.consumerRecipient', 'whitelist.maxAgeDays', 'documents.productReference']),
    );
  });

  it('the example policy, the Chrome/Edge managed file and the Firefox/Thunderbird policies.json all validate', () => {
    expect(parsePolicy(examplePolicy()).ok).toBe(true);
    const chrome = validateConfigDocument(chromeManagedPolicy(ids, examplePolicy(), 'https://vigie.chu-exemple.fr/downloads/chrome/update.xml'));
    expect(chrome).toEqual([{ kind: 'chrome-managed', at: `/3rdparty/extensions/${ids.chrome}`, errors: [] }]);
    const tb = validateConfigDocument(mozillaPolicies(ids.thunderbird, examplePolicy(), 'https://vigie.chu-exemple.fr/downloads/vigie-thunderbird.xpi'));
    expect(tb).toEqual([{ kind: 'mozilla-policies', at: `/policies/3rdparty/Extensions/${ids.thunderbird}`, errors: [] }]);
  });

  it('a wrong value in a host policy file is reported with its path, in French and English', () => {
    const bad = mozillaPolicies(ids.thunderbird, { mode: 'sometimes' as 'block', internalDomains: ['pas un domaine'] });
    const [r] = validateConfigDocument(bad);
    expect(r!.errors.map((e) => e.path)).toEqual(['/mode', '/internalDomains/0']);
    expect(r!.errors[1]!.messageFr).toMatch(/nom de domaine/);
  });

  it.each(['chrome', 'edge', 'firefox', 'thunderbird'] as AdmxTarget[])(
    '%s ADMX and its French and English ADML are well-formed and cover every key',
    (target) => {
      const admx = xml(renderAdmx(target, ids));
      const policies = els(admx, 'policy');
      expect(policies.map((p) => p.getAttribute('name'))).toEqual(policyKeys().map((k) => k.path.replace(/\./g, '_')));
      for (const p of policies) expect(p.getAttribute('key')!.startsWith(registryKey(target, ids))).toBe(true);
      for (const lang of ['fr', 'en'] as const) {
        const adml = xml(renderAdml(target, lang));
        const strings = new Set(els(adml, 'string').map((s) => s.getAttribute('id')));
        const presentations = new Set(els(adml, 'presentation').map((s) => s.getAttribute('id')));
        const refs = [...renderAdmx(target, ids).matchAll(/\$\((string|presentation)\.([^)]+)\)/g)];
        for (const [, kind, id] of refs) expect(kind === 'string' ? strings.has(id!) : presentations.has(id!)).toBe(true);
      }
      expect(renderAdml(target, 'fr')).toContain('Domaines de messagerie propres à l’établissement');
    },
  );

  it('the documentation table lists every key with its default and is up to date in docs/', () => {
    const fr = policyDocsTable('fr');
    for (const k of policyKeys()) expect(fr).toContain(`\`${k.path}\``);
    expect(fr).toContain('| `mode` | enum | `block`, `warn`, `audit` | `"block"` |');
    const doc = readFileSync(join(__dirname, '../../docs/policy-keys.md'), 'utf8');
    expect(doc).toContain(fr);
    expect(doc).toContain(policyDocsTable('en'));
  });
});
