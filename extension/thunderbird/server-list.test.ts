import { ServerList, SERVER_LIST_KEY, REFRESH_AFTER_MS, listUrl } from './server-list';
import { memoryArea } from './testing/fake-thunderbird';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';

const URL_ = 'https://vigie.chu-exemple.fr/api/liste-blanche';
const body = (generatedAt: string, domains = ['medecin.mssante.fr', 'nouveau-ch.mssante.fr']) => ({ generatedAt, signer: 'CN=alb.mssante.fr', fetchedAt: '2026-11-28T06:00:00Z', source: 'server', count: domains.length, domains });

function server(answer: () => Promise<Response>) {
  let calls = 0;
  return { fetch: async () => (calls++, answer()), calls: () => calls };
}

describe('the liste blanche from the companion server', () => {
  it('uses the embedded snapshot without a server, and never waits for the network', async () => {
    const s = new ServerList(memoryArea(), async () => new Promise<Response>(() => undefined));
    expect((await s.domainSet(undefined)).info.source).toBe('embedded');
    expect((await s.domainSet(URL_)).info.source).toBe('embedded');
  });

  it('checks with the fresher server copy once fetched, and keeps it when the server goes away', async () => {
    let up = true;
    let now = Date.parse('2026-11-28T08:00:00Z');
    const srv = server(async () => (up ? Response.json(body('2026-11-27T22:00:00Z')) : Promise.reject(new Error('ECONNREFUSED'))));
    const area = memoryArea();
    const s = new ServerList(area, srv.fetch, () => now);
    await s.refresh(URL_);
    const set = await s.domainSet(URL_);
    expect(set.info).toMatchObject({ source: 'server', generatedAt: '2026-11-27T22:00:00Z' });
    expect(set.has('nouveau-ch.mssante.fr')).toBe(true);
    expect(srv.calls()).toBe(1);
    up = false;
    now += REFRESH_AFTER_MS + 1;
    expect((await s.domainSet(URL_)).info.source).toBe('server');
    await new Promise((r) => setTimeout(r, 10));
    expect(srv.calls()).toBe(2);
    expect((await s.domainSet(URL_)).info.generatedAt).toBe('2026-11-27T22:00:00Z');
  });

  it('refuses an unreadable answer or a list older than the embedded one', async () => {
    const area = memoryArea();
    await new ServerList(area, async () => Response.json({ domains: 'nope' })).refresh(URL_);
    expect(area.data[SERVER_LIST_KEY]).toBeUndefined();
    const old = new ServerList(area, async () => Response.json(body('2020-01-01T00:00:00Z')));
    await old.refresh(URL_);
    expect((await old.domainSet(URL_)).info.generatedAt).toBe(embeddedDomainSet().info.generatedAt);
  });

  it('asks the policy’s list address, else the companion server’s API', () => {
    expect(listUrl('https://vigie.chu-exemple.fr/', undefined)).toBe(URL_);
    expect(listUrl('https://vigie.chu-exemple.fr/', 'https://alb.example/list.json')).toBe('https://alb.example/list.json');
    expect(listUrl('', undefined)).toBeUndefined();
  });
});
