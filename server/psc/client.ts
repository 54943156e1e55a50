// Pro Santé Connect login for a confidential client (openid-client v6): discovery at PSC's non-standard path,
// authorization code + PKCE S256, `scope=openid scope_all`, `acr_values=eidas1` checked in the ID token,
// userinfo mapped to a typed professional, refresh. Runs on the server only: the client secret and the
// tokens never reach a host's storage.
import * as oidc from 'openid-client';
import { assertEidas1, mapPscUserInfo, pscDiscoveryUrl, PscError, PSC_ACR, PSC_SCOPE, type PscProfessional } from '../../shared/psc/claims';
import { documentText } from '../../shared/documents/messages';

export interface PscClientOptions {
  /** `https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet` (production) or the sandbox issuer. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** How the secret is sent to the token endpoint (default client_secret_basic). */
  clientAuth?: 'client_secret_basic' | 'client_secret_post';
  /** Plain-HTTP issuers are refused unless this is set (local test issuers only). */
  allowHttp?: boolean;
  /** Refresh an access token this many seconds before it expires (default 30). */
  refreshSkewSeconds?: number;
  /** Routes PSC calls through the server's own fetch (proxy, tests). */
  fetch?: oidc.CustomFetch;
}

/** What the server keeps between the redirect to PSC and the callback (bound to the browser's session). */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A logged-in professional, kept server-side for the length of the session. */
export interface PscSession {
  professional: PscProfessional;
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  acr: string;
}

export class PscClient {
  private constructor(
    private readonly config: oidc.Configuration,
    private readonly options: PscClientOptions,
  ) {}

  /** Reads PSC's discovery document and prepares the client. */
  static async create(options: PscClientOptions): Promise<PscClient> {
    const auth = options.clientAuth === 'client_secret_post' ? oidc.ClientSecretPost(options.clientSecret) : oidc.ClientSecretBasic(options.clientSecret);
    const discoveryOptions: oidc.DiscoveryRequestOptions = {};
    if (options.allowHttp) discoveryOptions.execute = [oidc.allowInsecureRequests];
    if (options.fetch) discoveryOptions[oidc.customFetch] = options.fetch;
    // A URL holding `/.well-known/` is fetched as given: PSC does not serve the standard openid-configuration path.
    const config = await oidc.discovery(
      new URL(pscDiscoveryUrl(options.issuer)),
      options.clientId,
      { redirect_uris: [options.redirectUri], response_types: ['code'] },
      auth,
      discoveryOptions,
    );
    const issuer = config.serverMetadata().issuer.replace(/\/+$/, '');
    if (issuer !== options.issuer.replace(/\/+$/, '')) throw new Error(`PSC discovery: issuer ${issuer} does not match ${options.issuer}`);
    return new PscClient(config, options);
  }

  /** The URL to send the browser to, and what to keep until the callback. */
  async beginLogin(extra: { loginHint?: string } = {}): Promise<{ url: string; pending: PendingLogin }> {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending: PendingLogin = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier };
    const params: Record<string, string> = {
      redirect_uri: this.options.redirectUri,
      response_type: 'code',
      scope: PSC_SCOPE,
      acr_values: PSC_ACR,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    };
    if (extra.loginHint) params.login_hint = extra.loginHint;
    return { url: oidc.buildAuthorizationUrl(this.config, params).href, pending };
  }

  /** Handles PSC's redirect back: exchanges the code, checks state, nonce, PKCE and `acr`, reads userinfo. */
  async completeLogin(callbackUrl: string | URL, pending: PendingLogin): Promise<PscSession> {
    let tokens;
    try {
      tokens = await oidc.authorizationCodeGrant(this.config, new URL(callbackUrl), {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (e) {
      if (e instanceof oidc.AuthorizationResponseError || (e as { code?: string }).code === 'OAUTH_INVALID_RESPONSE') {
        throw new PscError('state', documentText('psc.claims', { detail: (e as Error).message }));
      }
      throw e;
    }
    const claims = tokens.claims();
    if (!claims) throw new PscError('claims', documentText('psc.claims', { detail: 'id_token' }));
    assertEidas1(claims);
    const professional = await this.userInfo(tokens.access_token, claims.sub);
    return {
      professional,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      idToken: tokens.id_token,
      expiresAt: Date.now() + (tokens.expiresIn() ?? 0) * 1000,
      acr: String(claims.acr),
    };
  }

  /** Reads userinfo with an access token; an expired or revoked token is PscError `expired`. */
  async userInfo(accessToken: string, expectedSubject: string): Promise<PscProfessional> {
    try {
      return mapPscUserInfo(await oidc.fetchUserInfo(this.config, accessToken, expectedSubject));
    } catch (e) {
      if (e instanceof oidc.WWWAuthenticateChallengeError || (e instanceof oidc.ResponseBodyError && e.status === 401))
        throw new PscError('expired', documentText('psc.expired'));
      throw e;
    }
  }

  /** New tokens from the refresh token; PscError `expired` when PSC refuses it (the professional must log in again). */
  async refresh(session: PscSession): Promise<PscSession> {
    if (!session.refreshToken) throw new PscError('expired', documentText('psc.expired'));
    let tokens;
    try {
      tokens = await oidc.refreshTokenGrant(this.config, session.refreshToken);
    } catch (e) {
      if (e instanceof oidc.ResponseBodyError && (e.error === 'invalid_grant' || e.status === 400 || e.status === 401))
        throw new PscError('expired', documentText('psc.expired'));
      throw e;
    }
    const claims = tokens.claims();
    if (claims) {
      assertEidas1(claims);
      if (claims.sub !== session.professional.subject) throw new PscError('claims', documentText('psc.claims', { detail: 'sub' }));
    }
    return {
      ...session,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? session.refreshToken,
      idToken: tokens.id_token ?? session.idToken,
      expiresAt: Date.now() + (tokens.expiresIn() ?? 0) * 1000,
    };
  }

  /** A valid access token for a call to the DI or the operator, refreshing it when it is about to expire. */
  async accessToken(session: PscSession, now = Date.now()): Promise<{ token: string; session: PscSession }> {
    if (session.expiresAt - (this.options.refreshSkewSeconds ?? 30) * 1000 > now) return { token: session.accessToken, session };
    const next = await this.refresh(session);
    return { token: next.accessToken, session: next };
  }

  /** Where to send the browser to end the PSC session. */
  logoutUrl(session: PscSession, postLogoutRedirectUri?: string): string {
    const params: Record<string, string> = {};
    if (session.idToken) params.id_token_hint = session.idToken;
    if (postLogoutRedirectUri) params.post_logout_redirect_uri = postLogoutRedirectUri;
    return oidc.buildEndSessionUrl(this.config, params).href;
  }
}

export { PscError };
