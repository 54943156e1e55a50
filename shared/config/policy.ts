// The organisation's policy: one JSON document, validated against the shipped JSON Schema, defaults filled in.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import schema from './policy.schema.json';
import type { LocalizedText } from '../model';

export type HealthDataAction = 'allow' | 'warn' | 'block';

export interface OrgPolicy {
  mode: 'block' | 'warn';
  internalDomains: string[];
  internalRecipients: 'mode' | 'warn' | 'allow';
  allowedDomains: string[];
  refusedDomains: string[];
  consumerDomains: string[];
  patientAddresses: 'block' | 'warn';
  healthData: { consumerSender: 'warn' | 'block'; consumerRecipient: 'warn' | 'block'; externalRecipient: HealthDataAction };
  whitelist: { maxAgeDays: number; serverUrl?: string };
  messages: Record<string, Partial<LocalizedText>>;
  helpdesk?: string;
}

export interface PolicyError {
  /** JSON path of the offending value, e.g. `/internalDomains/0`. */
  path: string;
  message: string;
}

export const policySchema = schema;

let compiled: ReturnType<Ajv['compile']> | undefined;
function validator() {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

function describe(e: ErrorObject): PolicyError {
  const path = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') {
    return { path, message: `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"` };
  }
  if (e.keyword === 'enum') {
    return { path, message: `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { path, message: e.message ?? e.keyword };
}

export type PolicyResult = { ok: true; policy: OrgPolicy } | { ok: false; errors: PolicyError[] };

/** Validates a policy document (parsed JSON) and fills every default. The input is not modified. */
export function parsePolicy(input: unknown): PolicyResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ path: '/', message: 'the policy must be a JSON object' }] };
  }
  const copy = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const validate = validator();
  if (!validate(copy)) return { ok: false, errors: (validate.errors ?? []).map(describe) };
  return { ok: true, policy: copy as unknown as OrgPolicy };
}

/** The embedded defaults (an empty policy with every default filled). */
export function defaultPolicy(): OrgPolicy {
  const r = parsePolicy({});
  if (!r.ok) throw new Error('the policy schema rejects its own defaults');
  return r.policy;
}

/** True when `domain` matches one of the patterns (`example.fr` exactly, `*.example.fr` for it and its subdomains). */
export function domainMatches(domain: string, patterns: readonly string[]): boolean {
  for (const raw of patterns) {
    const p = raw.toLowerCase();
    if (p.startsWith('*.')) {
      const base = p.slice(2);
      if (domain === base || domain.endsWith(`.${base}`)) return true;
    } else if (domain === p) return true;
  }
  return false;
}
