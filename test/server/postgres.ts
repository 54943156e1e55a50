// A throw-away PostgreSQL server from Debian's package for the tests: initdb into a temporary folder, started with
// pg_ctl on a Unix socket in that folder (no TCP port), as the `postgres` user when the tests run as root.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  dataDir: string;
  stop(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin/pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error(`PostgreSQL is not installed (no ${root}/*/bin/pg_ctl): run scripts/install-system-deps.sh (Debian package "postgresql")`);
  return join(root, versions[0]!, 'bin');
}

export function startPostgres(): TestPostgres {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-pg-'));
  const dataDir = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    try {
      return execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 }).toString();
    } catch (e) {
      const err = e as { stderr?: Buffer; stdout?: Buffer; message: string };
      throw new Error(`PostgreSQL ${cmd} failed: ${err.stderr?.toString() || err.stdout?.toString() || err.message}`);
    }
  };
  run('initdb', ['-D', dataDir, '-U', 'vigie', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', join(dir, 'server.log'), '-o', `-c listen_addresses= -k ${dir} -p 5432 -c fsync=off`]);
  return {
    url: `postgres://vigie@localhost:5432/postgres?host=${encodeURIComponent(dir)}`,
    dataDir,
    stop() {
      try {
        run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', dataDir]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
