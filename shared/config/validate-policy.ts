// Validates an org policy document against the shipped JSON Schema (ajv), filling every default.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { policySchema, type OrgPolicy } from './policy';

export interface PolicyError {
  /** JSON path of the offending value, e.g. `/internalDomains/0`. */
  path: string;
  message: string;
}

let compiled: ReturnType<Ajv['compile']> | undefined;
function validator() {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    compiled = ajv.compile(policySchema);
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
