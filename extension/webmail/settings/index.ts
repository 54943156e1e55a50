// Effective settings: every top-level key from the IT policy (managed storage) if valid there, else from the user's
// options if valid there, else the default. Like Chromium's own managed-storage check, one bad key is dropped (and
// reported) without losing the others.
import { defaultPolicy, policySchema, type OrgPolicy } from '../../../shared/config/policy';
import type { ConfiguredWebmail } from '../providers';
import { conforms, type SchemaNode } from './conform';

export interface WebmailSettings {
  policy: OrgPolicy;
  serverUrl?: string;
  organisation?: string;
  language: 'auto' | 'fr' | 'en';
  webmailProviders: ConfiguredWebmail[];
  /** Keys IT set: the options page shows them locked. */
  managedKeys: string[];
  /** Keys that were present but invalid, and where: shown in the options page, never silently used. */
  rejected: { key: string; source: 'managed' | 'user' }[];
}

const policyRoot = policySchema as unknown as SchemaNode;

/** Every setting key with its schema node and the schema its `$ref`s resolve against. */
function settingNodes(): [string, SchemaNode, SchemaNode][] {
  const out: [string, SchemaNode, SchemaNode][] = [];
  for (const [k, n] of Object.entries(policyRoot.properties ?? {})) if (k !== '$schema') out.push([k, n, policyRoot]);
  return out;
}

export function resolveSettings(managed: Record<string, unknown>, user: Record<string, unknown>): WebmailSettings {
  const base = defaultPolicy() as unknown as Record<string, unknown>;
  const chosen: Record<string, unknown> = { ...base, language: 'auto', webmailProviders: [] };
  const managedKeys: string[] = [];
  const rejected: WebmailSettings['rejected'] = [];
  for (const [key, node, root] of settingNodes()) {
    let value: unknown;
    for (const [source, store] of [['managed', managed], ['user', user]] as const) {
      if (!(key in store) || store[key] === undefined) continue;
      if (conforms(store[key], node, root)) {
        value = store[key];
        if (source === 'managed') managedKeys.push(key);
        break;
      }
      rejected.push({ key, source });
    }
    if (value === undefined) continue;
    const def = base[key];
    // Objects keep the defaults of the sub-keys they do not set.
    chosen[key] = def && typeof def === 'object' && !Array.isArray(def) && node.type === 'object' ? { ...(def as object), ...(value as object) } : value;
  }
  // The clients' keys are part of the org policy too; they are also given apart, typed for the extension.
  const { serverUrl, organisation, language, webmailProviders } = chosen as Record<string, unknown> & { serverUrl?: string; organisation?: string; language: WebmailSettings['language']; webmailProviders: ConfiguredWebmail[] };
  return {
    policy: chosen as unknown as OrgPolicy,
    ...(serverUrl ? { serverUrl } : {}),
    ...(organisation ? { organisation } : {}),
    language,
    webmailProviders,
    managedKeys,
    rejected,
  };
}

/** The language to show: the setting, or the browser's when `auto`. */
export function effectiveLanguage(settings: WebmailSettings, browserLanguage: 'fr' | 'en'): 'fr' | 'en' {
  return settings.language === 'auto' ? browserLanguage : settings.language;
}
