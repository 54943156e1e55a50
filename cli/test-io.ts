// Runs `vigie` in-process with captured output, for tests.
import { main } from './main';
import type { CliIO } from './io';

export async function runVigie(
  args: string[],
  opts: { stdin?: string; cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string; json: () => unknown }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => {
      stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    stderr: (t) => {
      stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
    readStdin: async () => opts.stdin ?? '',
    cwd: opts.cwd ?? process.cwd(),
    env: {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
