// Validates an org policy document against the shipped JSON Schema (ajv), filling every default.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { policySchema, type OrgPolicy } from './policy';

export interface PolicyError {
  /** JSON path of the offending value, e.g. `/internalDomains/0`. */
  path: string;
  /** English explanation. */
  message: string;
  /** French explanation. */
  messageFr: string;
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
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return { path, message: `unknown key "${String(p.additionalProperty)}"`, messageFr: `clé inconnue « ${String(p.additionalProperty)} »` };
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { path, message: `must be one of ${values}`, messageFr: `doit valoir ${values}` };
    }
    case 'type':
      return {
        path,
        message: `must be of type ${String(p.type)}`,
        messageFr: `doit être de type ${({ string: 'texte', array: 'liste', object: 'objet', integer: 'nombre entier', number: 'nombre', boolean: 'booléen' } as Record<string, string>)[String(p.type)] ?? String(p.type)}`,
      };
    case 'pattern':
      return {
        path,
        message: 'is not a domain name (e.g. chu-exemple.fr or *.chu-exemple.fr)',
        messageFr: 'n’est pas un nom de domaine (par exemple chu-exemple.fr ou *.chu-exemple.fr)',
      };
    case 'minimum':
    case 'exclusiveMinimum':
      return { path, message: e.message ?? 'too small', messageFr: `doit être ${e.keyword === 'minimum' ? '≥' : '>'} ${String(p.limit)}` };
    case 'maximum':
      return { path, message: e.message ?? 'too large', messageFr: `doit être ≤ ${String(p.limit)}` };
    case 'maxLength':
      return { path, message: e.message ?? 'too long', messageFr: `ne doit pas dépasser ${String(p.limit)} caractères` };
    case 'format':
      return { path, message: `must be a valid ${String(p.format)}`, messageFr: `doit être une adresse (${String(p.format)}) valide` };
    case 'uniqueItems':
      return { path, message: 'has the same value twice', messageFr: 'contient deux fois la même valeur' };
    default:
      return { path, message: e.message ?? e.keyword, messageFr: e.message ?? e.keyword };
  }
}

export type PolicyResult = { ok: true; policy: OrgPolicy } | { ok: false; errors: PolicyError[] };

/** Validates a policy document (parsed JSON) and fills every default. The input is not modified. */
export function parsePolicy(input: unknown): PolicyResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ path: '/', message: 'the policy must be a JSON object', messageFr: 'la politique doit être un objet JSON' }] };
  }
  const copy = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const validate = validator();
  if (!validate(copy)) return { ok: false, errors: (validate.errors ?? []).map(describe) };
  return { ok: true, policy: copy as unknown as OrgPolicy };
}
