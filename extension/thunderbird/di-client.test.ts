import { serverDocumentsApi } from './di-client';
import { sha1Hex } from '../../shared/documents/hash';

const pdf = new TextEncoder().encode('%PDF-1.4 demo');

function fakeFetch(routes: Record<string, () => Response>) {
  const seen: string[] = [];
  const f = async (url: string) => {
    seen.push(url);
    const u = new URL(url);
    const route = routes[u.pathname];
    return route ? route() : new Response(JSON.stringify({ error: { message: 'not found' } }), { status: 404 });
  };
  return { f, seen };
}

describe('serverDocumentsApi', () => {
  it('lists a patient’s documents and fetches one, checked against the SHA-1 the server states', async () => {
    const { f, seen } = fakeFetch({
      '/vigie/api/di/documents': () => Response.json({ documents: [{ id: 'd1', title: 'CR' }] }),
      '/vigie/api/di/documents/d1': () => new Response(pdf, { headers: { 'x-document-sha1': sha1Hex(pdf) } }),
    });
    const api = serverDocumentsApi('https://srv.example/vigie', f);
    expect((await api.listDocuments('279035121518989')).map((d) => d.id)).toEqual(['d1']);
    expect(await api.fetchDocument('279035121518989', 'd1')).toEqual(pdf);
    expect(seen).toEqual([
      'https://srv.example/vigie/api/di/documents?ins=279035121518989',
      'https://srv.example/vigie/api/di/documents/d1?ins=279035121518989',
    ]);
  });

  it('refuses bytes that do not match the stated SHA-1, and passes the server’s error message on', async () => {
    const { f } = fakeFetch({
      '/api/di/documents/d1': () => new Response(pdf, { headers: { 'x-document-sha1': '0'.repeat(40) } }),
      '/api/di/documents': () => Response.json({ error: { message: 'log in with Pro Santé Connect first' } }, { status: 401 }),
    });
    const api = serverDocumentsApi('https://srv.example/', f);
    await expect(api.fetchDocument('279035121518989', 'd1')).rejects.toThrow(/SHA-1 mismatch/);
    await expect(api.listDocuments('279035121518989')).rejects.toThrow('log in with Pro Santé Connect first');
  });
});
