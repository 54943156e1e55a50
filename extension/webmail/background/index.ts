// Background (service worker on Chrome/Edge, event page on Firefox): relays the picker panel's messages to the
// compose in the tab it belongs to (the panel embedded in the page, or the toolbar popup for the active tab), and
// keeps the content script registered on the MSSanté webmails IT declares outside the manifest's hosts.
import { browserStorage, getBrowser } from '../../browser-api';
import type { Runtime } from 'webextension-polyfill';
import { createRouter } from '../../messaging';
import { loadSettings, webmailProviders } from '../settings';
import { syncPolicyWebmails, type ScriptingApi } from './policy-webmails';
import { ListeBlancheSource, listUrl } from '../../../shared/client/list-source';
import { storageListStore } from '../../browser-api/list-store';
import { AuditReporter } from '../../../shared/audit/reporter';

const browser = getBrowser();
const storage = browserStorage();
// The companion server's liste blanche, judged by the client layer and kept in storage.local, where the content
// scripts read it at every check (they never wait on the network).
const lists = new ListeBlancheSource(storageListStore(browser.storage.local as never), (url, init) => fetch(url, init));
const refreshList = async () => {
  const s = await loadSettings(storage);
  await lists.forCheck(listUrl(s.serverUrl, s.policy.whitelist.serverUrl));
};

// The organisation's audit journal on the companion server: one queue per server, posted from here (the server's
// corsOrigins must name the extension's origin). Only a content script's own checks are taken.
let reporter: { url: string; r: AuditReporter } | undefined;

const router = createRouter({
  'background/audit': async ({ verdict, outcome, overrideReason }, sender) => {
    if (sender.tab?.id === undefined) throw new Error('not allowed');
    const s = await loadSettings(storage);
    if (!s.serverUrl) return { recorded: false };
    // A new queue when the server or the policy's choice of events changes (settings are read at every message).
    const key = `${s.serverUrl} ${s.policy.audit.events}`;
    if (reporter?.url !== key) reporter = { url: key, r: new AuditReporter({ serverUrl: s.serverUrl, fetch: (u, i) => fetch(u, i), policy: s.policy }) };
    const recorded = reporter.r.record(verdict, { host: 'webmail', mode: s.policy.mode, outcome, ...(overrideReason ? { overrideReason } : {}) });
    if (recorded) await reporter.r.flush();
    return { recorded };
  },
  'background/to-tab': async ({ message, tabId }, sender) => {
    // Only Vigie's own pages (the panel, embedded or as the popup) drive a compose; a content script may not.
    if (!sender.url?.startsWith(browser.runtime.getURL(''))) throw new Error('not allowed');
    let id = tabId ?? sender.tab?.id;
    if (id === undefined) {
      const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      id = active?.id;
    }
    if (id === undefined) throw new Error('no tab');
    return browser.tabs.sendMessage(id, message, { frameId: 0 });
  },
  'background/list-due': async () => {
    await refreshList();
    return {};
  },
});

browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => router.handle(msg, sender) as Promise<unknown> | undefined);

const sync = async () => {
  const settings = await loadSettings(storage);
  await syncPolicyWebmails(browser as unknown as ScriptingApi, webmailProviders(settings));
};
const resync = () => void sync().catch(() => undefined);
storage.onChange(() => {
  resync();
  void refreshList().catch(() => undefined);
});
browser.permissions.onAdded.addListener(resync);
browser.permissions.onRemoved.addListener(resync);
resync();
void refreshList().catch(() => undefined);
