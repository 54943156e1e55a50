// Pro Santé Connect as the routes use it: the client, discovered once on first use from the configuration; the
// professional's session, kept in a sealed cookie (no state on the server); and the patient record (DI) read on
// that professional's behalf, or the demo record.
import { MhdClient } from '../shared/documents/mhd';
import type { DocumentSource } from '../shared/ports/document-source';
import type { ServerConfig } from './config';
import { DemoDocumentSource } from './di/demo-source';
import { HttpError, type Ctx } from './http/router';
import { CookieSealer } from './http/sealed-cookie';
import { PscClient, type PscSession } from './psc/client';

export const SESSION_COOKIE = 'vigie_psc';
export const PENDING_COOKIE = 'vigie_psc_login';
export const SESSION_TTL = 10 * 3600;

export class ProSanteConnect {
  /** Seals the login cookies (absent without a session secret). */
  readonly sealer: CookieSealer | undefined;
  private client: Promise<PscClient> | undefined;
  private readonly demoDi: DemoDocumentSource | undefined;

  constructor(
    private readonly config: ServerConfig,
    private readonly publicUrl: () => string,
  ) {
    this.sealer = config.sessionSecret
      ? new CookieSealer(config.sessionSecret, config.tls.mode !== 'off' || (config.publicUrl ?? '').startsWith('https:'))
      : undefined;
    this.demoDi = config.di.mode === 'demo' ? new DemoDocumentSource() : undefined;
  }

  /** PSC sends the browser back here; behind a proxy this is the public address, not the socket's. */
  redirectUri(): string {
    return this.config.psc?.redirectUri ?? `${this.publicUrl()}/api/psc/callback`;
  }

  /** The PSC client (404 when PSC is not configured, 502 when its discovery fails; retried on the next call). */
  pscClient(): Promise<PscClient> {
    if (!this.config.psc) throw new HttpError(404, 'psc-off', 'Pro Santé Connect is not configured on this server');
    const p = this.config.psc;
    this.client ??= PscClient.create({
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: p.clientSecret,
      redirectUri: this.redirectUri(),
      ...(p.allowHttp ? { allowHttp: true } : {}),
    }).catch((e: unknown) => {
      this.client = undefined;
      throw new HttpError(502, 'psc-unreachable', `Pro Santé Connect discovery failed: ${(e as Error).message}`);
    });
    return this.client;
  }

  sessionOf(ctx: Ctx): PscSession | undefined {
    return this.sealer?.get<PscSession>(ctx.req, SESSION_COOKIE);
  }

  /** Where the patient's documents come from for this request: the demo record, or the DI on the logged-in professional's behalf. */
  async documentSource(ctx: Ctx): Promise<DocumentSource> {
    if (this.demoDi) return this.demoDi;
    const di = this.config.di;
    if (di.mode !== 'mhd' || !di.baseUrl) throw new HttpError(404, 'di-off', 'no patient record (DI) is configured on this server');
    let session = this.sessionOf(ctx);
    if (!session) throw new HttpError(401, 'login-required', 'log in with Pro Santé Connect first');
    const client = await this.pscClient();
    const sealer = this.sealer!;
    return new MhdClient({
      baseUrl: di.baseUrl,
      fetch: (input, init) => fetch(input, init),
      token: async () => {
        const r = await client.accessToken(session!);
        if (r.session !== session) {
          session = r.session;
          sealer.set(ctx.req, ctx.res, SESSION_COOKIE, session, SESSION_TTL);
        }
        return r.token;
      },
    });
  }
}
