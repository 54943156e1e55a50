// vigie serve: the companion server the hospital hosts. Without --config it runs on the embedded defaults (the
// shipped liste blanche, a generated demo directory, a demo patient record, no keys, no network) and lets the
// Chromium build of this repository call it (its development id).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from '../io';
import { EXIT, UsageError } from '../io';
import { loadServerConfigFile, parseServerConfig, ServerConfigError, type ServerConfig } from '../../server/config';
import { startServer } from '../../server/app';
import { DEV_CHROME_ID } from '../../manifests/extension/dev-id';
import { NOT_READY, READY } from '../../server/install-steps';
import { addinBuilt } from '../../server/routes/outlook';
import { startLines } from './serve-lines';

/** The built targets next to the running bundle (dist/cli/vigie.cjs → dist/outlook, dist/downloads), or from the source tree. */
function distDir(): string | undefined {
  for (const d of [resolve(__dirname, '..'), resolve(__dirname, '../../dist'), resolve(__dirname, '../../../dist')]) if (existsSync(join(d, 'cli'))) return d;
  return undefined;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Runs the companion server (add-in, packages, liste blanche, directory, DI and Pro Santé Connect). Embedded defaults without --config.',
  usage: 'vigie serve [--port N] [--host H] [--config <server config.json>] [--http] [--directory-size N]',
  async run(args: string[], io: CliIO): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          port: { type: 'string' },
          host: { type: 'string' },
          config: { type: 'string' },
          http: { type: 'boolean' },
          'directory-size': { type: 'string' },
        },
        strict: true,
      }));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const num = (v: string | undefined, name: string, max: number) => {
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v) || Number(v) > max) throw new UsageError(`--${name} must be an integer from 0 to ${max}`);
      return Number(v);
    };
    const port = num(values.port, 'port', 65535);
    const size = num(values['directory-size'], 'directory-size', 2_000_000);
    let config: ServerConfig;
    try {
      if (values.config) config = loadServerConfigFile(resolve(io.cwd, values.config), io.env);
      else {
        const dist = distDir();
        config = parseServerConfig(
          {
            di: { mode: 'demo' },
            corsOrigins: [`chrome-extension://${DEV_CHROME_ID}`],
            ...(dist ? { addinDir: join(dist, 'outlook'), downloadsDir: join(dist, 'downloads') } : {}),
          },
          { env: io.env, baseDir: io.cwd },
        );
      }
    } catch (e) {
      if (e instanceof ServerConfigError) {
        io.stderr(`vigie serve: ${e.message}`);
        return EXIT.usage;
      }
      throw e;
    }
    if (port !== undefined) config.port = port;
    if (values.host) config.host = values.host;
    if (values.http) config.tls = { mode: 'off' };
    if (size !== undefined) config.directory.syntheticCount = Math.max(1, size);

    let server;
    try {
      server = await startServer(config);
    } catch (e) {
      if (e instanceof ServerConfigError) {
        io.stderr(`vigie serve: ${e.message}\nThe server did not start.`);
        return EXIT.usage;
      }
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        io.stderr(`vigie serve: le port ${config.port} est déjà utilisé / port ${config.port} is already in use (--port N)`);
        return EXIT.failure;
      }
      throw e;
    }
    io.stdout(startLines(server.health(), server.publicUrl, addinBuilt(config), server.tls).join('\n'));
    void server.directoryReady.then(() => {
      io.stdout(server.directory.ready ? `\n${READY.fr}\n${READY.en}\nCtrl+C pour arrêter / to stop.` : `\n${NOT_READY.fr}\n${NOT_READY.en}`);
    });

    await new Promise<void>((resolveStop) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolveStop();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stderr('vigie serve: arrêt / stopping');
    await server.close();
    return EXIT.ok;
  },
};
