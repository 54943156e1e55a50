// Host policy templates generated from the org policy schema (shared/config/policy-keys): Chrome/Edge managed policy
// JSON, Firefox and Thunderbird policies.json (3rdparty), Windows ADMX/ADML (French and English), and the documentation
// table of every key. A test fails when any of them drifts from the schema.
import { create } from 'xmlbuilder2';
import { policyKeys, type PolicyKey } from '../../shared/config/policy-keys';
import { defaultPolicy, type OrgPolicy } from '../../shared/config/policy';

export type AdmxTarget = 'chrome' | 'edge' | 'firefox' | 'thunderbird';

export interface ExtensionIds {
  /** Chrome/Edge extension id (32 letters a–p), from the CRX key the hospital signs with. */
  chrome: string;
  firefox: string;
  thunderbird: string;
}

/**
 * The Chrome/Edge id used in the templates until the hospital gives its own: a Chrome extension id comes from the key the
 * CRX is signed with, which only the hospital holds (`npm run package -- --chrome-id <id>`).
 */
export const EXAMPLE_CHROME_ID = 'abcdefghijklmnopabcdefghijklmnop';

/** Registry key under which each host reads the extension's managed policy on Windows. */
export function registryKey(target: AdmxTarget, ids: ExtensionIds): string {
  switch (target) {
    case 'chrome':
      return `Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ids.chrome}\\policy`;
    case 'edge':
      return `Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${ids.chrome}\\policy`;
    case 'firefox':
      return `Software\\Policies\\Mozilla\\Firefox\\3rdparty\\Extensions\\${ids.firefox}`;
    case 'thunderbird':
      return `Software\\Policies\\Mozilla\\Thunderbird\\3rdparty\\Extensions\\${ids.thunderbird}`;
  }
}

const TARGET_NAMES: Record<AdmxTarget, string> = {
  chrome: 'Google Chrome',
  edge: 'Microsoft Edge',
  firefox: 'Mozilla Firefox',
  thunderbird: 'Mozilla Thunderbird',
};
const admxId = (path: string) => path.replace(/\./g, '_');

/** The parts of the org policy a host policy carries (everything but defaults left unset). */
export function examplePolicy(): Partial<OrgPolicy> {
  return {
    mode: 'block',
    internalDomains: ['chu-exemple.fr', '*.chu-exemple.fr'],
    helpdesk: 'Support informatique : poste 4242',
    whitelist: { maxAgeDays: 7, serverUrl: 'https://vigie.chu-exemple.fr/api/liste-blanche' },
  };
}

/** Chrome and Edge: `/etc/chromium/policies/managed/vigie.json`, `/etc/opt/chrome/policies/managed/`, or the registry. */
export function chromeManagedPolicy(ids: ExtensionIds, policy: Partial<OrgPolicy>, updateUrl?: string): Record<string, unknown> {
  return {
    ...(updateUrl ? { ExtensionInstallForcelist: [`${ids.chrome};${updateUrl}`] } : {}),
    '3rdparty': { extensions: { [ids.chrome]: policy } },
  };
}

/** Firefox and Thunderbird: `policies.json` (distribution folder) or the equivalent GPO. */
export function mozillaPolicies(extensionId: string, policy: Partial<OrgPolicy>, installUrl?: string): Record<string, unknown> {
  return {
    policies: {
      ...(installUrl ? { ExtensionSettings: { [extensionId]: { installation_mode: 'force_installed', install_url: installUrl } } } : {}),
      '3rdparty': { Extensions: { [extensionId]: policy } },
    },
  };
}

function words(lang: 'fr' | 'en') {
  return lang === 'fr'
    ? {
        category: 'Vigie MSSanté',
        supported: 'Vigie MSSanté 0.1 et ultérieur',
        product: (t: string) => `Vigie MSSanté pour ${t}`,
        desc: (t: string) => `Paramètres de l’extension Vigie MSSanté dans ${t}, verrouillés par l’administrateur.`,
        json: 'Valeur JSON',
        def: 'Par défaut',
      }
    : {
        category: 'Vigie MSSanté',
        supported: 'Vigie MSSanté 0.1 and later',
        product: (t: string) => `Vigie MSSanté for ${t}`,
        desc: (t: string) => `Settings of the Vigie MSSanté extension in ${t}, locked by the administrator.`,
        json: 'JSON value',
        def: 'Default',
      };
}

function splitPath(key: PolicyKey): { sub: string; name: string } {
  const parts = key.path.split('.');
  return { sub: parts.slice(0, -1).join('\\'), name: parts[parts.length - 1]! };
}

export function renderAdmx(target: AdmxTarget, ids: ExtensionIds): string {
  const base = registryKey(target, ids);
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const root = doc.ele('http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions', 'policyDefinitions', {
    'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    revision: '1.0',
    schemaVersion: '1.0',
  });
  const ns = root.ele('policyNamespaces');
  ns.ele('target', { prefix: `vigie_${target}`, namespace: `VigieMSSante.Policies.${target[0]!.toUpperCase()}${target.slice(1)}` });
  ns.ele('using', { prefix: 'windows', namespace: 'Microsoft.Policies.Windows' });
  root.ele('resources', { minRequiredRevision: '1.0' });
  root.ele('supportedOn').ele('definitions').ele('definition', { name: 'SUPPORTED_VIGIE', displayName: '$(string.SUPPORTED_VIGIE)' });
  root.ele('categories').ele('category', { name: 'vigie', displayName: '$(string.vigie)' });
  const policies = root.ele('policies');
  for (const key of policyKeys()) {
    const id = admxId(key.path);
    const { sub, name } = splitPath(key);
    const keyPath = sub ? `${base}\\${sub}` : base;
    const p = policies.ele('policy', {
      name: id,
      class: 'Machine',
      displayName: `$(string.${id})`,
      explainText: `$(string.${id}_Explain)`,
      presentation: `$(presentation.${id})`,
      key: keyPath,
    });
    p.ele('parentCategory', { ref: 'vigie' });
    p.ele('supportedOn', { ref: 'SUPPORTED_VIGIE' });
    const el = p.ele('elements');
    switch (key.type) {
      case 'enum': {
        const e = el.ele('enum', { id, valueName: name, required: 'true' });
        for (const v of key.enum!)
          e.ele('item', { displayName: `$(string.${id}_${v})` })
            .ele('value')
            .ele('string')
            .txt(v);
        break;
      }
      case 'string-list':
        // Chrome and the Mozilla policy engine read a list as a subkey whose values are named 1, 2, 3…
        el.ele('list', { id, key: `${keyPath}\\${name}`, valuePrefix: '' });
        break;
      case 'integer':
      case 'number':
        el.ele('decimal', {
          id,
          valueName: name,
          ...(key.minimum !== undefined ? { minValue: String(Math.max(0, Math.ceil(key.minimum))) } : {}),
          ...(key.maximum !== undefined ? { maxValue: String(key.maximum) } : {}),
        });
        break;
      case 'boolean':
        el.ele('boolean', { id, valueName: name }).ele('trueValue').ele('decimal', { value: '1' }).up().up().ele('falseValue').ele('decimal', { value: '0' });
        break;
      case 'string':
      case 'map':
      case 'json-list':
        // A map (message overrides) or a list of objects (webmails) is given as one JSON text, which both policy engines
        // accept for such values.
        el.ele('text', { id, valueName: name, maxLength: key.type === 'string' ? '400' : '4000' });
        break;
    }
  }
  return doc.end({ prettyPrint: true });
}

export function renderAdml(target: AdmxTarget, lang: 'fr' | 'en'): string {
  const w = words(lang);
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const root = doc.ele('http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions', 'policyDefinitionResources', {
    'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    revision: '1.0',
    schemaVersion: '1.0',
  });
  root.ele('displayName').txt(w.product(TARGET_NAMES[target]));
  root.ele('description').txt(w.desc(TARGET_NAMES[target]));
  const res = root.ele('resources');
  const strings = res.ele('stringTable');
  strings.ele('string', { id: 'SUPPORTED_VIGIE' }).txt(w.supported);
  strings.ele('string', { id: 'vigie' }).txt(w.category);
  const pres = res.ele('presentationTable');
  for (const key of policyKeys()) {
    const id = admxId(key.path);
    const text = key.description[lang];
    strings.ele('string', { id }).txt(key.path);
    const def =
      key.default !== undefined &&
      !(Array.isArray(key.default) && key.default.length === 0) &&
      !(typeof key.default === 'object' && key.default !== null && Object.keys(key.default).length === 0)
        ? `\n\n${w.def} : ${JSON.stringify(key.default)}`
        : '';
    strings.ele('string', { id: `${id}_Explain` }).txt(`${text}${def}`);
    for (const v of key.enum ?? []) strings.ele('string', { id: `${id}_${v}` }).txt(v);
    const p = pres.ele('presentation', { id });
    switch (key.type) {
      case 'enum':
        p.ele('dropdownList', { refId: id, noSort: 'true' }).txt(key.path);
        break;
      case 'string-list':
        p.ele('listBox', { refId: id }).txt(key.path);
        break;
      case 'integer':
      case 'number':
        p.ele('decimalTextBox', { refId: id }).txt(key.path);
        break;
      case 'boolean':
        p.ele('checkBox', { refId: id }).txt(key.path);
        break;
      default:
        p.ele('textBox', { refId: id })
          .ele('label')
          .txt(key.type === 'string' ? key.path : `${key.path} (${w.json})`);
    }
  }
  return doc.end({ prettyPrint: true });
}

/** The documentation table of every key with its type and default, in French or English (Markdown). */
export function policyDocsTable(lang: 'fr' | 'en'): string {
  const head =
    lang === 'fr'
      ? '| clé | type | valeurs | défaut | rôle |\n|---|---|---|---|---|'
      : '| key | type | values | default | what it does |\n|---|---|---|---|---|';
  const defaults = defaultPolicy() as unknown as Record<string, unknown>;
  const rows = policyKeys().map((k) => {
    const value = k.path.split('.').reduce<unknown>((o, part) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[part] : undefined), defaults);
    const def = value === undefined ? '—' : `\`${JSON.stringify(value)}\``;
    const values = k.enum
      ? k.enum.map((v) => `\`${v}\``).join(', ')
      : k.minimum !== undefined || k.maximum !== undefined
        ? `${k.minimum ?? ''}…${k.maximum ?? ''}`
        : '';
    return `| \`${k.path}\` | ${k.type} | ${values} | ${def} | ${k.description[lang].replace(/\|/g, '\\|')} |`;
  });
  return `${head}\n${rows.join('\n')}\n`;
}
