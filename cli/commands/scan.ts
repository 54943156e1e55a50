// vigie scan: looks for personal health data in a text file (or standard input) and attachment names.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from '../io';
import { EXIT, UsageError } from '../io';
import { scanText } from '../../shared/health-data';

const usage = 'vigie scan <file>|- [--attachment <file name>]...';

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'Looks for personal health data in a text and in attachment names; prints {containsHealthData, findings (masked excerpts), score} as JSON.',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { attachment: { type: 'string', multiple: true, default: [] } } });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'one file at a time' : 'a file (or - for standard input) is required');
    const file = positionals[0]!;
    let text: string;
    if (file === '-') text = await io.readStdin();
    else {
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        throw new UsageError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
      }
    }
    const report = scanText(
      text,
      values.attachment.map((name) => ({ name })),
    );
    const out = {
      containsHealthData: report.containsHealthData,
      findings: report.findings.map((f) => ({ kind: f.kind, source: f.source, start: f.start, end: f.end, excerpt: f.excerpt, weight: f.weight })),
      score: report.score,
    };
    io.stdout(JSON.stringify(out, null, 2));
    return EXIT.ok;
  },
};
