import { ListeBlancheSource, judgeServerList, listUrl, memoryListStore, refusalNotice, REFRESH_AFTER_MS } from './list-source';
import { embeddedDomainSet } from '../whitelist/embedded';

const URL_ = 'https://vigie.chu-exemple.fr/api/liste-blanche';
const NOW = Date.parse('2026-11-28T08:00:00Z');
const embedded = embeddedDomainSet();
/** A server answer shaped as /api/liste-blanche gives it: the embedded domains, plus or minus some. */
const answer = (generatedAt: string, opts: { extra?: unknown[]; keep?: number } = {}) =>
  JSON.stringify({
    generatedAt,
    signer: 'CN=alb.mssante.fr',
    fetchedAt: '2026-11-28T06:00:00Z',
    source: 'server',
    domains: [...embedded.domains.slice(0, opts.keep ?? embedded.size), ...(opts.extra ?? [])],
  });
const reply = (body: string, ok = true) => Promise.resolve({ ok, status: ok ? 200 : 503, text: () => Promise.resolve(body) });

describe('which liste blanche a client uses', () => {
  it('uses the embedded snapshot without a server, and never waits for the network to answer current()', async () => {
    const s = new ListeBlancheSource(memoryListStore(), () => new Promise(() => undefined));
    expect((await s.current(undefined)).list.info.source).toBe('embedded');
    expect((await s.forCheck(URL_)).list.info.source).toBe('embedded');
  });

  it('takes the fresher server list once fetched, and keeps it when the server goes away', async () => {
    let up = true;
    let now = NOW;
    let calls = 0;
    const s = new ListeBlancheSource(
      memoryListStore(),
      () => (calls++, up ? reply(answer('2026-11-27T22:00:00Z', { extra: ['nouveau-ch.mssante.fr'] })) : Promise.reject(new Error('ECONNREFUSED'))),
      () => now,
    );
    await s.refresh(URL_, 1000);
    const { list } = await s.current(URL_);
    expect(list.info).toMatchObject({ source: 'server', generatedAt: '2026-11-27T22:00:00Z' });
    expect(list.has('nouveau-ch.mssante.fr')).toBe(true);
    up = false;
    now += REFRESH_AFTER_MS + 1;
    expect((await s.forCheck(URL_)).list.info.source).toBe('server');
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(2);
    expect((await s.current(URL_)).list.has('nouveau-ch.mssante.fr')).toBe(true);
  });

  it('a server that hangs is given up after its time, the list in use stays', async () => {
    const s = new ListeBlancheSource(memoryListStore(), () => new Promise(() => undefined));
    const t0 = Date.now();
    await s.refresh(URL_, 50);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect((await s.current(URL_)).list.info.source).toBe('embedded');
  });

  it.each([
    ['not JSON', '<html>proxy error</html>', 'not-json'],
    ['the wrong shape', JSON.stringify({ domains: 'nope' }), 'wrong-shape'],
    ['a malformed domain', answer('2026-11-27T22:00:00Z', { extra: ['bad domain!'] }), 'malformed-domain'],
    ['a non-string entry', answer('2026-11-27T22:00:00Z', { extra: [42] }), 'malformed-domain'],
    ['far fewer domains than the embedded list', answer('2026-11-27T22:00:00Z', { keep: 100 }), 'too-few'],
    ['a consumer domain (gmail.com)', answer('2026-11-27T22:00:00Z', { extra: ['gmail.com'] }), 'consumer-domain'],
    ['a date in the future', answer('2027-06-01T00:00:00Z'), 'future'],
  ])('refuses a server answer with %s, says why, and keeps the previous list', async (_what, body, reason) => {
    const store = memoryListStore();
    const good = new ListeBlancheSource(
      store,
      () => reply(answer('2026-11-27T22:00:00Z', { extra: ['nouveau-ch.mssante.fr'] })),
      () => NOW,
    );
    await good.refresh(URL_, 1000);
    const s = new ListeBlancheSource(
      store,
      () => reply(body),
      () => NOW + 1,
    );
    await s.refresh(URL_, 1000);
    const state = await s.current(URL_);
    expect(state.refused?.reason).toBe(reason);
    expect(state.list.info.generatedAt).toBe('2026-11-27T22:00:00Z');
    expect(state.list.has('nouveau-ch.mssante.fr')).toBe(true);
    expect(state.list.has('gmail.com')).toBe(false);
    expect(refusalNotice(state.refused!.reason, state.refused!.detail).fr).toMatch(/liste précédente reste utilisée|celle-ci reste utilisée/);
  });

  it('keeps a newer list when the server sends an older one, and the embedded one over an older server copy', async () => {
    const s = new ListeBlancheSource(
      memoryListStore(),
      () => reply(answer('2020-01-01T00:00:00Z')),
      () => NOW,
    );
    await s.refresh(URL_, 1000);
    expect((await s.current(URL_)).list.info.generatedAt).toBe(embedded.info.generatedAt);
    expect(judgeServerList(answer('2020-01-01T00:00:00Z'), URL_, embedded, NOW)).toMatchObject({ ok: false, reason: 'older' });
  });

  it('asks the policy’s list address, else the companion server’s API', () => {
    expect(listUrl('https://vigie.chu-exemple.fr/', undefined)).toBe(URL_);
    expect(listUrl('https://vigie.chu-exemple.fr/', 'https://alb.example/list.json')).toBe('https://alb.example/list.json');
    expect(listUrl('', undefined)).toBeUndefined();
  });
});
