// Reads an org policy file for the CLI; a bad policy is a usage error listing every problem with its JSON path.
import { readFileSync } from 'node:fs';
import { defaultPolicy, type OrgPolicy } from '../shared/config/policy';
import { parsePolicy } from '../shared/config/validate-policy';
import { UsageError } from './io';

export function loadPolicyFile(path: string | undefined): OrgPolicy {
  if (!path) return defaultPolicy();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read policy ${path}: ${(e as Error).message}`);
  }
  const r = parsePolicy(json);
  if (!r.ok) throw new UsageError(`invalid policy ${path}:\n${r.errors.map((e) => `  ${e.path}: ${e.messageFr} / ${e.message}`).join('\n')}`);
  return r.policy;
}
