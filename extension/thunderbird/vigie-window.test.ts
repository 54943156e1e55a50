import { VigieWindows } from './vigie-window';
import { FakeThunderbird } from './testing/fake-thunderbird';

describe('VigieWindows', () => {
  it('opens one window per compose tab, brings it forward on the next stop, and closes it once the message is sent', async () => {
    const tb = new FakeThunderbird();
    const open = new Set<number>();
    const focused: number[] = [];
    tb.api.windows.create = async (d) => {
      tb.windowsOpened.push(d.url);
      open.add(tb.windowsOpened.length);
      return { id: tb.windowsOpened.length };
    };
    tb.api.windows.update = async (id) => {
      if (!open.has(id)) throw new Error(`Invalid window ID: ${id}`);
      focused.push(id);
    };
    tb.api.windows.remove = async (id) => void open.delete(id);
    const w = new VigieWindows(tb.api);
    await w.show(7);
    await w.show(7);
    expect(tb.windowsOpened).toEqual(['moz-extension://fake/popup/popup.html?tab=7&reason=send']);
    expect(focused).toEqual([1]);
    await w.sent(7);
    expect(open.size).toBe(0);
    // Closed (sent, or by the user): the next stop opens a new one.
    await w.show(7);
    expect(tb.windowsOpened).toHaveLength(2);
  });

  it('finds the window the page registered when windows.create never answers (headless Thunderbird)', async () => {
    const tb = new FakeThunderbird();
    let creates = 0;
    tb.api.windows.create = () => (creates++, new Promise(() => undefined));
    const focused: number[] = [];
    tb.api.windows.update = async (id) => void focused.push(id);
    const w = new VigieWindows(tb.api);
    void w.show(3);
    await new Promise((r) => setTimeout(r, 0));
    await w.register(3, 42);
    await w.show(3);
    expect(creates).toBe(1);
    expect(focused).toEqual([42]);
  });
});
