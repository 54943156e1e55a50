// The background (an MV3 event page): every listener is registered here at top level, synchronously, so that
// Thunderbird wakes the page for it and keeps the Annuaire Santé address book across restarts of the page.
import { browserStorage, type WebExtensionApi } from '../browser-api';
import { thunderbird } from './messenger';
import { loadSettings } from '../browser-api/settings';
import { storageListStore } from '../browser-api/list-store';
import { ListeBlancheSource, listUrl } from '../../shared/client/list-source';
import { SendGuard } from './send-guard';
import { checkContextOf, directoryClientOf, languageFor } from './context';
import { ADDRESS_BOOK_ID, ADDRESS_BOOK_NAME, directorySearchListener } from './directory-provider';
import { createRouter, type SenderInfo } from '../messaging';
import './messages';
import { VigieWindows } from './vigie-window';
import { AuditReporter } from '../../shared/audit/reporter';
import { overrideReason } from '../../shared/audit/override';
import { t } from '../../shared/i18n/messages';
import type { Verdict } from '../../shared/model';

const api = thunderbird();
const storage = browserStorage(api as unknown as WebExtensionApi);
const lists = new ListeBlancheSource(storageListStore(api.storage.local), (url, init) => fetch(url, init));
const settings = () => loadSettings(storage);
const uiLanguage = () => api.i18n?.getUILanguage();

async function checkContext() {
  const s = await settings();
  const { list } = await lists.forCheck(listUrl(s.serverUrl, s.policy.whitelist.serverUrl));
  return checkContextOf(s, list);
}

const windows = new VigieWindows(api);
// The organisation's audit journal on the companion server (what the policy's audit.events asks for; never content).
let reporter: { url: string; r: AuditReporter } | undefined;
async function report(verdict: Verdict, outcome: 'sent' | 'stopped' | 'overridden', overrideReason?: string): Promise<void> {
  const s = await settings();
  if (!s.serverUrl) return;
  if (reporter?.url !== s.serverUrl)
    reporter = { url: s.serverUrl, r: new AuditReporter({ serverUrl: s.serverUrl, fetch: (u, i) => fetch(u, i), policy: s.policy }) };
  if (reporter.r.record(verdict, { host: 'thunderbird', mode: s.policy.mode, outcome, ...(overrideReason ? { overrideReason } : {}) }))
    await reporter.r.flush();
}
const guard = new SendGuard({
  api,
  context: checkContext,
  showWindow: (tabId) => windows.show(tabId),
  language: async () => languageFor(await settings(), uiLanguage()),
  report: (verdict, outcome, reason) => void report(verdict, outcome, reason).catch(() => undefined),
});

api.compose.onBeforeSend.addListener((tab, details) => guard.onBeforeSend(tab, details));
api.compose.onAfterSend?.addListener((tab, info) => {
  if (!info.error && tab.id !== undefined) void windows.sent(tab.id);
});

api.addressBooks?.provider?.onSearchRequest.addListener(
  directorySearchListener(async () => {
    const s = await settings();
    const client = directoryClientOf(s);
    return client ? { client, lang: languageFor(s, uiLanguage()) } : undefined;
  }),
  { addressBookName: ADDRESS_BOOK_NAME, isSecure: true, id: ADDRESS_BOOK_ID },
);

const router = createRouter({
  'background/check-compose': async ({ tabId }) => {
    const [{ verdict, expandedLists }, loaded] = await Promise.all([guard.check(tabId), settings()]);
    await guard.mark(tabId, verdict);
    return { verdict, expandedLists, lang: languageFor(loaded, uiLanguage()) };
  },
  'background/confirm-send': async ({ tabId, reason }) => {
    // A reason is checked here, where it is recorded: picked from the policy's list or typed, no patient data. The
    // guard asks for one only when the draft needs confirming (a warning), not for a draft that is now fine.
    const s = await settings();
    const lang = languageFor(s, uiLanguage());
    const given = reason ? overrideReason(s.policy, reason) : undefined;
    if (given && !given.ok) return { ok: false as const, error: given.error[lang] };
    const r = await guard.confirmAndSend(tabId, given?.reason);
    return !r.ok && r.error === 'reason-required' ? { ...r, error: t('override.required', {}, s.policy.messages)[lang] } : r;
  },
  'background/settings': () => settings(),
});
api.runtime.onMessage.addListener((message, sender) => router.handle(message, sender as SenderInfo));

// A fresher liste blanche from the server, fetched once the page starts (never during a send).
void checkContext().catch(() => undefined);
