// What the task pane does to the item being composed, through office-js, besides adding recipients (the session's):
// attach files, set the subject and the X-MSS headers. Callback APIs wrapped in promises; no decision here.
import { bytesToBase64 } from '../../shared/documents/hash';

interface AsyncResult {
  status: string;
  error?: { message?: string; code?: number | string };
}
type Cb = (r: AsyncResult) => void;
type Recipients = { getAsync(cb: (r: AsyncResult & { value?: Array<{ emailAddress?: string }> }) => void): void };
export interface OfficeWritableItem {
  itemType?: string;
  to?: Recipients;
  cc?: Recipients;
  bcc?: Recipients;
  subject: { setAsync(subject: string, cb: Cb): void };
  internetHeaders?: { setAsync(headers: Record<string, string>, cb: Cb): void };
  addFileAttachmentFromBase64Async(base64: string, name: string, cb: Cb): void;
}

/** Outlook refuses base64 attachments above this many characters (≈ 25 MB before encoding). */
export const MAX_BASE64_CHARS = 34_865_152;

function done(what: string): [Promise<void>, Cb] {
  let cb!: Cb;
  const p = new Promise<void>((resolve, reject) => {
    cb = (r) => (r.status === 'succeeded' ? resolve() : reject(new Error(`${what}: ${r.error?.message ?? 'failed'}`)));
  });
  return [p, cb];
}

export class OfficeComposeActions {
  constructor(private readonly item: OfficeWritableItem) {}

  async attach(files: { name: string; bytes: Uint8Array }[]): Promise<void> {
    for (const f of files) {
      const base64 = bytesToBase64(f.bytes);
      if (base64.length > MAX_BASE64_CHARS) throw new Error(`${f.name}: too large for Outlook (25 MB)`);
      const [p, cb] = done(`attach ${f.name}`);
      this.item.addFileAttachmentFromBase64Async(base64, f.name, cb);
      await p;
    }
  }

  setSubject(subject: string): Promise<void> {
    const [p, cb] = done('subject');
    this.item.subject.setAsync(subject, cb);
    return p;
  }

  /** Every recipient address of the item as it stands (To, Cc, Bcc; an appointment's attendees where Outlook names them so). */
  async recipients(): Promise<string[]> {
    const read = (r: Recipients | undefined) =>
      r
        ? new Promise<string[]>((resolve, reject) =>
            r.getAsync((res) =>
              res.status === 'succeeded'
                ? resolve((res.value ?? []).map((x) => x.emailAddress ?? '').filter(Boolean))
                : reject(new Error(`recipients: ${res.error?.message ?? 'failed'}`)),
            ),
          )
        : Promise.resolve([]);
    return (await Promise.all([read(this.item.to), read(this.item.cc), read(this.item.bcc)])).flat();
  }

  /**
   * Puts DI documents on the item: subject and headers first, then the files, so that a refusal of the subject or
   * the headers leaves nothing half-attached. (Outlook has no read-receipt API: the chooser told the user before.)
   */
  async deliverDocuments(files: { name: string; bytes: Uint8Array }[], meta: { subject: string; headers: Record<string, string> }): Promise<void> {
    await this.setSubject(meta.subject);
    if (Object.keys(meta.headers).length) await this.setHeaders(meta.headers);
    await this.attach(files);
  }

  setHeaders(headers: Record<string, string>): Promise<void> {
    if (!this.item.internetHeaders) return Promise.reject(new Error('this Outlook cannot set message headers (Mailbox 1.8)'));
    const [p, cb] = done('internetHeaders');
    this.item.internetHeaders.setAsync(headers, cb);
    return p;
  }
}
