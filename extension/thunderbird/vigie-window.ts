// The Vigie window of a compose tab: one per tab (a second stopped send brings it forward, and the page checks the
// draft again when it gets the focus), closed once that message is sent. The window id is kept in session storage
// because the MV3 background page may be stopped between two sends.
import type { ThunderbirdApi } from './messenger';

type Api = Pick<ThunderbirdApi, 'windows' | 'storage' | 'runtime'>;

const key = (tabId: number) => `vigie.window.${tabId}`;

export class VigieWindows {
  constructor(private readonly api: Api) {}

  private get area() {
    return this.api.storage.session ?? this.api.storage.local;
  }

  async show(tabId: number): Promise<void> {
    const known = (await this.area.get(key(tabId)))[key(tabId)];
    if (typeof known === 'number' && this.api.windows.update) {
      try {
        await this.api.windows.update(known, { focused: true });
        return;
      } catch {
        // Closed by the user: open a new one.
      }
    }
    // The page registers its window itself as it loads (register below): windows.create may resolve late, or not
    // at all in a headless Thunderbird.
    const w = await this.api.windows.create({
      type: 'popup',
      url: this.api.runtime.getURL(`popup/popup.html?tab=${tabId}&reason=send`),
      width: 620,
      height: 720,
      allowScriptsToClose: true,
    });
    if (w.id !== undefined) await this.area.set({ [key(tabId)]: w.id });
  }

  /** Called by the Vigie page once loaded in its own window. */
  async register(tabId: number, windowId: number): Promise<void> {
    await this.area.set({ [key(tabId)]: windowId });
  }

  /** After a successful send of that tab: its Vigie window has nothing left to say. */
  async sent(tabId: number): Promise<void> {
    const known = (await this.area.get(key(tabId)))[key(tabId)];
    await this.area.remove(key(tabId));
    if (typeof known === 'number') await this.api.windows.remove?.(known).catch(() => undefined);
  }
}
