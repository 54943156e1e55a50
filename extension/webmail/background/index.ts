// Background (service worker on Chrome/Edge, event page on Firefox): relays the picker panel's messages to the
// compose in the tab it belongs to (the panel embedded in the page, or the toolbar popup for the active tab), and
// keeps the content script registered on the MSSanté webmails IT declares outside the manifest's hosts.
import { browserStorage, getBrowser } from '../../browser-api';
import type { Runtime } from 'webextension-polyfill';
import { createRouter } from '../../messaging';
import { resolveSettings } from '../settings';
import { syncPolicyWebmails, type ScriptingApi } from './policy-webmails';

const browser = getBrowser();

const router = createRouter({
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
});

browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => router.handle(msg, sender) as Promise<unknown> | undefined);

const storage = browserStorage();
const sync = async () => {
  const settings = resolveSettings(await storage.managed(), await storage.user());
  await syncPolicyWebmails(browser as unknown as ScriptingApi, settings.webmailProviders);
};
const resync = () => void sync().catch(() => undefined);
storage.onChange(resync);
browser.permissions.onAdded.addListener(resync);
browser.permissions.onRemoved.addListener(resync);
resync();
