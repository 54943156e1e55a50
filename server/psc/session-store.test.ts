import { PscSessionStore } from './session-store';
import type { PscSession } from './client';

const session = (token: string): PscSession => ({ professional: { subject: 's', nationalId: '810001234567', exercices: [], otherIds: [] }, accessToken: token, expiresAt: 0, acr: 'eidas1' });

describe('PSC session store', () => {
  it('gives a pending login back once, and not after it expired', () => {
    let t = 0;
    const store = new PscSessionStore({ now: () => t, pendingTtlMs: 1000 });
    const id = store.putPending({ state: 's', nonce: 'n', codeVerifier: 'v' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.takePending(id)).toEqual({ state: 's', nonce: 'n', codeVerifier: 'v' });
    expect(store.takePending(id)).toBeUndefined();
    const late = store.putPending({ state: 's', nonce: 'n', codeVerifier: 'v' });
    t = 1001;
    expect(store.takePending(late)).toBeUndefined();
  });

  it('keeps sessions while used, ends them when idle, forgets them on logout', () => {
    let t = 0;
    const store = new PscSessionStore({ now: () => t, sessionTtlMs: 1000 });
    const id = store.put(session('a'));
    t = 900;
    expect(store.get(id)?.accessToken).toBe('a');
    store.update(id, session('b'));
    t = 1800;
    expect(store.get(id)?.accessToken).toBe('b');
    t = 3000;
    expect(store.get(id)).toBeUndefined();
    const other = store.put(session('c'));
    store.delete(other);
    expect(store.get(other)).toBeUndefined();
    expect(store.size).toEqual({ pending: 0, sessions: 0 });
  });
});
