// The FHIR client against a real local HTTP server answering documented Annuaire Santé Bundles.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnnuaireSanteClient, DirectoryApiError, entriesFromResources, type FhirResource } from '../../shared/directory/fhir-client';
import { buildIndex } from '../../shared/directory/directory-index';
import { parseExtractionText } from '../../shared/directory/extraction';
import { EXTRACTION_HEADER } from '../../shared/directory/synthetic';
import type { DirectoryEntry } from '../../shared/model';
import { bundle, drHouse, organization, practitioner, practitionerRole } from './fhir-fixtures';

type Handler = (req: IncomingMessage, url: URL, res: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler;
const seen: { path: string; key: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    seen.push({ path: url.pathname + url.search, key: req.headers['esante-api-key'] as string | undefined });
    handler(req, url, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir/v2`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  seen.length = 0;
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const sleeps: number[] = [];
const client = (more: Partial<ConstructorParameters<typeof AnnuaireSanteClient>[0]> = {}) =>
  new AnnuaireSanteClient({
    apiKey: 'cle-de-test',
    baseUrl: base,
    fetch: (url, init) => fetch(url, init),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...more,
  });

describe('the Annuaire Santé FHIR client', () => {
  it('finds a mailbox on Practitioner, PractitionerRole or Organization, with the key and mailbox-mss:exact', async () => {
    handler = (_req, url, res) => {
      const type = url.pathname.split('/').pop();
      const addr = url.searchParams.get('mailbox-mss:exact');
      if (type === 'PractitionerRole' && addr === 'a.saucier@cabinet-st-antoine.mssante.fr')
        return json(res, 200, bundle([practitionerRole, organization, practitioner]));
      if (type === 'Practitioner' && addr === 'arthur.saucier@medecin.mssante.fr') return json(res, 200, bundle([practitioner]));
      if (type === 'Organization' && addr === 'secretariat@cabinet-st-antoine.mssante.fr') return json(res, 200, bundle([organization]));
      json(res, 200, bundle([]));
    };
    const c = client();
    const role = await c.findByMailbox('A.Saucier@cabinet-st-antoine.mssante.fr');
    expect(role).toEqual([
      {
        address: 'a.saucier@cabinet-st-antoine.mssante.fr',
        type: 'PER',
        familyName: 'SAUCIER',
        givenName: 'Arthur',
        civility: 'DR',
        rpps: '10003461033',
        profession: 'Médecin',
        specialty: 'Spécialiste en médecine générale',
        organisation: 'CABINET SAINT ANTOINE',
        postcode: '92140',
        department: '92',
        city: 'CLAMART',
        displayName: 'Dr Arthur SAUCIER',
      },
    ]);
    expect(seen.every((s) => s.key === 'cle-de-test')).toBe(true);
    expect(seen.map((s) => decodeURIComponent(s.path))).toEqual(
      expect.arrayContaining([
        '/fhir/v2/PractitionerRole?mailbox-mss:exact=a.saucier@cabinet-st-antoine.mssante.fr&_include=PractitionerRole:organization&_include=PractitionerRole:practitioner',
      ]),
    );
    expect(await c.findByMailbox('arthur.saucier@medecin.mssante.fr')).toEqual([
      expect.objectContaining({ type: 'PER', rpps: '10003461033', displayName: 'Dr Arthur SAUCIER' }),
    ]);
    expect(await c.findByMailbox('secretariat@cabinet-st-antoine.mssante.fr')).toEqual([
      expect.objectContaining({
        type: 'ORG',
        service: 'Secrétariat',
        organisation: 'CABINET SAINT ANTOINE',
        displayName: 'Secrétariat — CABINET SAINT ANTOINE',
      }),
    ]);
    expect(await c.findByMailbox('personne@medecin.mssante.fr')).toEqual([]);
  });

  it('reads only MSSanté telecoms and leaves red-listed mailboxes out', () => {
    const entries = entriesFromResources([practitioner as FhirResource]);
    expect(entries.map((e) => e.address)).toEqual(['arthur.saucier@medecin.mssante.fr']);
  });

  it('follows link.next through every page, by RPPS with the roles and their organisations', async () => {
    handler = (_req, url, res) => {
      const type = url.pathname.split('/').pop();
      if (type === 'Practitioner') return json(res, 200, bundle([practitioner, practitionerRole], `${base}/_page?id=p2`));
      if (url.pathname.endsWith('/_page') && url.searchParams.get('id') === 'p2')
        return json(
          res,
          200,
          bundle([
            {
              ...practitionerRole,
              id: '2',
              organization: { reference: 'Organization/9' },
              telecom: [{ ...practitionerRole.telecom[0]!, value: 'arthur.saucier@chu-lyon.mssante.fr' }],
            },
          ]),
        );
      if (type === 'Organization')
        return json(
          res,
          200,
          bundle([organization, { ...organization, id: '9', name: 'CHU DE LYON', address: [{ city: 'LYON', postalCode: '69003' }], telecom: [] }]),
        );
      json(res, 404, { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'inconnu' }] });
    };
    const entries = await client().findByRpps('810003461033');
    expect(entries.map((e) => [e.address, e.organisation ?? '', e.rpps])).toEqual([
      ['a.saucier@cabinet-st-antoine.mssante.fr', 'CABINET SAINT ANTOINE', '10003461033'],
      ['arthur.saucier@chu-lyon.mssante.fr', 'CHU DE LYON', '10003461033'],
      ['arthur.saucier@medecin.mssante.fr', '', '10003461033'],
      ['secretariat@cabinet-st-antoine.mssante.fr', 'CABINET SAINT ANTOINE', undefined],
    ]);
    expect(decodeURIComponent(seen[0]!.path)).toBe(
      '/fhir/v2/Practitioner?identifier=https://rpps.esante.gouv.fr|10003461033&_revinclude=PractitionerRole:practitioner',
    );
    expect(seen.map((s) => s.path.split('?')[0])).toEqual(['/fhir/v2/Practitioner', '/fhir/v2/_page', '/fhir/v2/Organization']);
  });

  it('pages through organisation searches, stops at maxPages and never follows a link to another host', async () => {
    handler = (_req, url, res) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      const next = page < 3 ? `${base}/Organization?name=HOUSE&page=${page + 1}` : 'https://ailleurs.example/fhir/v2/_page?id=x';
      json(res, 200, bundle([drHouse(String(page), page)], next));
    };
    const all = await client().search('Organization', [['name', 'HOUSE']]);
    expect(all).toMatchObject({ pages: 3, truncated: true });
    expect(entriesFromResources(all.resources).map((e) => e.address)).toEqual([1, 2, 3].map((n) => `secretariat.drhouse${n}@aura.mssante.fr`));
    expect(seen).toHaveLength(3);
    const orgs = await client({ maxPages: 2 }).searchOrganizations({ name: 'HOUSE', city: 'LYON' });
    expect(orgs).toHaveLength(2);
    expect(orgs[0]).toMatchObject({ type: 'ORG', service: 'Médecine générale', city: 'LYON', postcode: '69003', department: '69' });
  });

  it('fails with a clear, typed error on 401', async () => {
    handler = (_req, _url, res) => json(res, 401, { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Invalid API key' }] });
    const err = await client()
      .findByRpps('10003461033')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DirectoryApiError);
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect((err as DirectoryApiError).userMessage.fr).toMatch(/clé d’API refusée/);
  });

  it('waits as long as Retry-After says after a 429, then succeeds; gives up when it keeps coming', async () => {
    let calls = 0;
    handler = (_req, _url, res) => (++calls === 1 ? json(res, 429, '', { 'Retry-After': '2' }) : json(res, 200, bundle([practitioner])));
    sleeps.length = 0;
    const r = await client().findByRpps('10003461033');
    expect(r.map((e) => e.address)).toEqual(['arthur.saucier@medecin.mssante.fr']);
    expect(sleeps).toContain(2000);
    handler = (_req, _url, res) => json(res, 429, '', { 'Retry-After': '1' });
    await expect(client().findByRpps('10003461033')).rejects.toMatchObject({ kind: 'rate-limited', status: 429 });
    expect(seen.length).toBe(2 + 3);
    handler = (_req, _url, res) => json(res, 429, '', { 'Retry-After': '3600' });
    await expect(client().findByRpps('10003461033')).rejects.toMatchObject({ kind: 'rate-limited' });
  });

  it('retries a 5xx and reports the server down when it persists', async () => {
    let calls = 0;
    handler = (_req, _url, res) => (++calls === 1 ? json(res, 502, 'Bad Gateway') : json(res, 200, bundle([practitioner])));
    expect(await client().findByRpps('10003461033')).toHaveLength(1);
    handler = (_req, _url, res) => json(res, 503, 'down');
    await expect(client({ maxRetries: 1 }).findByRpps('10003461033')).rejects.toMatchObject({ kind: 'server', status: 503 });
  });

  it('rejects malformed JSON and JSON that is not a Bundle', async () => {
    handler = (_req, _url, res) => json(res, 200, '{"resourceType": "Bundle", "entry": [');
    await expect(client().findByRpps('10003461033')).rejects.toMatchObject({ kind: 'malformed' });
    handler = (_req, _url, res) => json(res, 200, { resourceType: 'Patient' });
    await expect(client().findByRpps('10003461033')).rejects.toMatchObject({ kind: 'malformed' });
    handler = (_req, _url, res) => json(res, 400, { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Parameter _summary not found' }] });
    await expect(client().findByRpps('10003461033')).rejects.toThrow(/Parameter _summary not found/);
  });

  it('gives up after the timeout when the server does not answer', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    await expect(client({ timeoutMs: 300 }).findByRpps('10003461033')).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports an unreachable server as a network error', async () => {
    await expect(
      new AnnuaireSanteClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:1/fhir/v2', fetch: (u, i) => fetch(u, i) }).findByRpps('1'),
    ).rejects.toMatchObject({ kind: 'network' });
  });

  it('spaces requests to stay under 17 per second, even when called concurrently', async () => {
    handler = (_req, _url, res) => json(res, 200, bundle([]));
    let clock = 1000;
    const starts: number[] = [];
    const c = new AnnuaireSanteClient({
      apiKey: 'k',
      baseUrl: base,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      fetch: (url, init) => {
        starts.push(clock);
        return fetch(url, init);
      },
    });
    await Promise.all(Array.from({ length: 6 }, (_, i) => c.search('Organization', [['name', `X${i}`]])));
    expect(starts).toHaveLength(6);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(1000 / 17 - 0.001);
    expect(starts[5]! - starts[0]!).toBeLessThan(6 * (1000 / 17));
  });

  it('needs a key', () => {
    expect(() => new AnnuaireSanteClient({ apiKey: '', fetch: (u, i) => fetch(u, i) })).toThrow(/ESANTE-API-KEY/);
  });
});

describe('the FHIR display and the local index agree', () => {
  it('show the same mailbox the same way: civilité d’exercice, trimmed values, CEDEX and ST folded, TRE_R38 labels', () => {
    // The same practitioner at the same practice, as the extraction writes it and as the FHIR API publishes it.
    const line = [
      'PER',
      'p.ossart@cabinet-st-louis.mssante.fr',
      '8',
      '10003461033',
      '810003461033',
      '1',
      '410005531586004',
      '',
      'DR',
      'OSSART',
      'Pauline',
      'C',
      'Civil',
      '10',
      'Médecin',
      'SM54',
      'Médecine générale',
      'false',
      'CABINET SAINT LOUIS',
      '',
      '',
      '',
      '3',
      '',
      'RUE',
      'DU PORT',
      '',
      '97400 ST DENIS CEDEX 9',
      '97400',
      '974',
      'France',
    ].join('|');
    const local = buildIndex(parseExtractionText(`${EXTRACTION_HEADER}\n${line}\n`).rows).get('p.ossart@cabinet-st-louis.mssante.fr')!;
    const person = {
      ...practitioner,
      id: 'p1',
      name: [{ family: ' OSSART ', given: ['Pauline '], prefix: ['MME'], suffix: ['DR'] }],
      telecom: [],
      qualification: [
        {
          code: {
            coding: [
              { system: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante', code: '10' },
              {
                system: 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale',
                code: 'SM54',
                display: 'Médecine générale (SM)',
              },
            ],
          },
        },
      ],
    };
    const place = { ...organization, id: 'o1', name: 'CABINET SAINT LOUIS ', address: [{ city: 'ST DENIS CEDEX 9', postalCode: '97400' }], telecom: [] };
    const role = {
      ...practitionerRole,
      practitioner: { reference: 'Practitioner/p1' },
      organization: { reference: 'Organization/o1' },
      telecom: [{ ...practitionerRole.telecom[0]!, value: ' P.Ossart@cabinet-st-louis.mssante.fr ' }],
    };
    const [remote] = entriesFromResources([role, person, place] as FhirResource[]);
    const shown = (e: DirectoryEntry) => ({
      address: e.address,
      displayName: e.displayName,
      civility: e.civility,
      profession: e.profession,
      specialty: e.specialty,
      organisation: e.organisation,
      postcode: e.postcode,
      city: e.city,
      department: e.department,
    });
    expect(shown(remote!)).toEqual(shown(local));
    expect(shown(local)).toMatchObject({ displayName: 'Dr Pauline OSSART', city: 'SAINT DENIS', specialty: 'Médecine générale', civility: 'DR' });
  });

  it('never takes the civil civility (M, MME) for a title', () => {
    const noTitle = { ...practitioner, name: [{ family: 'SAUCIER', given: ['Arthur'], prefix: ['M'] }] };
    expect(entriesFromResources([noTitle] as FhirResource[])[0]).toMatchObject({ displayName: 'Arthur SAUCIER' });
    expect(entriesFromResources([noTitle] as FhirResource[])[0]!.civility).toBeUndefined();
  });
});
