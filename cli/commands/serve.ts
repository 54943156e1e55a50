// vigie serve: the companion server the hospital hosts. Without --config it runs on the embedded defaults (the
// shipped liste blanche, a generated demo directory, a demo patient record, no keys, no network).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from '../io';
import { EXIT, UsageError } from '../io';
import { loadServerConfigFile, parseServerConfig, ServerConfigError, type ServerConfig } from '../../server/config';
import { startServer } from '../../server/app';
import { trustInstructions } from '../../server/tls';

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
        options: { port: { type: 'string' }, host: { type: 'string' }, config: { type: 'string' }, http: { type: 'boolean' }, 'directory-size': { type: 'string' } },
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
          { di: { mode: 'demo' }, ...(dist ? { addinDir: join(dist, 'outlook'), downloadsDir: join(dist, 'downloads') } : {}) },
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
    const h = server.health();
    const u = server.publicUrl;
    const lines = [
      '',
      `Vigie MSSanté — serveur de l’établissement / companion server: ${u}/`,
      `  Page d’accueil / landing page   ${u}/`,
      `  État / health                   ${u}/healthz`,
      `  Liste blanche (${h.listeBlanche.domains} domaines, ${h.listeBlanche.source}, ${h.listeBlanche.generatedAt.slice(0, 10)})   ${u}/api/liste-blanche`,
      `  Annuaire / directory (${config.directory.source === 'synthetic' ? `démonstration, ${config.directory.syntheticCount} boîtes` : config.directory.source})   ${u}/api/directory/search?q=cardio%20lyon`,
      `  Politique / policy              ${u}/policy.json`,
      `  Complément Outlook / add-in     ${u}/outlook/manifest.xml${config.addinDir && existsSync(join(config.addinDir, 'manifest.xml')) ? '' : '  (pas encore construit / not built yet)'}`,
      `  Paquets / packages (XPI, webmail extension)   ${u}/downloads/`,
      `  Dossier patient / DI            ${config.di.mode === 'off' ? 'non configuré / not configured' : `${u}/api/di/documents?ins=279035121518989${config.di.mode === 'demo' ? '  (démonstration / demo)' : ''}`}`,
      `  Pro Santé Connect               ${config.psc ? `${u}/api/psc/login` : 'non configuré / not configured'}`,
      '',
      'Outlook : Applications › Ajouter des applications › Mes compléments › Ajouter à partir d’un fichier (le manifeste ci-dessus).',
      'Thunderbird : Outils › Modules complémentaires › ⚙ › Installer un module depuis un fichier (le .xpi).',
      'Chrome/Edge : chrome://extensions › Mode développeur › Charger l’extension non empaquetée ; Firefox : about:debugging.',
    ];
    if (server.tls) lines.push('', ...(server.tls.created ? ['Certificat localhost créé / localhost certificate created.'] : []), ...trustInstructions(server.tls.certFile));
    lines.push('', 'Ctrl+C pour arrêter / to stop.');
    io.stdout(lines.join('\n'));

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
