// The org policy the server serves at /policy.json: the configured file, validated at start (a bad one stops the
// server with each JSON path), or the embedded defaults.
import { readFileSync } from 'node:fs';
import { defaultPolicy, type OrgPolicy } from '../shared/config/policy';
import { parsePolicy } from '../shared/config/validate-policy';
import { ServerConfigError } from './config';

export interface LoadedPolicy {
  policy: OrgPolicy;
  /** The policy as served. */
  json: string;
  /** `embedded`, or the file's path. */
  source: string;
}

export function loadPolicy(file: string | undefined): LoadedPolicy {
  if (!file) {
    const policy = defaultPolicy();
    return { policy, json: JSON.stringify(policy), source: 'embedded' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ServerConfigError([{ path: file, message: (e as Error).message }], 'policy');
  }
  const r = parsePolicy(raw);
  if (!r.ok) throw new ServerConfigError(r.errors, `policy ${file}`);
  return { policy: r.policy, json: JSON.stringify(r.policy), source: file };
}
