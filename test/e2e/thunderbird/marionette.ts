// A Marionette client (protocol 3): "<byte length>:<json>" frames over TCP, commands [0, id, name, params], replies
// [1, id, error, result]. Thunderbird must run with --marionette -remote-allow-system-access for chrome scripts.
import { connect, type Socket } from 'node:net';

export class MarionetteError extends Error {}

export class Marionette {
  private buf = Buffer.alloc(0);
  private id = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private hello: ((v: unknown) => void) | undefined;

  private constructor(private readonly sock: Socket) {
    sock.on('data', (d) => this.onData(d));
    sock.on('close', () => {
      for (const p of this.pending.values()) p.reject(new MarionetteError('connection closed'));
      this.pending.clear();
    });
  }

  /**
   * Connects, retrying until the application listens (or the deadline passes), and opens a session: in the chrome
   * context by default (Thunderbird's windows), in the content context for web pages (Firefox).
   */
  static async connect(
    port: number,
    timeoutMs = 30_000,
    session: { capabilities?: Record<string, unknown>; context?: 'chrome' | 'content' } = {},
  ): Promise<Marionette> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const sock = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        const m = new Marionette(sock);
        await new Promise((resolve, reject) => {
          m.hello = resolve;
          setTimeout(() => reject(new MarionetteError('no greeting')), 5000);
        });
        await m.command('WebDriver:NewSession', { capabilities: session.capabilities ?? {} });
        await m.command('Marionette:SetContext', { value: session.context ?? 'chrome' });
        return m;
      } catch (e) {
        if (Date.now() > deadline) throw new MarionetteError(`Marionette did not answer on port ${port}: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const colon = this.buf.indexOf(0x3a);
      if (colon < 0) return;
      const len = Number(this.buf.subarray(0, colon).toString());
      if (this.buf.length < colon + 1 + len) return;
      const msg = JSON.parse(this.buf.subarray(colon + 1, colon + 1 + len).toString('utf8')) as unknown;
      this.buf = this.buf.subarray(colon + 1 + len);
      if (!Array.isArray(msg)) {
        this.hello?.(msg);
        continue;
      }
      const [, mid, err, res] = msg as [number, number, { error: string; message: string; stacktrace?: string } | null, unknown];
      const p = this.pending.get(mid);
      this.pending.delete(mid);
      if (!p) continue;
      if (err) p.reject(new MarionetteError(`${err.error}: ${err.message}`));
      else p.resolve(res);
    }
  }

  command<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    const mid = ++this.id;
    const s = JSON.stringify([0, mid, name, params]);
    this.sock.write(`${Buffer.byteLength(s)}:${s}`);
    return new Promise<T>((resolve, reject) => this.pending.set(mid, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** Runs chrome JS; `return` gives the value. */
  async script<T = unknown>(script: string, args: unknown[] = []): Promise<T> {
    return (await this.command<{ value: T }>('WebDriver:ExecuteScript', { script, args, sandbox: 'system' })).value;
  }

  /** Runs chrome JS that calls `resolve(value)` (the last argument) when done. */
  async asyncScript<T = unknown>(script: string, args: unknown[] = [], timeoutMs = 20_000): Promise<T> {
    await this.command('WebDriver:SetTimeouts', { script: timeoutMs });
    return (
      await this.command<{ value: T }>('WebDriver:ExecuteAsyncScript', {
        script: `const resolve = arguments[arguments.length - 1]; ${script}`,
        args,
        sandbox: 'system',
      })
    ).value;
  }

  /** Polls a chrome expression until it returns a truthy value. */
  async waitFor<T>(script: string, args: unknown[] = [], timeoutMs = 15_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        last = await this.script<T>(script, args);
        if (last) return last as T;
      } catch (e) {
        last = (e as Error).message;
      }
      if (Date.now() > deadline) throw new MarionetteError(`timed out waiting for ${what} (last: ${JSON.stringify(last)?.slice(0, 300)})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Switches to the first chrome window of that type (e.g. `msgcompose`, `mail:extensionPopup`). */
  async switchTo(windowType: string): Promise<void> {
    const handles = await this.command<string[]>('WebDriver:GetWindowHandles');
    for (const h of handles) {
      await this.command('WebDriver:SwitchToWindow', { handle: h, focus: false });
      const type = await this.script<string | null>('return window.document.documentElement.getAttribute("windowtype")').catch(() => null);
      if (type === windowType) return;
    }
    throw new MarionetteError(`no window of type ${windowType}`);
  }

  /** A PNG of the first chrome window of that type. */
  async screenshotOf(windowType: string): Promise<Buffer> {
    await this.switchTo(windowType);
    const shot = await this.command<{ value: string }>('WebDriver:TakeScreenshot', { full: false, hash: false });
    // Back to the main window: the one shot may close.
    await this.switchTo('mail:3pane');
    return Buffer.from(shot.value, 'base64');
  }

  async quit(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([this.command('Marionette:Quit', { flags: ['eForceQuit'] }), new Promise((r) => (timer = setTimeout(r, 5000)))]);
    } catch {
      // Closing the connection is the expected answer.
    } finally {
      clearTimeout(timer);
    }
    this.sock.destroy();
  }
}
