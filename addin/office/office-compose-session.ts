// OfficeComposeSession: reads the item being composed through office-js and builds the core's Draft.
// Callback APIs are wrapped in promises; nothing here decides anything.
import type { Draft } from '../../shared/model';
import type { ComposeField, ComposeSession } from '../../shared/ports/compose-session';
import { HostCallError } from '../../shared/client/run-check';

/** The part of office-js this adapter uses (the item being composed). */
export interface OfficeComposeItem {
  from?: { getAsync(cb: (r: AsyncResult<EmailAddress>) => void): void };
  to?: Recipients;
  cc?: Recipients;
  bcc?: Recipients;
  requiredAttendees?: Recipients;
  optionalAttendees?: Recipients;
  subject: { getAsync(cb: (r: AsyncResult<string>) => void): void };
  body: { getAsync(coercion: string, cb: (r: AsyncResult<string>) => void): void };
  getAttachmentsAsync?(cb: (r: AsyncResult<{ name: string; size?: number; contentType?: string }[]>) => void): void;
}
interface Recipients {
  getAsync(cb: (r: AsyncResult<EmailAddress[]>) => void): void;
  addAsync?(recipients: { displayName: string; emailAddress: string }[], cb: (r: AsyncResult<unknown>) => void): void;
}
interface EmailAddress {
  displayName?: string;
  emailAddress?: string;
  recipientType?: string;
}
interface AsyncResult<T> {
  status: string;
  value: T;
  error?: { message?: string; code?: number };
}

function call<T>(fn: (cb: (r: AsyncResult<T>) => void) => void, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    fn((r) => {
      if (r?.status === 'succeeded') resolve(r.value);
      // The API call's name and Office's error code only: never the content it was reading.
      else reject(new HostCallError('host-api-failed', `${what}: ${r?.error?.code ?? r?.error?.message ?? 'failed'}`));
    });
  });
}

/**
 * One field string per recipient. A recipient Outlook hands over without an address (a display name only, an
 * unresolved entry) is passed as its name, or as an empty quoted string: the core reads it as an invalid recipient,
 * never drops it.
 */
function field(list: EmailAddress[]): string[] {
  return list.map((r) => {
    const address = r.emailAddress?.trim();
    const name = r.displayName?.replace(/["\\]/g, '').trim();
    if (!address) return name || '""';
    return name && name !== address ? `"${name}" <${address}>` : address;
  });
}

export class OfficeComposeSession implements ComposeSession {
  constructor(
    private readonly item: OfficeComposeItem,
    private readonly userAddress: string | undefined,
  ) {}

  addRecipient(field: ComposeField, r: { address: string; displayName: string }): Promise<void> {
    const item = this.item;
    // Appointments have attendees, not To/Cc/Bcc: To → required, Cc and Bcc → optional.
    const target = item.to ? item[field] : field === 'to' ? item.requiredAttendees : item.optionalAttendees;
    if (!target?.addAsync) return Promise.reject(new Error(`no ${field} field on this item`));
    return call<unknown>((cb) => target.addAsync!([{ displayName: r.displayName, emailAddress: r.address }], cb), 'addAsync').then(() => undefined);
  }

  /** The draft; distribution lists (one address for the list, members not visible) are listed apart. */
  async readDraft(): Promise<Draft> {
    const item = this.item;
    const get = (r: Recipients | undefined, what: string) => (r ? call<EmailAddress[]>((cb) => r.getAsync(cb), what) : Promise.resolve([] as EmailAddress[]));
    const [from, to, cc, bcc, required, optional, subject, body, attachments] = await Promise.all([
      item.from ? call<EmailAddress>((cb) => item.from!.getAsync(cb), 'from') : Promise.resolve<EmailAddress>({ emailAddress: this.userAddress }),
      get(item.to, 'to'),
      get(item.cc, 'cc'),
      get(item.bcc, 'bcc'),
      get(item.requiredAttendees, 'requiredAttendees'),
      get(item.optionalAttendees, 'optionalAttendees'),
      call<string>((cb) => item.subject.getAsync(cb), 'subject'),
      call<string>((cb) => item.body.getAsync('text', cb), 'body'),
      item.getAttachmentsAsync
        ? call<{ name: string; size?: number }[]>((cb) => item.getAttachmentsAsync!(cb), 'attachments')
        : Promise.resolve<{ name: string; size?: number }[]>([]),
    ]);
    const all = [...to, ...cc, ...bcc, ...required, ...optional];
    return {
      from: from?.emailAddress ?? this.userAddress ?? '',
      to: field([...to, ...required]),
      cc: field([...cc, ...optional]),
      bcc: field(bcc),
      subject: subject ?? '',
      body: body ?? '',
      attachments: (attachments ?? []).map((a) => ({ name: a.name, ...(a.size !== undefined ? { size: a.size } : {}) })),
      distributionLists: all.filter((r) => r.recipientType === 'distributionList' && r.emailAddress).map((r) => r.emailAddress!),
    };
  }
}
