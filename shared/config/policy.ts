// The organisation's policy: one JSON document, validated against the shipped JSON Schema, defaults filled in.
import schema from './policy.schema.json';
import type { LocalizedText } from '../model';

export type HealthDataAction = 'allow' | 'warn' | 'block';

/** A reason the user may pick when sending despite a warning (the list is set by policy; free text is also allowed). */
export interface OverrideReason {
  code: string;
  fr: string;
  en: string;
}

export interface OrgPolicy {
  /** `audit`: nothing is stopped, each check records what `audit.simulate` would have done. */
  mode: 'block' | 'warn' | 'audit';
  audit: {
    /** The mode whose verdict audit mode records. */
    simulate: 'block' | 'warn';
    /** In audit mode, show the user what would have happened (as information; the send goes on). */
    showUser: boolean;
    /** Which checks the clients report to the companion server (`/api/audit/events`). */
    events: 'all' | 'not-allowed' | 'off';
  };
  overrideReasons: OverrideReason[];
  internalDomains: string[];
  internalRecipients: 'mode' | 'warn' | 'allow';
  allowedDomains: string[];
  refusedDomains: string[];
  consumerDomains: string[];
  patientAddresses: 'block' | 'warn';
  distributionLists: 'block' | 'warn';
  healthData: { consumerSender: 'warn' | 'block'; consumerRecipient: 'warn' | 'block'; externalRecipient: HealthDataAction };
  documents: { productReference?: string; operatorSizeLimitMB: number };
  whitelist: { maxAgeDays: number; serverUrl?: string };
  messages: Record<string, Partial<LocalizedText>>;
  helpdesk?: string;
  /** The companion server the mail clients use (extensions; Outlook uses the server that serves it). */
  serverUrl?: string;
  organisation?: string;
  language: 'auto' | 'fr' | 'en';
  /** MSSanté webmails of the organisation, with CSS selectors where their page differs (webmail extension). */
  webmailProviders: unknown[];
}

export const policySchema = schema;

type SchemaNode = { type?: string; default?: unknown; properties?: Record<string, SchemaNode> };

function defaultsOf(node: SchemaNode): unknown {
  if (node.type === 'object' && node.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node.properties)) {
      const value = defaultsOf(child);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return node.default === undefined ? undefined : JSON.parse(JSON.stringify(node.default));
}

/**
 * The embedded defaults: every `default` of the schema, read without a validator (the Outlook send-check bundle
 * carries no JSON Schema engine). Validation of a deployed policy is in validate-policy.ts.
 */
export function defaultPolicy(): OrgPolicy {
  return defaultsOf(schema as unknown as SchemaNode) as OrgPolicy;
}

export { domainMatches } from './domain-pattern';
