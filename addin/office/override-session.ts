// What the Smart Alerts handler and the task pane tell each other about one message, through the item's sessionData
// (Mailbox 1.11; both runtimes see the same item): the handler notes a warning the user may send anyway, the pane
// notes the reason the user gave, and the next check of that message (sendAsync, or Outlook's Send clicked again)
// lets a warning go with that reason. A block is never let go; a reason is good for OVERRIDE_TTL_MS.
export const WARNED_KEY = 'vigie.warned';
export const OVERRIDE_KEY = 'vigie.override';
export const OVERRIDE_TTL_MS = 5 * 60 * 1000;

type Result<T> = { status: string; value?: T };
export interface SessionDataLike {
  getAsync(name: string, cb: (r: Result<string>) => void): void;
  setAsync(name: string, value: string, cb?: (r: Result<void>) => void): void;
  removeAsync(name: string, cb?: (r: Result<void>) => void): void;
}

/** Reads a stamped value; undefined when absent, unreadable or older than the TTL. */
export function readStamped(data: SessionDataLike | undefined, key: string, now = Date.now()): Promise<{ at: number; reason?: string } | undefined> {
  return new Promise((resolve) => {
    if (!data) return resolve(undefined);
    try {
      data.getAsync(key, (r) => {
        try {
          const v = r.status === 'succeeded' && r.value ? (JSON.parse(r.value) as { at?: unknown; reason?: unknown }) : undefined;
          const fresh = v && typeof v.at === 'number' && now - v.at < OVERRIDE_TTL_MS;
          resolve(fresh ? { at: v.at as number, ...(typeof v.reason === 'string' ? { reason: v.reason } : {}) } : undefined);
        } catch {
          resolve(undefined);
        }
      });
    } catch {
      resolve(undefined);
    }
  });
}

/** Writes a stamped value; resolves whether Outlook took it. */
export function writeStamped(data: SessionDataLike | undefined, key: string, value: { reason?: string }, now = Date.now()): Promise<boolean> {
  return new Promise((resolve) => {
    if (!data) return resolve(false);
    try {
      data.setAsync(key, JSON.stringify({ at: now, ...value }), (r) => resolve(r.status === 'succeeded'));
    } catch {
      resolve(false);
    }
  });
}
