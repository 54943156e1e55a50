// vigie config validate <file>: an org policy, a Firefox/Thunderbird policies.json or a Chrome/Edge managed policy
// file, checked against the org policy schema; every error with its JSON path, in French and English.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand, CliIO } from '../io';
import { EXIT, UsageError } from '../io';
import { parsePolicy, type PolicyError } from '../../shared/config/validate-policy';

interface Checked {
  kind: 'org-policy' | 'mozilla-policies' | 'chrome-managed';
  /** Where the Vigie policy sits in the file (JSON pointer). */
  at: string;
  errors: PolicyError[];
}

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Finds the Vigie policies in a host policy file (or takes the file as an org policy) and validates each. */
export function validateConfigDocument(json: unknown): Checked[] {
  const obj = json as Record<string, unknown> | null;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    return [{ kind: 'org-policy', at: '', errors: [{ path: '/', message: 'must be a JSON object', messageFr: 'doit être un objet JSON' }] }];
  const nested = (container: unknown, kind: Checked['kind'], pointer: string): Checked[] => {
    if (!container || typeof container !== 'object')
      return [{ kind, at: pointer, errors: [{ path: '/', message: 'no extension policy found', messageFr: 'aucune politique d’extension trouvée' }] }];
    return Object.entries(container as Record<string, unknown>).map(([id, policy]) => {
      const r = parsePolicy(policy);
      return { kind, at: `${pointer}/${escape(id)}`, errors: r.ok ? [] : r.errors };
    });
  };
  if ('policies' in obj) {
    const third = (obj.policies as Record<string, unknown> | undefined)?.['3rdparty'] as Record<string, unknown> | undefined;
    return nested(third?.Extensions, 'mozilla-policies', '/policies/3rdparty/Extensions');
  }
  if ('3rdparty' in obj) {
    return nested((obj['3rdparty'] as Record<string, unknown> | undefined)?.extensions, 'chrome-managed', '/3rdparty/extensions');
  }
  const r = parsePolicy(obj);
  return [{ kind: 'org-policy', at: '', errors: r.ok ? [] : r.errors }];
}

export const configCommand: CliCommand = {
  name: 'config',
  summary: 'validate: checks an org policy, a policies.json (Firefox, Thunderbird) or a Chrome/Edge managed policy file against the policy schema.',
  usage: 'vigie config validate <file.json>',
  async run(args: string[], io: CliIO): Promise<number> {
    const [sub, file, ...rest] = args;
    if (sub !== 'validate') throw new UsageError(`unknown subcommand "${sub ?? ''}"`);
    if (!file || rest.length) throw new UsageError('exactly one file is expected');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8'));
    } catch (e) {
      io.stderr(`${file}: fichier illisible ou JSON invalide / unreadable file or invalid JSON: ${(e as Error).message}`);
      return EXIT.failure;
    }
    const checked = validateConfigDocument(json);
    let errors = 0;
    for (const c of checked) {
      for (const e of c.errors) {
        errors++;
        io.stdout(`${file}: ${c.at}${e.path === '/' ? '' : e.path} — ${e.messageFr} / ${e.message}`);
      }
    }
    if (errors === 0) io.stdout(`${file}: valide / valid (${checked.map((c) => `${c.kind}${c.at ? ` ${c.at}` : ''}`).join(', ')})`);
    return errors === 0 ? EXIT.ok : EXIT.failure;
  },
};
