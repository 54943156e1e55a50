// The `vigie` command: the core from a terminal, for IT and for tests.
import { commands } from './commands';
import { EXIT, UsageError, type CliIO } from './io';

function help(): string {
  const lines = ['Vigie MSSanté — usage: vigie <command> [options]', ''];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.summary}`, '');
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`vigie: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`vigie ${name}: ${err.message}\nusage: ${command.usage}\n`);
      return EXIT.usage;
    }
    io.stderr(`vigie ${name}: ${(err as Error).message}\n`);
    return EXIT.failure;
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  readStdin,
  cwd: process.cwd(),
  env: process.env,
};
