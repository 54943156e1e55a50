// The built Outlook handler, run as classic Outlook runs it: a bare JavaScript context with an Office object and
// timers only — no window, document, localStorage; fetch rejects.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';

const bundlePath = join(__dirname, '../../dist/outlook/launch-event.js');

interface Completed {
  allowEvent?: boolean;
  errorMessage?: string;
  sendModeOverride?: string;
  commandId?: string;
}

type Rcpt0 = { displayName?: string; emailAddress?: string; recipientType?: string };
type OfficeCall = 'from' | 'to' | 'cc' | 'bcc' | 'subject' | 'body' | 'attachments';

/** An Office item as office-js hands it over; `silent` names calls that never call back, as a stuck Office does. */
function fakeItem(opts: { from: string; to: Rcpt0[]; cc?: Rcpt0[]; subject?: string; body?: string; failBody?: boolean; silent?: OfficeCall[] }) {
  const ok =
    <T>(name: OfficeCall, value: T) =>
    (cb: (r: { status: string; value: T }) => void) => {
      if (!opts.silent?.includes(name)) setTimeout(() => cb({ status: 'succeeded', value }), 0);
    };
  return {
    from: { getAsync: ok('from', { emailAddress: opts.from, displayName: 'Dr Martin' }) },
    to: { getAsync: ok('to', opts.to) },
    cc: { getAsync: ok('cc', opts.cc ?? []) },
    bcc: { getAsync: ok('bcc', []) },
    subject: { getAsync: ok('subject', opts.subject ?? 'Compte rendu') },
    body: {
      getAsync: (_c: string, cb: (r: { status: string; value: string; error?: { message: string } }) => void) => {
        if (opts.failBody) throw new Error('body unavailable');
        ok('body', opts.body ?? 'Bonjour')(cb);
      },
    },
    getAttachmentsAsync: ok('attachments', []),
  };
}

/** The companion server: its liste blanche (the embedded one plus `extra` domains) and its policy. */
function companion(extra: string[], urls: string[] = []) {
  const list = { generatedAt: new Date().toISOString(), signer: 'CN=alb.mssante.fr', domains: [...embeddedDomainSet().domains, ...extra] };
  return (url: string) => {
    urls.push(url);
    const body = JSON.stringify(url.endsWith('/api/liste-blanche') ? list : { mode: 'block' });
    return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(body) });
  };
}

const refuse = () => Promise.reject(new TypeError('Network request failed'));

function runHandler(
  name: string,
  item: object,
  supports14 = true,
  fetchFn: (url: string, init?: { method?: string; body?: string; keepalive?: boolean }) => Promise<unknown> = refuse,
): Promise<Completed> {
  const handlers = new Map<string, (e: unknown) => void>();
  const Office = {
    actions: { associate: (n: string, fn: (e: unknown) => void) => handlers.set(n, fn) },
    context: {
      displayLanguage: 'fr-FR',
      urls: { javascriptRuntimeUrl: 'https://vigie.chu-exemple.fr/outlook/launch-event.js' },
      mailbox: { item, userProfile: { emailAddress: 'martin@medecin.mssante.fr' } },
      requirements: { isSetSupported: () => supports14 },
    },
  };
  const context = vm.createContext({ Office, setTimeout, clearTimeout, fetch: fetchFn });
  vm.runInContext(readFileSync(bundlePath, 'utf8'), context, { filename: 'launch-event.js' });
  const handler = handlers.get(name);
  if (!handler) throw new Error(`${name} was not associated at top level`);
  return new Promise((resolve) => handler({ completed: (o: Completed = {}) => resolve(o) }));
}

describe('dist/outlook/launch-event.js in a bare JS runtime', () => {
  it('is one self-contained script under 150 KB with no import and no DOM use', () => {
    const code = readFileSync(bundlePath, 'utf8');
    expect(statSync(bundlePath).size).toBeLessThan(150 * 1024);
    expect(code).not.toMatch(/\bimport\s*\(|^import |\brequire\(/m);
    expect(code).not.toMatch(/\blocalStorage\b|\bdocument\.\w/);
  });

  it('parses as ECMAScript 2016, the syntax classic Outlook before Version 2403 runs', () => {
    expect(() => parse(readFileSync(bundlePath, 'utf8'), { ecmaVersion: 2016 })).not.toThrow();
  });

  it('stops Gmail from an MSSanté sender with a message of at most 500 characters', async () => {
    const r = await runHandler(
      'onMessageSendHandler',
      fakeItem({
        from: 'martin@medecin.mssante.fr',
        to: [{ emailAddress: 'durand@medecin.mssante.fr' }, { displayName: 'Jean Dupont', emailAddress: 'jean.dupont@gmail.com' }],
      }),
    );
    expect(r.allowEvent).toBe(false);
    expect(r.errorMessage).toContain('jean.dupont@gmail.com');
    expect(r.errorMessage!.length).toBeLessThanOrEqual(500);
    expect(r.commandId).toBe('vigieOpenPicker');
    expect(r.sendModeOverride).toBeUndefined();
  });

  it('lets MSSanté and patient recipients through', async () => {
    const r = await runHandler(
      'onMessageSendHandler',
      fakeItem({
        from: 'martin@medecin.mssante.fr',
        to: [{ emailAddress: 'durand@medecin.mssante.fr' }],
        cc: [{ emailAddress: '279035121518989@patient.mssante.fr' }],
      }),
    );
    expect(r.allowEvent).toBe(true);
  });

  it('blocks a distribution list by default', async () => {
    const r = await runHandler(
      'onMessageSendHandler',
      fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'equipe@medecin.mssante.fr', recipientType: 'distributionList' }] }),
    );
    expect(r.allowEvent).toBe(false);
    expect(r.errorMessage).toMatch(/ne voit pas les membres de la liste de diffusion equipe@medecin.mssante.fr/);
  });

  it('warns, with Send anyway, for health data leaving a non-MSSanté account for Gmail', async () => {
    const r = await runHandler(
      'onMessageSendHandler',
      fakeItem({
        from: 'secretariat@chu-exemple.fr',
        to: [{ emailAddress: 'ami@gmail.com' }],
        body: 'Patient M. Jean Dupont, NIR 1 85 06 75 112 345 45 (hors sujet). Hospitalisé pour une pneumopathie, traitement par amoxicilline 1 g x3/j.',
      }),
    );
    expect(r.allowEvent).toBe(false);
    expect(r.sendModeOverride).toBe('promptUser');
  });

  it('uses the fresher list the companion server publishes, when it answers', async () => {
    const urls: string[] = [];
    const item = () => fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'a@nouveau-chu.mssante.fr' }] });
    expect((await runHandler('onMessageSendHandler', item(), true, companion(['nouveau-chu.mssante.fr'], urls))).allowEvent).toBe(true);
    expect(urls.filter((u) => !u.endsWith('/api/audit/events')).sort()).toEqual([
      'https://vigie.chu-exemple.fr/api/liste-blanche',
      'https://vigie.chu-exemple.fr/policy.json',
    ]);
    // The same send with the server down: the embedded snapshot does not know the new domain.
    expect((await runHandler('onMessageSendHandler', item())).allowEvent).toBe(false);
  });

  it('does not wait for a server that hangs: the embedded list decides well before Outlook’s 5 s', async () => {
    const started = Date.now();
    const r = await runHandler(
      'onMessageSendHandler',
      fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'durand@medecin.mssante.fr' }] }),
      true,
      () => new Promise(() => {}),
    );
    expect(r.allowEvent).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('warns early in the info bar when a recipient outside MSSanté is added', async () => {
    const bar: { key: string; message?: string; removed?: boolean }[] = [];
    const item = {
      ...fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'jean.dupont@gmail.com' }] }),
      notificationMessages: {
        replaceAsync: (key: string, msg: { message: string }, cb: () => void) => {
          bar.push({ key, message: msg.message });
          setTimeout(cb, 0);
        },
        removeAsync: (key: string, cb: () => void) => {
          bar.push({ key, removed: true });
          setTimeout(cb, 0);
        },
      },
    };
    await runHandler('onMessageRecipientsChangedHandler', item);
    expect(bar).toHaveLength(1);
    expect(bar[0]!.message).toMatch(/jean\.dupont@gmail\.com/);
    expect(bar[0]!.message!.length).toBeLessThanOrEqual(150);
  });

  it('blocks with an explanation when something inside throws', async () => {
    const r = await runHandler(
      'onMessageSendHandler',
      fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'durand@medecin.mssante.fr' }], failBody: true }),
    );
    expect(r.allowEvent).toBe(false);
    expect(r.errorMessage).toMatch(/n’a pas pu vérifier/);
  });

  describe('fail safe: when Office or the server does not answer, Vigie still decides, in time', () => {
    const calls: OfficeCall[] = ['from', 'to', 'cc', 'bcc', 'subject', 'body', 'attachments'];
    it.each(calls)('an Office %s call that never calls back: blocked with the explanation within 4 s', async (call) => {
      const started = Date.now();
      const r = await runHandler(
        'onMessageSendHandler',
        fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'durand@medecin.mssante.fr' }], silent: [call] }),
        true,
        () => new Promise(() => {}),
      );
      expect(Date.now() - started).toBeLessThan(4000);
      expect(r.allowEvent).toBe(false);
      expect(r.errorMessage).toMatch(/Vigie n’a pas pu vérifier ce message\u00a0: la messagerie n’a pas répondu à temps\. Envoi bloqué par précaution/);
    });

    it('in warn mode, holds the message and asks (Send anyway), never lets it go silently', async () => {
      const warnServer = (url: string) =>
        Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(url.endsWith('/policy.json') ? '{"mode":"warn"}' : 'not json') });
      const r = await runHandler(
        'onMessageSendHandler',
        fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'durand@medecin.mssante.fr' }], silent: ['body'] }),
        true,
        warnServer,
      );
      expect(r.allowEvent).toBe(false);
      expect(r.sendModeOverride).toBe('promptUser');
      expect(r.errorMessage).toMatch(/vérifiez vous-même/);
    });

    it('blocks recipients Outlook hands over without an address (display name only, or nothing)', async () => {
      for (const to of [[{ displayName: 'ami@gmail.com' }], [{ displayName: 'Dr Jean Dupont' }], [{ displayName: '', emailAddress: '' }]]) {
        const r = await runHandler(
          'onMessageSendHandler',
          fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'durand@medecin.mssante.fr' }, ...to] }),
        );
        expect(r.allowEvent).toBe(false);
      }
    });

    it('a server list that claims gmail.com is refused: Gmail stays blocked, MSSanté recipients still go', async () => {
      const lying = companion(['gmail.com', 'nouveau-chu.mssante.fr']);
      const gmail = await runHandler(
        'onMessageSendHandler',
        fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'jean.dupont@gmail.com' }] }),
        true,
        lying,
      );
      expect(gmail.allowEvent).toBe(false);
      expect(gmail.errorMessage).toContain('jean.dupont@gmail.com');
      const listed = await runHandler(
        'onMessageSendHandler',
        fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'durand@medecin.mssante.fr' }] }),
        true,
        lying,
      );
      expect(listed.allowEvent).toBe(true);
      // The whole lying list was refused: a domain only it names is not trusted either.
      const onlyThere = await runHandler(
        'onMessageSendHandler',
        fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'a@nouveau-chu.mssante.fr' }] }),
        true,
        lying,
      );
      expect(onlyThere.allowEvent).toBe(false);
    });
  });

  describe('the audit journal on the companion server', () => {
    /** The companion server in warn mode, recording what is posted to it. */
    function journal(posts: { url: string; body: string; keepalive?: boolean }[], hang = false) {
      const list = companion([]);
      return (url: string, init?: { method?: string; body?: string; keepalive?: boolean }) => {
        if (init?.method === 'POST') {
          posts.push({ url, body: init.body ?? '', ...(init.keepalive ? { keepalive: true } : {}) });
          return hang ? new Promise(() => {}) : Promise.resolve({ ok: true, status: 202 });
        }
        if (url.endsWith('/policy.json')) return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve('{"mode":"warn"}') });
        return list(url);
      };
    }
    const SUBJECT = 'Compte rendu Dupont';
    const BODY = 'Patient M. Jean Dupont, NIR 1 85 06 75 112 345 45. Hospitalisé pour une pneumopathie, traitement par amoxicilline 1 g x3/j.';
    const warned = () => fakeItem({ from: 'secretariat@chu-exemple.fr', to: [{ emailAddress: 'ami@gmail.com' }], subject: SUBJECT, body: BODY });

    it('posts one event per check to POST /api/audit/events, with keepalive and no subject, body or full address', async () => {
      const posts: { url: string; body: string; keepalive?: boolean }[] = [];
      const r = await runHandler('onMessageSendHandler', warned(), true, journal(posts));
      expect(r.allowEvent).toBe(false);
      expect(r.commandId).toBe('vigieOpenPicker');
      expect(posts.map((p) => [p.url, p.keepalive])).toEqual([['https://vigie.chu-exemple.fr/api/audit/events', true]]);
      const [event] = (JSON.parse(posts[0]!.body) as { events: Record<string, unknown>[] }).events;
      expect(event).toEqual(
        expect.objectContaining({ host: 'outlook', mode: 'warn', verdict: 'warn', sender: 'secretariat@chu-exemple.fr', recipientDomains: ['gmail.com'] }),
      );
      expect(event!.outcome).toBeUndefined(); // Smart Alerts never says whether Send anyway was clicked
      expect(posts[0]!.body).not.toMatch(/Compte rendu|Dupont|amoxicilline|1 85 06|ami@gmail/);
    });

    it('a server that does not answer the post does not hold the send past the budget', async () => {
      const posts: { url: string; body: string }[] = [];
      const started = Date.now();
      const r = await runHandler('onMessageSendHandler', warned(), true, journal(posts, true));
      expect(posts).toHaveLength(1);
      expect(r.sendModeOverride).toBe('promptUser');
      expect(Date.now() - started).toBeLessThan(3500);
    });

    it('a reason given in the task pane lets the warned message go once, recorded as overridden with the reason; a block never', async () => {
      const data = new Map<string, string>([['vigie.override', JSON.stringify({ at: Date.now(), reason: 'urgence' })]]);
      const sessionData = {
        getAsync: (k: string, cb: (r: { status: string; value?: string }) => void) =>
          setTimeout(() => cb(data.has(k) ? { status: 'succeeded', value: data.get(k)! } : { status: 'failed' }), 0),
        setAsync: (k: string, v: string, cb?: (r: { status: string }) => void) => {
          data.set(k, v);
          setTimeout(() => cb?.({ status: 'succeeded' }), 0);
        },
        removeAsync: (k: string, cb?: (r: { status: string }) => void) => {
          data.delete(k);
          setTimeout(() => cb?.({ status: 'succeeded' }), 0);
        },
      };
      const posts: { url: string; body: string }[] = [];
      const r = await runHandler('onMessageSendHandler', { ...warned(), sessionData }, true, journal(posts));
      expect(r.allowEvent).toBe(true);
      expect(data.has('vigie.override')).toBe(false); // once
      const [event] = (JSON.parse(posts[0]!.body) as { events: Record<string, unknown>[] }).events;
      expect([event!.outcome, event!.overrideReason]).toEqual(['overridden', 'urgence']);
      // The next send of the same message is asked again, and the pane is told a warning is pending.
      const again = await runHandler('onMessageSendHandler', { ...warned(), sessionData }, true, journal(posts));
      expect(again.allowEvent).toBe(false);
      await new Promise((res) => setTimeout(res, 10));
      expect(data.has('vigie.warned')).toBe(true);
      // A block (a distribution list Outlook cannot expand, blocked even in warn mode) is never let go by a reason.
      data.set('vigie.override', JSON.stringify({ at: Date.now(), reason: 'urgence' }));
      const blocked = await runHandler(
        'onMessageSendHandler',
        {
          ...fakeItem({ from: 'martin@medecin.mssante.fr', to: [{ emailAddress: 'equipe@medecin.mssante.fr', recipientType: 'distributionList' }] }),
          sessionData,
        },
        true,
        journal(posts),
      );
      expect(blocked.allowEvent).toBe(false);
      expect(blocked.sendModeOverride).toBeUndefined();
    });
  });
});
