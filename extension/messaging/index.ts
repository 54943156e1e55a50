/**
 * One typed message contract for every extension context (background, content scripts, extension pages) and one
 * router. Host-neutral: used by the webmail extension and the Thunderbird MailExtension alike.
 *
 * Exports:
 * - `Messages`: the contract, message type → `{ request, response }`. Names say the direction: `compose/*` goes to
 *   the compose context (content script, compose script), `background/*` to the background.
 * - `MessageType`, `RequestOf<T>`, `ResponseOf<T>`, `Envelope<T>` (`{ type, payload }`).
 * - `createRouter(handlers)`: returns `{ handle(msg, sender) }`, to pass to `runtime.onMessage.addListener`; unknown or
 *   malformed messages are ignored (undefined), a handler error comes back as `{ error }` rather than a hang.
 * - `send(transport, type, payload)`: sends one message and unwraps the reply (throws `MessagingError` on `{ error }`).
 * - `isEnvelope(x)`: shape check for anything received.
 */

import type { Verdict } from '../../shared/model';

export type Field = 'to' | 'cc' | 'bcc';

export interface ComposeStatus {
  /** Vigie found a compose area it can read on this page. */
  composing: boolean;
  provider: string;
  verdict?: 'allow' | 'warn' | 'block';
  /** The recipient fields as the compose shows them (for DI documents: X-MSS-MES, intendedRecipient, size rules). */
  recipients?: string[];
}

export interface AttachmentFile {
  name: string;
  contentType: string;
  /** The file bytes, base64 (structured cloning of typed arrays is not available on every host's messaging). */
  base64: string;
}

export interface Messages {
  /** Put one address into the compose's To/Cc/Bcc field. */
  'compose/insert-recipient': { request: { address: string; displayName: string; field: Field }; response: { inserted: boolean } };
  /** Attach files to the compose; `attached: false` when the provider offers no way, and the caller offers a download. */
  'compose/attach': { request: { files: AttachmentFile[]; subject?: string }; response: { attached: boolean; subjectSet: boolean } };
  /** What the compose context sees now. */
  'compose/status': { request: Record<string, never>; response: ComposeStatus };
  /** A content script started: the background asks the companion server for its liste blanche when the copy kept is due. */
  'background/list-due': { request: Record<string, never>; response: Record<string, never> };
  /** A content script's check at Send, for the organisation's audit journal (the background posts it to the server). */
  'background/audit': { request: { verdict: Verdict; outcome: 'sent' | 'stopped' | 'overridden'; overrideReason?: string }; response: { recorded: boolean } };
  /** From an extension page embedded in a tab: forward a compose message to that tab's top frame. */
  'background/to-tab': {
    request: { message: Envelope<'compose/insert-recipient'> | Envelope<'compose/attach'> | Envelope<'compose/status'>; tabId?: number };
    response: unknown;
  };
}

export type MessageType = keyof Messages;
export type RequestOf<T extends MessageType> = Messages[T]['request'];
export type ResponseOf<T extends MessageType> = Messages[T]['response'];
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/** Who sent a message, as the runtime reports it (only what the router passes on). */
export interface SenderInfo {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}

export type Handlers = { [T in MessageType]?: (payload: RequestOf<T>, sender: SenderInfo) => Promise<ResponseOf<T>> | ResponseOf<T> };

export class MessagingError extends Error {}

export function isEnvelope(x: unknown): x is Envelope {
  return (
    !!x && typeof x === 'object' && typeof (x as Envelope).type === 'string' && typeof (x as Envelope).payload === 'object' && (x as Envelope).payload !== null
  );
}

export function createRouter(handlers: Handlers) {
  return {
    /** For `runtime.onMessage.addListener`: returns a promise for messages this context handles, else undefined. */
    handle(msg: unknown, sender: SenderInfo = {}): Promise<unknown> | undefined {
      if (!isEnvelope(msg)) return undefined;
      const h = handlers[msg.type] as ((p: unknown, s: SenderInfo) => unknown) | undefined;
      if (!h) return undefined;
      return Promise.resolve()
        .then(() => h(msg.payload, sender))
        .then(
          (value) => ({ ok: true, value }),
          (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
        );
    },
  };
}

/** Something that delivers an envelope and returns the raw reply (runtime.sendMessage, tabs.sendMessage bound to a tab). */
export type Transport = (msg: Envelope) => Promise<unknown>;

export async function send<T extends MessageType>(transport: Transport, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await transport({ type, payload } as Envelope)) as { ok?: boolean; value?: unknown; error?: string } | undefined;
  if (!reply || typeof reply !== 'object') throw new MessagingError(`no answer to ${type}`);
  if (reply.ok !== true) throw new MessagingError(reply.error ?? `failed: ${type}`);
  return reply.value as ResponseOf<T>;
}
