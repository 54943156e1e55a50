// The messages between Vigie's Thunderbird pages (popup, Vigie window, options) and its background: one typed
// contract, one router. Each request names what it asks; the background answers with a plain object.
import type { Verdict } from '../../shared/model';
import type { LoadedSettings } from './settings';

export interface CheckReply {
  verdict: Verdict;
  lang: 'fr' | 'en';
  expandedLists: { name: string; members: number }[];
}

export type Request =
  | { kind: 'vigie/check'; tabId: number }
  | { kind: 'vigie/confirm-send'; tabId: number }
  | { kind: 'vigie/settings' };

export interface Replies {
  'vigie/check': CheckReply | { error: string };
  'vigie/confirm-send': { ok: true } | { ok: false; error: string; verdict?: Verdict };
  'vigie/settings': LoadedSettings;
}

export type Handlers = { [K in Request['kind']]: (req: Extract<Request, { kind: K }>) => Promise<Replies[K]> };

function isRequest(m: unknown): m is Request {
  const k = (m as { kind?: unknown } | null)?.kind;
  return typeof k === 'string' && ['vigie/check', 'vigie/confirm-send', 'vigie/settings'].includes(k);
}

/** The background's runtime.onMessage listener: answers Vigie's requests, ignores everything else. */
export function router(handlers: Handlers) {
  return (message: unknown): Promise<unknown> | undefined => {
    if (!isRequest(message)) return undefined;
    const h = handlers[message.kind] as (r: Request) => Promise<unknown>;
    return h(message);
  };
}

/** Sends one request from a page to the background. */
export function ask<K extends Request['kind']>(send: (m: unknown) => Promise<unknown>, req: Extract<Request, { kind: K }>): Promise<Replies[K]> {
  return send(req) as Promise<Replies[K]>;
}
