// ThunderbirdComposeSession: reads the message being composed in one Thunderbird compose tab and builds the core's
// Draft (mailing lists expanded to their members), and writes back what the picker and document chooser add.
// Nothing here decides anything: the verdict is the core's.
import type { AttachmentInfo, Draft } from '../../shared/model';
import type { ComposeSession } from '../../shared/ports/compose-session';
import { attachmentPatients } from '../../shared/send-check/attachment-patients';
import type { ComposeDetails, ComposeRecipient, ComposeRecipientList, ContactNode, ThunderbirdApi } from './messenger';

export type Field = 'to' | 'cc' | 'bcc';
const FIELDS: Field[] = ['to', 'cc', 'bcc'];

export interface ThunderbirdDraft {
  draft: Draft;
  /** Lists whose members could not be read (they are checked as lists by the core's distribution-list rule). */
  distributionLists: string[];
  /** Mailing lists that were expanded, with their member count. */
  expandedLists: { name: string; members: number }[];
}

type Api = Pick<ThunderbirdApi, 'compose' | 'identities' | 'messengerUtilities' | 'addressBooks'>;

function asArray(list: ComposeRecipientList | undefined): ComposeRecipient[] {
  if (list === undefined || list === null) return [];
  return Array.isArray(list) ? list : [list];
}

function mailbox(name: string | undefined, email: string): string {
  const clean = (name ?? '').replace(/["\\\r\n]/g, '').trim();
  return clean && clean.toLowerCase() !== email.toLowerCase() ? `"${clean}" <${email}>` : email;
}

/** The first EMAIL of a vCard (unfolded), or undefined. */
export function vCardEmail(vCard: string | undefined): { name?: string; email: string } | undefined {
  if (!vCard) return undefined;
  const text = vCard.replace(/\r?\n[ \t]/g, '');
  const email = /^EMAIL[^:\r\n]*:([^\r\n]+)$/im.exec(text)?.[1]?.trim();
  if (!email) return undefined;
  const fn = /^FN[^:\r\n]*:([^\r\n]+)$/im
    .exec(text)?.[1]
    ?.replace(/\\([,;\\])/g, '$1')
    .trim();
  return { email, ...(fn ? { name: fn } : {}) };
}

/** `ListName <ListName>`: how a mailing-list pill reaches onBeforeSend (no @ in the address part). */
function listNameOf(text: string): string | undefined {
  const m = /^\s*"?([^"<]*?)"?\s*<([^<>]*)>\s*$/.exec(text);
  if (m && !m[2]!.includes('@')) return (m[2] || m[1])!.trim();
  if (!text.includes('@') && text.trim()) return text.trim();
  return undefined;
}

function htmlToText(html: string): string {
  if (typeof DOMParser !== 'undefined') return new DOMParser().parseFromString(html, 'text/html').body?.textContent ?? '';
  return html;
}

export class ThunderbirdComposeSession implements ComposeSession {
  constructor(
    private readonly api: Api,
    readonly tabId: number,
  ) {}

  details(): Promise<ComposeDetails> {
    return this.api.compose.getComposeDetails(this.tabId);
  }

  /** The Draft the core checks (the ComposeSession port). */
  async readDraft(): Promise<Draft> {
    return (await this.read()).draft;
  }

  /** Builds the Draft from `details` (as onBeforeSend passes them) or from the compose tab, with what was expanded. */
  async read(given?: ComposeDetails): Promise<ThunderbirdDraft> {
    const details = given ?? (await this.details());
    const [from, listed, identities] = await Promise.all([this.sender(details), this.api.compose.listAttachments(this.tabId), this.otherIdentities(details)]);
    const attachments = await this.patientsNamed(details, listed);
    const distributionLists: string[] = [];
    const expandedLists: ThunderbirdDraft['expandedLists'] = [];
    const out: Record<Field, string[]> = { to: [], cc: [], bcc: [] };
    for (const field of FIELDS) {
      for (const r of asArray(details[field])) out[field].push(...(await this.expand(r, distributionLists, expandedLists)));
    }
    const body = typeof details.plainTextBody === 'string' ? details.plainTextBody : htmlToText(details.body ?? '');
    return {
      draft: {
        from,
        to: out.to,
        cc: out.cc,
        bcc: out.bcc,
        subject: details.subject ?? '',
        body,
        attachments,
        ...(distributionLists.length ? { distributionLists } : {}),
        ...(identities.length ? { identities } : {}),
      },
      distributionLists,
      expandedLists,
    };
  }

  /**
   * The attachments as the check sees them; towards a patient address, the INS that an attached CDA or IHE_XDM.ZIP
   * names is read from its bytes (the core blocks a document about another patient). Only XML and ZIP files, 25 MB at most.
   */
  private async patientsNamed(details: ComposeDetails, listed: { id: number; name: string; size?: number }[]): Promise<AttachmentInfo[]> {
    const toPatient = FIELDS.some((f) => asArray(details[f]).some((r) => typeof r === 'string' && /@patient\.mssante\.fr\s*>?\s*$/i.test(r)));
    return Promise.all(
      listed.map(async (a) => {
        const info: AttachmentInfo = { name: a.name, ...(a.size !== undefined ? { size: a.size } : {}) };
        if (!toPatient || !this.api.compose.getAttachmentFile || !/\.(xml|zip)$/i.test(a.name) || (a.size ?? 0) > 25 * 1024 * 1024) return info;
        const file = await this.api.compose.getAttachmentFile(a.id);
        const patientIns = attachmentPatients(new Uint8Array(await file.arrayBuffer()));
        return patientIns.length ? { ...info, patientIns } : info;
      }),
    );
  }

  /** The other identities this Thunderbird can send from (the core suggests an MSSanté one for health data). */
  private async otherIdentities(details: ComposeDetails): Promise<string[]> {
    const all = await this.api.identities?.list?.().catch(() => []);
    return (all ?? []).filter((i) => i.id !== details.identityId && i.email).map((i) => i.email!);
  }

  /** Sends from the identity with this address (the one-click switch the Vigie window offers); false when none. */
  async useIdentity(email: string): Promise<boolean> {
    const all = (await this.api.identities?.list?.().catch(() => [])) ?? [];
    const id = all.find((i) => i.email?.toLowerCase() === email.toLowerCase());
    if (!id?.id) return false;
    await this.api.compose.setComposeDetails(this.tabId, { identityId: id.id });
    return true;
  }

  private async sender(details: ComposeDetails): Promise<string> {
    if (details.identityId && this.api.identities) {
      try {
        const id = await this.api.identities.get(details.identityId);
        if (id?.email) return mailbox(id.name, id.email);
      } catch {
        // accountsRead missing or identity gone: fall back to the From field.
      }
    }
    return details.from ?? '';
  }

  private async expand(r: ComposeRecipient, lists: string[], expanded: ThunderbirdDraft['expandedLists']): Promise<string[]> {
    if (typeof r !== 'string') {
      const id = r.nodeId ?? r.id ?? '';
      const books = this.api.addressBooks;
      if (r.type === 'contact') {
        const c = books?.contacts ? await books.contacts.get(id).catch(() => undefined) : undefined;
        const e = vCardEmail(c?.vCard);
        return e ? [mailbox(e.name, e.email)] : [`<${id}>`];
      }
      const members = books?.mailingLists ? await this.members(id) : undefined;
      const name = books?.mailingLists ? ((await books.mailingLists.get(id).catch(() => undefined))?.name ?? id) : id;
      if (!members) {
        lists.push(name);
        return [];
      }
      expanded.push({ name, members: members.length });
      return members;
    }
    const listName = listNameOf(r);
    if (!listName) return [r];
    // Thunderbird 147+ (153 ESR) expands a list itself.
    if (this.api.messengerUtilities?.parseMailboxString) {
      try {
        const parsed = await this.api.messengerUtilities.parseMailboxString(r, { expandMailingLists: true });
        const got = parsed.filter((p) => p.email && p.email.includes('@')).map((p) => mailbox(p.name, p.email!));
        if (got.length) {
          expanded.push({ name: listName, members: got.length });
          return got;
        }
      } catch {
        // Older Thunderbird: no options argument; use the address books below.
      }
    }
    const found = await this.findList(listName);
    if (found) {
      expanded.push({ name: listName, members: found.length });
      return found;
    }
    lists.push(listName);
    return [];
  }

  private async members(listId: string): Promise<string[] | undefined> {
    try {
      const contacts: ContactNode[] = await this.api.addressBooks!.mailingLists!.listMembers(listId);
      return contacts
        .map((c) => vCardEmail(c.vCard))
        .filter((e): e is { name?: string; email: string } => !!e)
        .map((e) => mailbox(e.name, e.email));
    } catch {
      return undefined;
    }
  }

  private async findList(name: string): Promise<string[] | undefined> {
    const books = this.api.addressBooks;
    if (!books?.mailingLists) return undefined;
    try {
      for (const book of await books.list()) {
        if (book.remote) continue;
        const lists = await books.mailingLists.list(book.id);
        const hit = lists.find((l) => l.name.toLowerCase() === name.toLowerCase());
        if (hit) return this.members(hit.id);
      }
    } catch {
      // No address book access: the list stays unexpanded (and is reported as such).
    }
    return undefined;
  }

  /** Adds a recipient to a field, keeping what is there (setComposeDetails overwrites the whole field). */
  async addRecipient(field: Field, recipient: { address: string; displayName?: string }): Promise<void> {
    const details = await this.details();
    const current = asArray(details[field]);
    const lower = recipient.address.toLowerCase();
    if (current.some((r) => typeof r === 'string' && (r.toLowerCase().includes(`<${lower}>`) || r.trim().toLowerCase() === lower))) return;
    await this.api.compose.setComposeDetails(this.tabId, { [field]: [...current, mailbox(recipient.displayName, recipient.address)] });
  }

  /** Removes every recipient whose address is in `addresses` (case-insensitive), from every field. */
  async removeRecipients(addresses: string[]): Promise<number> {
    const drop = new Set(addresses.map((a) => a.toLowerCase()));
    const details = await this.details();
    let removed = 0;
    const patch: ComposeDetails = {};
    for (const field of FIELDS) {
      const current = asArray(details[field]);
      const kept = current.filter((r) => {
        if (typeof r !== 'string') return true;
        const m = /<([^<>]+)>\s*$/.exec(r);
        const address = (m ? m[1]! : r).trim().toLowerCase();
        return !drop.has(address);
      });
      if (kept.length !== current.length) {
        removed += current.length - kept.length;
        patch[field] = kept;
      }
    }
    if (removed) await this.api.compose.setComposeDetails(this.tabId, patch);
    return removed;
  }

  /**
   * Puts DI documents on the message: the subject, the X-MSS headers and the read-receipt option first (the compose
   * API takes X- headers only; anything else is refused before any change), then the files.
   */
  async attachDocuments(
    files: { name: string; bytes: Uint8Array; contentType: string }[],
    meta?: { subject?: string; headers?: Record<string, string>; readReceipt?: boolean },
  ): Promise<void> {
    const headers = Object.entries(meta?.headers ?? {});
    const bad = headers.find(([n]) => !/^X-[A-Za-z0-9-]+$/.test(n));
    if (bad) throw new Error(`header "${bad[0]}" cannot be set by an extension (X- headers only)`);
    const patch: ComposeDetails = {};
    if (meta?.subject) patch.subject = meta.subject;
    if (meta?.readReceipt) patch.returnReceipt = true;
    if (headers.length) {
      const current = (await this.details()).customHeaders ?? [];
      const names = new Set(headers.map(([n]) => n.toLowerCase()));
      patch.customHeaders = [...current.filter((h) => !names.has(h.name.toLowerCase())), ...headers.map(([name, value]) => ({ name, value }))];
    }
    if (Object.keys(patch).length) await this.api.compose.setComposeDetails(this.tabId, patch);
    for (const f of files) {
      const file = new File([f.bytes as BlobPart], f.name, { type: f.contentType });
      await this.api.compose.addAttachment(this.tabId, { file });
    }
  }
}
