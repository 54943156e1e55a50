// The audit store as the server holds it: opened on first use (a server that never receives an event never loads
// the database), purged of events older than the retention at open and then every `purgeHours`.
import { HttpError } from '../http/router';
import type { AuditStore } from './store';
import { openAuditStore } from './open-store';

export interface AuditSettings {
  /** `postgres://…` for a shared PostgreSQL; absent: the embedded database under `home`. */
  database?: string;
  retentionDays: number;
  purgeHours: number;
}

const DAY = 86_400_000;

export class AuditService {
  private opening: Promise<AuditStore> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** The last purge, for /healthz and the logs. */
  lastPurge: { at: string; removed: number } | { at: string; error: string } | undefined;

  constructor(
    private readonly settings: AuditSettings,
    private readonly home: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  get kind(): 'embedded' | 'postgres' {
    return this.settings.database ? 'postgres' : 'embedded';
  }

  store(): Promise<AuditStore> {
    if (this.closed) return Promise.reject(new Error('the audit store is closed'));
    this.opening ??= openAuditStore(this.settings.database, this.home).then(
      async (store) => {
        await this.purge(store);
        this.timer = setInterval(() => void this.purge(store), this.settings.purgeHours * 3600_000);
        this.timer.unref();
        return store;
      },
      (e: unknown) => {
        this.opening = undefined;
        this.log(`${new Date().toISOString()} audit: the ${this.kind} store cannot be opened: ${(e as Error).message}`);
        throw new HttpError(503, 'audit-store-unavailable', 'the audit store cannot be reached; events are kept by the clients and sent again', {
          'retry-after': '60',
        });
      },
    );
    return this.opening;
  }

  /** Removes events older than the retention; `now` is injectable for tests. */
  async purge(store?: AuditStore, now = new Date()): Promise<number> {
    const s = store ?? (await this.store());
    try {
      const removed = await s.purge(new Date(now.getTime() - this.settings.retentionDays * DAY));
      this.lastPurge = { at: now.toISOString(), removed };
      if (removed) this.log(`${now.toISOString()} audit: ${removed} events older than ${this.settings.retentionDays} days removed`);
      return removed;
    } catch (e) {
      this.lastPurge = { at: now.toISOString(), error: (e as Error).message };
      this.log(`${now.toISOString()} audit: purge failed: ${(e as Error).message}`);
      return 0;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const s = await this.opening?.catch(() => undefined);
    await s?.close();
  }
}
