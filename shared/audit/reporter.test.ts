// The host-side reporter with a scripted server: policy filter, batches, retry after an outage, drop on refusal.
import { checkDraft } from '../send-check/check-draft';
import { aDomainSet, aDraft, aPolicy } from '../testing/builders';
import { AuditReporter, shouldReport, type PostFetch } from './reporter';
import { overrideChoices, overrideReason, overrideReminder } from './override';

const verdict = (to: string, mode: 'block' | 'audit' = 'audit') =>
  checkDraft(aDraft({ from: 'martin@medecin.mssante.fr', to: [to], subject: 'Biopsie', body: 'résultats' }), {
    whitelist: aDomainSet(),
    policy: aPolicy({ mode }),
  });

function server(statuses: Array<number | 'down'>) {
  const posts: { url: string; events: unknown[] }[] = [];
  const fetch: PostFetch = async (url, init) => {
    const s = statuses.shift() ?? 202;
    if (s === 'down') throw new TypeError('fetch failed');
    posts.push({ url, events: (JSON.parse(init.body) as { events: unknown[] }).events });
    return { ok: s < 300, status: s };
  };
  return { fetch, posts };
}

describe('AuditReporter', () => {
  it('reports what the policy asks: all, only what was not allowed, or nothing', () => {
    const gmail = verdict('jean.dupont@gmail.com');
    const fine = verdict('a@medecin.mssante.fr');
    const p = (events: 'all' | 'not-allowed' | 'off') => aPolicy({ audit: { simulate: 'block', showUser: false, events } });
    expect([shouldReport(p('all'), fine), shouldReport(p('not-allowed'), fine), shouldReport(p('not-allowed'), gmail), shouldReport(p('off'), gmail)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(shouldReport(p('not-allowed'), fine, { outcome: 'overridden' })).toBe(true);
  });

  it('posts queued events in batches of 50 to the server, keeps them through an outage, drops a refused batch', async () => {
    const s = server(['down', 202, 202, 400]);
    const r = new AuditReporter({ serverUrl: 'https://vigie.example/', fetch: s.fetch, policy: aPolicy() });
    for (let i = 0; i < 60; i++) r.record(verdict('jean.dupont@gmail.com'), { host: 'webmail', mode: 'audit' });
    expect(await r.flush()).toEqual({ sent: 0, dropped: 0 });
    expect(r.pending).toBe(60);
    expect(await r.flush()).toEqual({ sent: 60, dropped: 0 });
    expect(s.posts.map((p) => [p.url, p.events.length])).toEqual([
      ['https://vigie.example/api/audit/events', 50],
      ['https://vigie.example/api/audit/events', 10],
    ]);
    expect(JSON.stringify(s.posts)).not.toMatch(/Biopsie|résultats|jean\.dupont/);
    r.record(verdict('x@yahoo.fr'), { host: 'webmail', mode: 'audit' });
    expect(await r.flush()).toEqual({ sent: 0, dropped: 1 });
    expect(r.pending).toBe(0);
  });

  it('keeps at most maxQueue events, the newest', () => {
    const r = new AuditReporter({ serverUrl: 'https://vigie.example', fetch: server([]).fetch, policy: aPolicy(), maxQueue: 5 });
    for (let i = 0; i < 8; i++) r.record(verdict('jean.dupont@gmail.com'), { host: 'outlook', mode: 'audit' });
    expect([r.pending, r.dropped]).toEqual([5, 3]);
  });
});

describe('override reason', () => {
  const policy = aPolicy();

  it('offers the policy reasons in the user’s language, with the reminder', () => {
    expect(overrideChoices(policy, 'fr')[0]).toEqual({ code: 'no-mssante-address', label: 'Le correspondant n’a pas d’adresse MSSanté' });
    expect(overrideChoices(policy, 'en').map((c) => c.code)).toContain('emergency');
    expect(overrideReminder().fr).toContain('aucune donnée patient');
  });

  it('records a listed code, the user’s words, or both; refuses nothing, unknown-only, personal data and length', () => {
    expect(overrideReason(policy, { code: 'emergency' })).toEqual({ ok: true, reason: 'emergency' });
    expect(overrideReason(policy, { code: 'emergency', text: '  garde de nuit,\n cadre prévenu ' })).toEqual({
      ok: true,
      reason: 'emergency: garde de nuit, cadre prévenu',
    });
    expect(overrideReason(policy, { text: 'confrère sans MSSanté' })).toEqual({ ok: true, reason: 'confrère sans MSSanté' });
    expect(overrideReason(policy, {}).ok).toBe(false);
    expect(overrideReason(policy, { code: 'not-in-policy' }).ok).toBe(false);
    for (const text of ['patient 2 79 03 51 215 189 89', 'appeler le 06 12 34 56 78', 'voir jean.dupont@gmail.com']) {
      const r = overrideReason(policy, { code: 'emergency', text });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.fr).toContain('donnée personnelle');
    }
    expect(overrideReason(policy, { text: 'x'.repeat(201) }).ok).toBe(false);
  });
});
