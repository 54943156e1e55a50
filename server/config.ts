// The server's configuration: one JSON file (`vigie serve --config`), validated with ajv, every default filled in.
// Secrets never sit in the file itself: a secret is named as `env:NAME` (an environment variable) or `file:/path`.
import Ajv, { type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export interface ServerConfig {
  /** TCP port (0 picks a free one). */
  port: number;
  /** Interface to listen on; loopback unless the hospital's proxy reaches the server over the network. */
  host: string;
  /** The URL users reach the server at (the reverse proxy's, in production). Default: `<scheme>://localhost:<port>`. */
  publicUrl?: string;
  /** `self-signed`: a localhost certificate generated on first start under `home`; `files`: the given PEM files; `off`: plain HTTP behind a TLS-terminating proxy. */
  tls: { mode: 'self-signed' | 'files' | 'off'; certFile?: string; keyFile?: string };
  /** Read the client address from `X-Forwarded-For` (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Where the server keeps its state (certificate, last good liste blanche, directory files). Default `$VIGIE_HOME` or `~/.vigie`. */
  home: string;
  /** Org policy file served at /policy.json (embedded defaults when absent). */
  policyFile?: string;
  /** The built Outlook add-in (served at /outlook/) and the packaged extensions (at /downloads/). */
  addinDir?: string;
  downloadsDir?: string;
  /** Serve the source maps (`*.map`) next to the built scripts (off: they would publish the sources). */
  serveSourceMaps: boolean;
  /** Origins allowed to call the API from a browser (the add-in's origin is always allowed), e.g. `chrome-extension://<id>`, `moz-extension://<uuid>`. */
  corsOrigins: string[];
  limits: {
    /** Largest request body accepted, bytes. */
    bodyBytes: number;
    /** Longest request target (path and query), characters. */
    urlChars: number;
    /** Requests per second per client address (0 = no limit), with a burst of `burst`. */
    ratePerSecond: number;
    burst: number;
  };
  listeBlanche: {
    /** The official list (`https://espacedeconfiance.mssante.fr/listeblanchemssante.xml`); none = embedded snapshot only. */
    url?: string;
    /** PEM bundle of the CAs that issue the list server's TLS certificate (IGC-Santé). */
    caFile?: string;
    refreshMinutes: number;
    timeoutSeconds: number;
  };
  directory: {
    /** `synthetic`: a generated demo directory; `file`: an extraction file; `url`: downloaded daily. */
    source: 'synthetic' | 'file' | 'url';
    syntheticCount: number;
    file?: string;
    url?: string;
    /** A folder watched for a new extraction file (`*.txt`), rebuilt when one is dropped there. */
    watchDir?: string;
    refreshMinutes: number;
    /** Annuaire Santé FHIR API (entries confirmed when a key is configured). */
    fhir?: { baseUrl?: string; apiKey: string };
  };
  di: {
    /** `off`; `demo`: a few synthetic patients and documents; `mhd`: an IHE MHD server, on behalf of the PSC user. */
    mode: 'off' | 'demo' | 'mhd';
    baseUrl?: string;
  };
  psc?: { issuer: string; clientId: string; clientSecret: string; redirectUri?: string; allowHttp?: boolean };
  /** Key sealing the login cookies (any length; stretched with SHA-256). Needed for PSC. */
  sessionSecret?: string;
  /** Audit events from the mail clients (POST /api/audit/events) and their store. */
  audit: {
    enabled: boolean;
    /** `postgres://…` (or a secret reference to it): one store shared by every instance. Absent: embedded database under `home`. */
    database?: string;
    /** Events older than this are deleted (ANS: about six months). */
    retentionDays: number;
    purgeHours: number;
    /** Event posts per minute per client address, with a burst. */
    postsPerMinute: number;
    burst: number;
    /** Largest event post, bytes. */
    bodyBytes: number;
  };
  /** The bearer token of the audit report and admin page; `VIGIE_ADMIN_TOKEN` when the configuration sets none. Without one, they answer 401. */
  admin: { token?: string };
}

const secret = { type: 'string', minLength: 1, pattern: '^(env|file):.+$' };
const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    port: { type: 'integer', minimum: 0, maximum: 65535, default: 3443 },
    host: { type: 'string', minLength: 1, default: '127.0.0.1' },
    publicUrl: { type: 'string', pattern: '^https?://[^/]+$' },
    tls: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: { mode: { enum: ['self-signed', 'files', 'off'], default: 'self-signed' }, certFile: { type: 'string' }, keyFile: { type: 'string' } },
    },
    trustProxy: { type: 'boolean', default: false },
    home: { type: 'string' },
    policyFile: { type: 'string' },
    addinDir: { type: 'string' },
    downloadsDir: { type: 'string' },
    serveSourceMaps: { type: 'boolean', default: false },
    corsOrigins: { type: 'array', items: { type: 'string', pattern: '^(https?|chrome-extension|moz-extension|safari-web-extension)://[^/]+$' }, default: [] },
    limits: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        bodyBytes: { type: 'integer', minimum: 0, maximum: 10485760, default: 65536 },
        urlChars: { type: 'integer', minimum: 64, maximum: 16384, default: 2048 },
        ratePerSecond: { type: 'number', minimum: 0, default: 200 },
        burst: { type: 'integer', minimum: 1, default: 400 },
      },
    },
    listeBlanche: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        url: { type: 'string', pattern: '^https://' },
        caFile: { type: 'string' },
        refreshMinutes: { type: 'number', minimum: 1, default: 360 },
        timeoutSeconds: { type: 'number', minimum: 1, default: 60 },
      },
    },
    directory: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        source: { enum: ['synthetic', 'file', 'url'], default: 'synthetic' },
        syntheticCount: { type: 'integer', minimum: 1, maximum: 2000000, default: 50000 },
        file: { type: 'string' },
        url: { type: 'string', pattern: '^https://' },
        watchDir: { type: 'string' },
        refreshMinutes: { type: 'number', minimum: 1, default: 1440 },
        fhir: {
          type: 'object',
          additionalProperties: false,
          required: ['apiKey'],
          properties: { baseUrl: { type: 'string', pattern: '^https://' }, apiKey: secret },
        },
      },
    },
    di: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: { mode: { enum: ['off', 'demo', 'mhd'], default: 'off' }, baseUrl: { type: 'string', pattern: '^https?://' } },
    },
    psc: {
      type: 'object',
      additionalProperties: false,
      required: ['issuer', 'clientId', 'clientSecret'],
      properties: {
        issuer: { type: 'string', pattern: '^https?://' },
        clientId: { type: 'string', minLength: 1 },
        clientSecret: secret,
        redirectUri: { type: 'string', pattern: '^https?://' },
        allowHttp: { type: 'boolean' },
      },
    },
    sessionSecret: secret,
    audit: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        enabled: { type: 'boolean', default: true },
        database: { type: 'string', pattern: '^(postgres(ql)?://.+|(env|file):.+)$' },
        retentionDays: { type: 'integer', minimum: 1, maximum: 3650, default: 183 },
        purgeHours: { type: 'number', minimum: 0.01, default: 24 },
        postsPerMinute: { type: 'number', minimum: 1, default: 120 },
        burst: { type: 'integer', minimum: 1, default: 60 },
        bodyBytes: { type: 'integer', minimum: 1024, maximum: 1048576, default: 32768 },
      },
    },
    admin: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: { token: secret },
    },
  },
} as const;

export interface ConfigError {
  path: string;
  message: string;
}

export class ServerConfigError extends Error {
  constructor(
    readonly errors: ConfigError[],
    where = 'server configuration',
  ) {
    super(`invalid ${where}:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  }
}

let validate: ReturnType<Ajv['compile']> | undefined;

function describe(e: ErrorObject): ConfigError {
  const path = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return { path, message: `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"` };
  if (e.keyword === 'enum')
    return { path, message: `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
  if (e.keyword === 'pattern' && /Secret|apiKey|token/i.test(path))
    return { path, message: 'must name a secret as "env:VARIABLE" or "file:/path", never the secret itself' };
  return { path, message: e.message ?? e.keyword };
}

/** Reads a secret reference (`env:NAME`, `file:/path`); throws a clear error naming the reference, never the value. */
export function readSecret(ref: string, env: Record<string, string | undefined>, baseDir: string): string {
  if (ref.startsWith('env:')) {
    const v = env[ref.slice(4)];
    if (!v) throw new ServerConfigError([{ path: ref, message: 'environment variable not set' }]);
    return v;
  }
  const path = ref.slice(5);
  try {
    return readFileSync(isAbsolute(path) ? path : resolve(baseDir, path), 'utf8').trim();
  } catch (e) {
    throw new ServerConfigError([{ path: ref, message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
}

export function defaultHome(env: Record<string, string | undefined>): string {
  return env.VIGIE_HOME ? resolve(env.VIGIE_HOME) : join(homedir(), '.vigie');
}

/**
 * Validates a configuration document and fills the defaults. Relative paths are read from `baseDir` (the config
 * file's folder); secret references are resolved here, so a missing secret stops the start with its name.
 */
export function parseServerConfig(input: unknown, opts: { env?: Record<string, string | undefined>; baseDir?: string } = {}): ServerConfig {
  const env = opts.env ?? {};
  const baseDir = opts.baseDir ?? process.cwd();
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new ServerConfigError([{ path: '/', message: 'must be a JSON object' }]);
  const copy = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  validate ??= new Ajv({ allErrors: true, useDefaults: true, strict: true }).compile(schema);
  if (!validate(copy)) throw new ServerConfigError((validate.errors ?? []).map(describe));
  const c = copy as unknown as ServerConfig;
  const abs = (p: string | undefined) => (p === undefined ? undefined : isAbsolute(p) ? p : resolve(baseDir, p));
  c.home = abs(c.home) ?? defaultHome(env);
  for (const key of ['policyFile', 'addinDir', 'downloadsDir'] as const) if (c[key]) c[key] = abs(c[key]);
  if (c.tls.certFile) c.tls.certFile = abs(c.tls.certFile);
  if (c.tls.keyFile) c.tls.keyFile = abs(c.tls.keyFile);
  if (c.listeBlanche.caFile) c.listeBlanche.caFile = abs(c.listeBlanche.caFile);
  if (c.directory.file) c.directory.file = abs(c.directory.file);
  if (c.directory.watchDir) c.directory.watchDir = abs(c.directory.watchDir);
  const errors: ConfigError[] = [];
  if (c.tls.mode === 'files' && (!c.tls.certFile || !c.tls.keyFile)) errors.push({ path: '/tls', message: 'mode "files" needs certFile and keyFile' });
  if (c.directory.source === 'file' && !c.directory.file && !c.directory.watchDir)
    errors.push({ path: '/directory', message: 'source "file" needs file or watchDir' });
  if (c.directory.source === 'url' && !c.directory.url) errors.push({ path: '/directory/url', message: 'source "url" needs a url' });
  if (c.di.mode === 'mhd' && (!c.di.baseUrl || !c.psc))
    errors.push({ path: '/di', message: 'mode "mhd" needs baseUrl and a psc section (documents are read on behalf of the logged-in professional)' });
  if (c.psc && !c.sessionSecret)
    errors.push({ path: '/sessionSecret', message: 'PSC login needs a sessionSecret (env:NAME or file:/path) to seal its cookies' });
  if (errors.length) throw new ServerConfigError(errors);
  if (c.directory.fhir) c.directory.fhir.apiKey = readSecret(c.directory.fhir.apiKey, env, baseDir);
  if (c.psc) c.psc.clientSecret = readSecret(c.psc.clientSecret, env, baseDir);
  if (c.sessionSecret) c.sessionSecret = readSecret(c.sessionSecret, env, baseDir);
  if (c.audit.database && !/^postgres(ql)?:\/\//.test(c.audit.database)) {
    c.audit.database = readSecret(c.audit.database, env, baseDir);
    if (!/^postgres(ql)?:\/\//.test(c.audit.database))
      throw new ServerConfigError([{ path: '/audit/database', message: 'the referenced value must be a postgres:// URL' }]);
  }
  const token = c.admin.token ? readSecret(c.admin.token, env, baseDir) : env.VIGIE_ADMIN_TOKEN;
  if (token !== undefined && token.length < 16)
    throw new ServerConfigError([{ path: c.admin.token ? '/admin/token' : 'VIGIE_ADMIN_TOKEN', message: 'the admin token must be at least 16 characters' }]);
  c.admin = token ? { token } : {};
  return c;
}

export function loadServerConfigFile(path: string, env: Record<string, string | undefined>): ServerConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ServerConfigError([{ path: '/', message: `cannot read ${path}: ${(e as Error).message}` }]);
  }
  return parseServerConfig(json, { env, baseDir: resolve(path, '..') });
}

/** Where the server is reached (for the manifest, CORS and printed links). */
export function publicUrlOf(c: ServerConfig, actualPort: number): string {
  return c.publicUrl ?? `${c.tls.mode === 'off' ? 'http' : 'https'}://localhost:${actualPort}`;
}
