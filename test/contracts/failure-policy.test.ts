// The failure contract run through each host's own adapter and send path: Outlook's Smart Alerts handler over an
// Office item, Thunderbird's onBeforeSend guard over its compose API. (The webmail guard runs it in the browsers.)
import { failurePolicyContract, type Fault, type SendAttempt } from './failure-policy';
import { FakeThunderbird } from '../../extension/thunderbird/testing/fake-thunderbird';
import { SendGuard } from '../../extension/thunderbird/send-guard';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';
import { aPolicy } from '../../shared/testing/builders';
import { scanDraft } from '../../shared/health-data';
import { onMessageSend } from '../../addin/launch-event/handlers';
import { resetCheckState } from '../../addin/launch-event/server-state';

const g = globalThis as unknown as { Office?: unknown; fetch: typeof fetch };

function officeItem(fault: Fault) {
  const answer =
    <T>(value: T, failing = false) =>
    (cb: (r: { status: string; value: T; error?: { code: number; message: string } }) => void) => {
      if (failing && fault === 'api-silent') return;
      setTimeout(
        () =>
          cb(
            failing && fault === 'api-error'
              ? { status: 'failed', value: undefined as T, error: { code: 9041, message: 'Internal error' } }
              : { status: 'succeeded', value },
          ),
        0,
      );
    };
  return {
    from: { getAsync: answer({ emailAddress: 'dr.martin@medecin.mssante.fr', displayName: 'Dr Martin' }) },
    to: { getAsync: answer([{ emailAddress: 'durand@medecin.mssante.fr', displayName: 'Dr Durand' }], true) },
    cc: { getAsync: answer([]) },
    bcc: { getAsync: answer([]) },
    subject: { getAsync: answer('Compte rendu') },
    body: { getAsync: (_c: string, cb: Parameters<ReturnType<typeof answer<string>>>[0]) => answer('Bonjour')(cb) },
    getAttachmentsAsync: answer([]),
  };
}

async function outlook(fault: Fault, mode: 'block' | 'warn'): Promise<SendAttempt> {
  resetCheckState();
  const realFetch = g.fetch;
  // The companion server gives the policy; its list is unavailable (the embedded one is used).
  g.fetch = (async (url: string) =>
    url.endsWith('/policy.json') ? new Response(JSON.stringify({ mode })) : new Response('down', { status: 503 })) as typeof fetch;
  g.Office = {
    context: {
      displayLanguage: 'fr-FR',
      urls: { javascriptRuntimeUrl: 'https://vigie.chu-exemple.fr/outlook/launch-event.js' },
      mailbox: { item: officeItem(fault) },
      requirements: { isSetSupported: () => true },
    },
  };
  try {
    const done = await new Promise<{ allowEvent?: boolean; errorMessage?: string; sendModeOverride?: string }>(
      (resolve) => void onMessageSend({ completed: (o = {}) => resolve(o) }),
    );
    return {
      leaves: done.allowEvent === true,
      level: done.allowEvent ? 'allow' : done.sendModeOverride === 'promptUser' ? 'warn' : 'block',
      message: done.errorMessage ?? '',
    };
  } finally {
    g.fetch = realFetch;
  }
}

async function thunderbird(fault: Fault, mode: 'block' | 'warn'): Promise<SendAttempt> {
  const tb = new FakeThunderbird();
  const tab = tb.openCompose({ to: ['Dr Durand <durand@medecin.mssante.fr>'], subject: 'CR' });
  if (fault === 'api-error') tb.api.compose.listAttachments = () => Promise.reject(new Error('Invalid tab ID'));
  if (fault === 'api-silent') tb.api.compose.listAttachments = () => new Promise(() => undefined);
  const windows: number[] = [];
  const guard = new SendGuard({
    api: tb.api,
    context: async () => ({ whitelist: embeddedDomainSet(), policy: aPolicy({ mode }), scanHealthData: scanDraft }),
    showWindow: async (t) => void windows.push(t),
    budgetMs: 300,
  });
  const r = await guard.onBeforeSend({ id: tab }, tb.tab(tab).details);
  const label = tb.labels.get(tab);
  const leaves = !('cancel' in r && r.cancel);
  if (!leaves) expect(windows).toEqual([tab]);
  return { leaves, level: leaves ? 'allow' : label === 'Vigie\u00a0: à confirmer' ? 'warn' : 'block', message: tb.titles.get(tab) ?? '' };
}

jest.setTimeout(20_000);
failurePolicyContract('Outlook (Smart Alerts handler)', outlook);
failurePolicyContract('Thunderbird (onBeforeSend guard)', thunderbird);
