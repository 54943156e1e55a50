import { SendGuard, CONFIRMATION_TTL_MS } from './send-guard';
import { FakeThunderbird } from './testing/fake-thunderbird';
import { aDomainSet, aPolicy } from '../../shared/testing/builders';
import { scanDraft } from '../../shared/health-data';

function setup(mode: 'block' | 'warn' = 'block', opts: { showWindow?: () => Promise<void>; now?: () => number } = {}) {
  const tb = new FakeThunderbird();
  const shown: number[] = [];
  const guard = new SendGuard({
    api: tb.api,
    context: async () => ({ whitelist: aDomainSet(), policy: aPolicy({ mode }), scanHealthData: scanDraft }),
    showWindow: opts.showWindow ?? (async (tabId) => void shown.push(tabId)),
    ...(opts.now ? { now: opts.now } : {}),
  });
  tb.api.compose.onBeforeSend.addListener((tab, details) => guard.onBeforeSend(tab, details));
  return { tb, guard, shown };
}

describe('SendGuard', () => {
  it('lets a message to MSSanté recipients go, with no window', async () => {
    const { tb, shown } = setup();
    const tab = tb.openCompose({ to: ['Dr Durand <durand@medecin.mssante.fr>'], subject: 'CR' });
    await tb.api.compose.sendMessage(tab);
    expect(tb.sent).toHaveLength(1);
    expect(shown).toEqual([]);
  });

  it('cancels a send to Gmail at once, opens the Vigie window for that tab and marks the toolbar button', async () => {
    const { tb, shown } = setup();
    const tab = tb.openCompose({ to: ['jean.dupont@gmail.com'] });
    await expect(tb.api.compose.sendMessage(tab)).rejects.toThrow(/aborted by an onBeforeSend/);
    expect(tb.sent).toHaveLength(0);
    expect(shown).toEqual([tab]);
    expect(tb.badges.get(tab)).toBe('!');
    expect(tb.labels.get(tab)).toBe('Vigie\u00a0: envoi bloqué');
    // Fixed: the button goes back to plain at the next check.
    tb.tab(tab).details.to = ['jean.dupont@medecin.mssante.fr'];
    await tb.api.compose.sendMessage(tab);
    expect(tb.badges.get(tab)).toBeNull();
    expect(tb.labels.get(tab)).toBeNull();
  });

  it('never waits for the window: a window that never opens does not hold the send open', async () => {
    const { tb, guard } = setup('block', { showWindow: () => new Promise<void>(() => undefined) });
    const tab = tb.openCompose({ to: ['jean.dupont@gmail.com'] });
    const r = await Promise.race([guard.onBeforeSend({ id: tab }, tb.tab(tab).details), new Promise((resolve) => setTimeout(() => resolve('held'), 1000))]);
    expect(r).toEqual({ cancel: true });
  });

  it('cancels (fail safe) and still shows the window when the check itself fails', async () => {
    const tb = new FakeThunderbird();
    const shown: number[] = [];
    const guard = new SendGuard({
      api: tb.api,
      context: async () => {
        throw new Error('no policy');
      },
      showWindow: async (t) => void shown.push(t),
    });
    const tab = tb.openCompose({ to: ['a@medecin.mssante.fr'] });
    expect(await guard.onBeforeSend({ id: tab }, tb.tab(tab).details)).toEqual({ cancel: true });
    expect(shown).toEqual([tab]);
  });

  it('sends a warning the user confirmed with a reason, once, through compose.sendMessage, and records why', async () => {
    const reports: [string, string, string | undefined][] = [];
    const tb = new FakeThunderbird();
    const shown: number[] = [];
    const guard = new SendGuard({
      api: tb.api,
      context: async () => ({ whitelist: aDomainSet(), policy: aPolicy({ mode: 'warn' }), scanHealthData: scanDraft }),
      showWindow: async (t) => void shown.push(t),
      report: (v, outcome, reason) => void reports.push([v.verdict, outcome, reason]),
    });
    tb.api.compose.onBeforeSend.addListener((t, d) => guard.onBeforeSend(t, d));
    const tab = tb.openCompose({ to: ['jean.dupont@gmail.com'], subject: 'RDV' });
    await expect(tb.api.compose.sendMessage(tab)).rejects.toThrow();
    expect(shown).toEqual([tab]);
    // No reason, no send.
    expect(await guard.confirmAndSend(tab)).toMatchObject({ ok: false, error: 'reason-required' });
    expect(tb.sent).toHaveLength(0);
    expect(await guard.confirmAndSend(tab, 'no-mssante-address')).toEqual({ ok: true });
    expect(reports).toEqual([
      ['warn', 'stopped', undefined],
      ['warn', 'overridden', 'no-mssante-address'],
    ]);
    expect(tb.sent.map((s) => s.details.subject)).toEqual(['RDV']);
    // The confirmation was used up.
    expect(await tb.api.storage.session!.get(null)).toEqual({});
  });

  it('refuses to confirm a block', async () => {
    const { tb, guard } = setup('block');
    const tab = tb.openCompose({ to: ['jean.dupont@gmail.com'] });
    const r = await guard.confirmAndSend(tab);
    expect(r).toMatchObject({ ok: false, error: 'blocked' });
    expect(tb.sent).toHaveLength(0);
  });

  it('does not honour a confirmation for a draft that changed since, nor an old one', async () => {
    let now = 1_000_000;
    const { tb, guard } = setup('warn', { now: () => now });
    const tab = tb.openCompose({ to: ['jean.dupont@gmail.com'], subject: 'A' });
    // Confirmation recorded, then the draft changes before the send reaches the listener.
    await tb.api.storage.session!.set({ [`vigie.confirmed.${tab}`]: { fp: 'not-this-draft', at: now } });
    expect(await guard.onBeforeSend({ id: tab }, tb.tab(tab).details)).toEqual({ cancel: true });
    // A real confirmation, but too old.
    const fp = (await import('./send-guard')).fingerprint;
    const { ThunderbirdComposeSession } = await import('./compose-session');
    const draft = (await new ThunderbirdComposeSession(tb.api, tab).read()).draft;
    await tb.api.storage.session!.set({ [`vigie.confirmed.${tab}`]: { fp: await fp(draft), at: now } });
    now += CONFIRMATION_TTL_MS + 1;
    expect(await guard.onBeforeSend({ id: tab }, tb.tab(tab).details)).toEqual({ cancel: true });
    // And a fresh one for this very draft goes through.
    await tb.api.storage.session!.set({ [`vigie.confirmed.${tab}`]: { fp: await fp(draft), at: now } });
    expect(await guard.onBeforeSend({ id: tab }, tb.tab(tab).details)).toEqual({});
  });

  it('stops a mailing list whose members include a Gmail address', async () => {
    const tb0 = new FakeThunderbird({
      lists: {
        Equipe: [
          { name: 'A', email: 'a@medecin.mssante.fr' },
          { name: 'B', email: 'b@gmail.com' },
        ],
      },
      parseMailboxString: true,
    });
    const shown: number[] = [];
    const guard = new SendGuard({
      api: tb0.api,
      context: async () => ({ whitelist: aDomainSet(), policy: aPolicy() }),
      showWindow: async (t) => void shown.push(t),
    });
    const tab = tb0.openCompose({ to: ['Equipe <Equipe>'] });
    const { verdict } = await guard.check(tab);
    expect(verdict.verdict).toBe('block');
    expect(verdict.recipients.map((r) => r.address)).toEqual(['a@medecin.mssante.fr', 'b@gmail.com']);
  });

  it('health data from a non-MSSanté identity: warns and offers the MSSanté identity of this Thunderbird, one click away', async () => {
    const tb = new FakeThunderbird({
      identities: [
        { id: 'perso', accountId: 'a1', name: 'Dr Martin', email: 'dr.martin@chu-exemple.fr' },
        { id: 'mss', accountId: 'a2', name: 'Dr Martin', email: 'dr.martin@medecin.mssante.fr' },
      ],
    });
    const guard = new SendGuard({
      api: tb.api,
      context: async () => ({ whitelist: aDomainSet(), policy: aPolicy({ internalDomains: ['chu-exemple.fr'] }), scanHealthData: scanDraft }),
      showWindow: async () => undefined,
    });
    const body = 'Patient M. Jean Dupont, NIR 1 85 06 75 112 345 45. Hospitalisé pour une pneumopathie, traitement par amoxicilline 1 g x3/j.';
    const tab = tb.openCompose({ identityId: 'perso', to: ['confrere@chu-autre.fr'], subject: 'CR', plainTextBody: body });
    const { verdict } = await guard.check(tab);
    expect(verdict.switchIdentity).toBe('dr.martin@medecin.mssante.fr');
    expect(verdict.message.fr).toMatch(/envoyez-le depuis votre boîte MSSanté dr\.martin@medecin\.mssante\.fr/);
    const { ThunderbirdComposeSession } = await import('./compose-session');
    expect(await new ThunderbirdComposeSession(tb.api, tab).useIdentity('dr.martin@medecin.mssante.fr')).toBe(true);
    expect(tb.tab(tab).details.identityId).toBe('mss');
    expect((await guard.check(tab)).verdict.switchIdentity).toBeUndefined();
  });

  it('towards a patient address, reads the INS of an attached CDA: a document about another patient blocks, the right one goes', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { insKey } = await import('../../shared/recipient-policy/ins');
    const cda = readFileSync(join(__dirname, '../../test/fixtures/xdm/cda-n3-biologie.xml'));
    const { tb, guard } = setup();
    const other = `1850575123456${insKey('1850575123456')}`;
    const wrong = tb.openCompose({ to: [`${other}@patient.mssante.fr`], subject: 'Résultats' }, [new File([cda], 'CR-biologie.xml')]);
    const v = (await guard.check(wrong)).verdict;
    expect(v.verdict).toBe('block');
    expect(v.reasons).toContain('verdict.block.other-patient');
    expect(v.message.fr).toMatch(/ce document concerne un autre patient/);
    const right = tb.openCompose({ to: ['279035121518989@patient.mssante.fr'], subject: 'Résultats' }, [new File([cda], 'CR-biologie.xml')]);
    expect((await guard.check(right)).verdict.verdict).toBe('allow');
  });
});
