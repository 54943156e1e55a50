import { runSendCheck, HostCallError } from './run-check';
import { cannotCheck, FAILURE_CAUSES, isFailure } from './failure';
import { verdictView } from './verdict-view';
import { aDomainSet, aDraft, aPolicy } from '../testing/builders';
import type { CheckContext } from '../send-check';
import type { Draft } from '../model';

const ctx = (mode: 'block' | 'warn' = 'block'): CheckContext => ({ whitelist: aDomainSet(), policy: aPolicy(mode === 'warn' ? { mode: 'warn' } : {}) });
const never = <T>() => new Promise<T>(() => undefined);

describe('the send check every host runs: one outcome for each way it can fail', () => {
  it('checks the draft when everything answers', async () => {
    const r = await runSendCheck({ readDraft: async () => aDraft({ to: ['durand@medecin.mssante.fr'] }), context: async () => ctx(), budgetMs: 500 });
    expect(r.verdict.verdict).toBe('allow');
    expect(r.failure).toBeUndefined();
  });

  it.each([
    ['a host API error', () => Promise.reject(new HostCallError('host-api-failed', 'body: 9041')), 'host-api-failed'],
    ['any other error while reading', () => Promise.reject(new TypeError('x is undefined')), 'host-api-failed'],
    ['a compose the adapter cannot read', () => Promise.reject(new HostCallError('compose-unreadable', 'recipients: not found')), 'compose-unreadable'],
    ['a host API that never answers', () => never<Draft>(), 'host-api-timeout'],
  ] as const)('%s: block with an explanation in block mode, hold and ask in warn mode', async (_what, readDraft, cause) => {
    for (const mode of ['block', 'warn'] as const) {
      const t0 = Date.now();
      const r = await runSendCheck({ readDraft, context: async () => ctx(mode), budgetMs: 100 });
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(r.failure).toBe(cause);
      expect(r.verdict.verdict).toBe(mode);
      expect(isFailure(r.verdict)).toBe(true);
      expect(r.verdict.message.fr).toMatch(/^Vigie n’a pas pu vérifier ce message/);
      expect(verdictView(r.verdict, 'fr').actions).toEqual(mode === 'block' ? ['retry'] : ['send-anyway', 'retry']);
    }
  });

  it('a context (settings, list) that never comes: blocked with the embedded defaults', async () => {
    const r = await runSendCheck({ readDraft: async () => aDraft({ to: ['durand@medecin.mssante.fr'] }), context: never, budgetMs: 50 });
    expect(r).toMatchObject({ failure: 'host-api-timeout', verdict: { verdict: 'block' } });
  });

  it('the core throwing: core-error, never a send', async () => {
    const broken = { ...ctx(), whitelist: null as never };
    const r = await runSendCheck({ readDraft: async () => aDraft({ to: ['durand@medecin.mssante.fr'] }), context: async () => broken, budgetMs: 100 });
    expect(r).toMatchObject({ failure: 'core-error', verdict: { verdict: 'block' } });
  });

  it('every cause has its own explanation in both languages, with what to do and the help desk', () => {
    const seen = new Set<string>();
    for (const cause of FAILURE_CAUSES) {
      const v = cannotCheck(cause, { mode: 'block', messages: {}, helpdesk: 'Support : 4242.' });
      expect(v.reasons).toEqual([`check-failed.${cause}`]);
      expect(v.message.fr).toMatch(/Envoi bloqué par précaution.*Support : 4242\.$/);
      expect(v.message.en).toMatch(/Send blocked as a precaution/);
      seen.add(v.message.fr);
    }
    expect(seen.size).toBe(FAILURE_CAUSES.length);
  });
});
