// vigie whitelist verify <file.xml>: signature, IGC-Santé chain and age of a liste blanche file.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from '../io';
import { EXIT, UsageError } from '../io';
import { loadVerifiedFile } from '../../server/liste-blanche/load';
import { freshness } from '../../shared/whitelist/freshness';
import { loadPolicyFile } from '../policy-file';

export const whitelistCommand: CliCommand = {
  name: 'whitelist',
  summary: 'verify: checks the signature of a liste blanche file and its chain to IGC-Santé; prints JSON, exit 0 when trusted.',
  usage: 'vigie whitelist verify [--policy <policy.json>] <file.xml>',
  async run(args: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = args;
    if (sub !== 'verify') throw new UsageError(`unknown subcommand "${sub ?? ''}"`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, allowPositionals: true, options: { policy: { type: 'string' } } });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const file = parsed.positionals[0];
    if (!file || parsed.positionals.length > 1) throw new UsageError('exactly one file is expected');
    const policy = loadPolicyFile(parsed.values.policy ? resolve(io.cwd, parsed.values.policy) : undefined);
    const started = performance.now();
    try {
      const { verified, set } = loadVerifiedFile(resolve(io.cwd, file));
      const age = freshness(set, policy.whitelist.maxAgeDays, new Date());
      io.stdout(
        JSON.stringify(
          {
            valid: true,
            generatedAt: verified.generatedAt,
            domains: verified.domains.length,
            entries: verified.entries.length,
            signer: verified.signer,
            chain: verified.chain,
            sha256: verified.sha256,
            ageDays: age.ageDays,
            stale: age.stale,
            maxAgeDays: policy.whitelist.maxAgeDays,
            verifyMs: Math.round(performance.now() - started),
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'io';
      io.stdout(JSON.stringify({ valid: false, error: code, reason: (e as Error).message }, null, 2));
      io.stderr(`vigie whitelist verify: ${file} is not trusted: ${(e as Error).message}`);
      return EXIT.failure;
    }
  },
};
