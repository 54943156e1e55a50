// A Pro Santé Connect look-alike for tests: a real OpenID Provider (oidc-provider) mounted under
// /auth/realms/esante-wallet, discovery only at /.well-known/wallet-openid-configuration, PSC-like claims.
// Run as a child process (oidc-provider is ESM-only). Prints one JSON line {"issuer": …} once listening.
// The login page is scripted: GET <interaction url>?account=<national id>&acr=<level> logs that account in
// (acr=none: a login that states no level, as a misconfigured issuer would).
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const PREFIX = '/auth/realms/esante-wallet';
const client = JSON.parse(process.env.PSC_CLIENT ?? '{}');
const accessTtl = Number(process.env.PSC_ACCESS_TTL ?? 300);

const accounts = {
  810001234567: {
    SubjectNameID: '810001234567',
    given_name: 'Jeanne',
    family_name: 'MARTIN',
    preferred_username: '810001234567',
    otherIds: [{ identifiant: '10001234567', origine: 'RPPS', qualite: 1 }],
    SubjectRefPro: {
      codeCivilite: 'MME',
      exercices: [
        {
          codeProfession: '10',
          codeCategorieProfessionnelle: 'C',
          nomDexercice: 'MARTIN',
          prenomDexercice: 'Jeanne',
          codeTypeSavoirFaire: 'S',
          codeSavoirFaire: 'SM26',
          activities: [
            { codeModeExercice: 'S', codeSecteurDactivite: 'SA01', raisonSocialeSite: 'CHU EXEMPLE', numeroFinessSite: '750000001', codePostal: '75013' },
          ],
        },
      ],
    },
  },
};

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}${PREFIX}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: client.id,
      client_secret: client.secret,
      redirect_uris: [client.redirect],
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  scopes: ['openid', 'scope_all', 'offline_access'],
  claims: { openid: ['sub'], scope_all: ['SubjectNameID', 'SubjectRefPro', 'otherIds', 'given_name', 'family_name', 'preferred_username'] },
  acrValues: ['eidas0', 'eidas1', 'eidas2', 'eidas3'],
  pkce: { required: () => true },
  issueRefreshToken: async () => true,
  ttl: { AccessToken: accessTtl, AuthorizationCode: 60, IdToken: 3600, RefreshToken: 3600, Grant: 3600, Interaction: 600, Session: 3600 },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['psc-test-cookie-key'] },
  clockTolerance: 0,
  findAccount: async (_ctx, sub) => {
    const id = sub.split(':').pop();
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...claims }) };
  },
  interactions: { url: (_ctx, interaction) => `${PREFIX}/interaction/${interaction.uid}` },
});

const callback = provider.callback();

server.on('request', async (req, res) => {
  const url = new URL(req.url, issuer);
  if (!url.pathname.startsWith(PREFIX)) {
    res.writeHead(404).end();
    return;
  }
  let path = url.pathname.slice(PREFIX.length) || '/';
  // PSC serves discovery only at the wallet path; the standard one is not there.
  if (path === '/.well-known/openid-configuration') {
    res.writeHead(404).end();
    return;
  }
  if (path === '/.well-known/wallet-openid-configuration') path = '/.well-known/openid-configuration';

  const interaction = /^\/interaction\/([^/]+)$/.exec(path);
  if (interaction && req.method === 'GET') {
    try {
      const details = await provider.interactionDetails(req, res);
      const account = url.searchParams.get('account');
      const acr = url.searchParams.get('acr') ?? 'eidas1';
      if (!account || !accounts[account]) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown account');
        return;
      }
      const accountId = `f:00000000-0000-4000-8000-000000000001:${account}`;
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      const login = acr === 'none' ? { accountId } : { accountId, acr };
      await provider.interactionFinished(req, res, { login, consent: { grantId } }, { mergeWithLastSubmission: false });
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e?.message ?? e));
    }
    return;
  }

  // Mounted under PREFIX: oidc-provider derives its endpoints' URLs from originalUrl minus url.
  req.url = `${path}${url.search}`;
  req.originalUrl = `${PREFIX}${req.url}`;
  callback(req, res);
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
