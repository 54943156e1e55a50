// Content script composition root: settings (managed > user > defaults), the provider for this host, the guard,
// and the messages the picker panel sends to this compose.
import { checkDraft } from '../../../shared/send-check';
import { scanDraft } from '../../../shared/health-data';
import { ListeBlancheSource, listUrl } from '../../../shared/client/list-source';
import { browserStorage, extensionUrl, getBrowser } from '../../browser-api';
import { SERVER_LIST_KEY, storageListStore } from '../../browser-api/list-store';
import { browserLanguage } from '../messages';
import type { Runtime } from 'webextension-polyfill';
import { createRouter, send, type Envelope } from '../../messaging';
import { providerForHost } from '../providers';
import { languageFor, loadSettings, webmailProviders } from '../settings';
import { ComposeGuard } from './guard';
import { shouldReport } from '../../../shared/audit/reporter';

async function main(): Promise<void> {
  const storage = browserStorage();
  let guard: ComposeGuard | undefined;
  let provider = '';

  // The list the background judged and kept (the embedded snapshot until then); the check at Send is synchronous.
  const browser = getBrowser();
  const lists = new ListeBlancheSource(storageListStore(browser.storage.local as never), undefined);
  let url: string | undefined;
  let whitelist = (await lists.current(undefined)).list;
  const loadList = async () => {
    whitelist = (await lists.current(url)).list;
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SERVER_LIST_KEY in changes) void loadList();
  });

  const start = async () => {
    const settings = await loadSettings(storage);
    guard?.stop();
    guard = undefined;
    const match = providerForHost(location.hostname, webmailProviders(settings));
    if (!match) return;
    provider = match.provider.id;
    url = listUrl(settings.serverUrl, settings.policy.whitelist.serverUrl);
    await loadList();
    void send((m: Envelope) => browser.runtime.sendMessage(m) as Promise<unknown>, 'background/list-due', {}).catch(() => undefined);
    guard = new ComposeGuard({
      provider: match.provider,
      selectors: match.selectors,
      lang: languageFor(settings, browserLanguage(getBrowser().i18n.getUILanguage(), navigator.languages)),
      policy: settings.policy,
      check: (draft) => checkDraft(draft, { whitelist, policy: settings.policy, scanHealthData: scanDraft }),
      panelUrl: extensionUrl('panel.html'),
      // The background posts it (it owns the journal's queue); checks the policy does not want are not even sent there.
      audit: (verdict, outcome, overrideReason) => {
        if (!settings.serverUrl || !shouldReport(settings.policy, verdict, { outcome, ...(overrideReason ? { overrideReason } : {}) })) return;
        void send((m: Envelope) => browser.runtime.sendMessage(m) as Promise<unknown>, 'background/audit', {
          verdict,
          outcome,
          ...(overrideReason ? { overrideReason } : {}),
        }).catch(() => undefined);
      },
    });
    guard.start();
    document.documentElement.dataset.vigie = match.provider.id;
  };

  const router = createRouter({
    'compose/insert-recipient': ({ address, displayName, field }) => ({ inserted: guard?.current()?.insertRecipient(address, displayName, field) ?? false }),
    'compose/attach': ({ files, subject }) => {
      const session = guard?.current();
      if (!session) return { attached: false, subjectSet: false };
      const list = files.map((f) => new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.contentType }));
      // Subject first, then the files: nothing half-done if the page refuses the subject.
      const subjectSet = !!subject && session.setSubject(subject);
      const attached = session.attach(list);
      return { attached, subjectSet: attached && subjectSet };
    },
    'compose/status': () => {
      const draft = guard?.current()?.readDraft();
      return { provider, composing: false, ...guard?.status(), ...(draft ? { recipients: [...draft.to, ...draft.cc, ...draft.bcc] } : {}) };
    },
  });
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => router.handle(msg, sender) as Promise<unknown> | undefined);
  storage.onChange(() => void start());
  await start();
}

main().catch((e: unknown) => {
  // Vigie never breaks the page it runs in; the error's name only, never page or message content.
  console.warn(`Vigie: inactive on this page (${e instanceof Error ? e.name : 'error'})`);
});
