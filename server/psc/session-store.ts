// Server-side memory for Pro Santé Connect: pending logins (one use, short-lived) and logged-in sessions, under
// random ids that are the only thing a host keeps (in a cookie). Tokens stay here and die with the session.
import { randomBytes } from 'node:crypto';
import type { PendingLogin, PscSession } from './client';

export interface PscSessionStoreOptions {
  /** A pending login must come back within this time (default 10 min). */
  pendingTtlMs?: number;
  /** A session ends after this idle time (default 8 h, a working day). */
  sessionTtlMs?: number;
  now?: () => number;
}

const newId = () => randomBytes(32).toString('base64url');

export class PscSessionStore {
  private readonly pending = new Map<string, { value: PendingLogin; expires: number }>();
  private readonly sessions = new Map<string, { value: PscSession; expires: number }>();
  private readonly now: () => number;

  constructor(private readonly options: PscSessionStoreOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Keeps a login in progress; returns the id to put in the browser's cookie. */
  putPending(login: PendingLogin): string {
    this.sweep();
    const id = newId();
    this.pending.set(id, { value: login, expires: this.now() + (this.options.pendingTtlMs ?? 10 * 60_000) });
    return id;
  }

  /** Takes a pending login back, once: a replayed callback finds nothing. */
  takePending(id: string): PendingLogin | undefined {
    const e = this.pending.get(id);
    this.pending.delete(id);
    return e && e.expires > this.now() ? e.value : undefined;
  }

  put(session: PscSession): string {
    this.sweep();
    const id = newId();
    this.sessions.set(id, { value: session, expires: this.now() + (this.options.sessionTtlMs ?? 8 * 3600_000) });
    return id;
  }

  get(id: string): PscSession | undefined {
    const e = this.sessions.get(id);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    e.expires = this.now() + (this.options.sessionTtlMs ?? 8 * 3600_000);
    return e.value;
  }

  /** Replaces a session's tokens after a refresh. */
  update(id: string, session: PscSession): void {
    const e = this.sessions.get(id);
    if (e) e.value = session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  get size(): { pending: number; sessions: number } {
    return { pending: this.pending.size, sessions: this.sessions.size };
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, e] of this.pending) if (e.expires <= t) this.pending.delete(k);
    for (const [k, e] of this.sessions) if (e.expires <= t) this.sessions.delete(k);
  }
}
