// An in-memory Thunderbird for unit and contract tests: compose tabs holding ComposeDetails, identities, address
// books with mailing lists, storage areas, and a sendMessage that runs the onBeforeSend listeners as Thunderbird does
// (the first cancel aborts with Thunderbird's own error text).
import type { BeforeSendResult, ComposeDetails, ContactNode, MailIdentity, MailingListNode, StorageArea, Tab, ThunderbirdApi } from '../messenger';

type BeforeSend = (tab: Tab, details: ComposeDetails) => Promise<BeforeSendResult | void> | BeforeSendResult | void;

export function memoryArea(
  initial: Record<string, unknown> = {},
  opts: { throwOnGet?: string } = {},
): StorageArea & { set(i: Record<string, unknown>): Promise<void>; remove(k: string | string[]): Promise<void>; data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(keys) {
      if (opts.throwOnGet) throw new Error(opts.throwOnGet);
      if (keys === null || keys === undefined) return structuredClone(data);
      const list = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      for (const k of typeof keys === 'string' ? [keys] : keys) delete data[k];
    },
  };
}

export const vCard = (name: string, email: string) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${name}\r\nEMAIL;PREF=1:${email}\r\nEND:VCARD\r\n`;

export interface FakeOptions {
  identities?: MailIdentity[];
  /** Mailing lists of the personal address book: name → members. */
  lists?: Record<string, { name: string; email: string }[]>;
  contacts?: Record<string, { name: string; email: string }>;
  /** Thunderbird 147+: messengerUtilities.parseMailboxString expands lists itself. */
  parseMailboxString?: boolean;
  managed?: Record<string, unknown> | 'none';
}

export class FakeThunderbird {
  readonly tabs = new Map<number, { details: ComposeDetails; attachments: { id: number; name: string; size: number; file: File }[] }>();
  readonly sent: { tabId: number; details: ComposeDetails }[] = [];
  readonly windowsOpened: string[] = [];
  readonly badges = new Map<number, string | null>();
  readonly labels = new Map<number, string | null>();
  readonly titles = new Map<number, string | null>();
  private readonly beforeSend: BeforeSend[] = [];
  private nextTab = 1;
  private nextAttachment = 1;
  readonly api: ThunderbirdApi;

  constructor(readonly opts: FakeOptions = {}) {
    const identities = opts.identities ?? [{ id: 'id1', accountId: 'account1', name: 'Dr Martin', email: 'dr.martin@medecin.mssante.fr' }];
    const lists: MailingListNode[] = Object.keys(opts.lists ?? {}).map((name, i) => ({ id: `list${i}`, type: 'mailingList', name }));
    const members = (id: string): ContactNode[] => {
      const l = lists.find((x) => x.id === id);
      if (!l) throw new Error(`no list ${id}`);
      return (opts.lists![l.name] ?? []).map((m, i) => ({ id: `${id}-c${i}`, type: 'contact', vCard: vCard(m.name, m.email) }));
    };
    this.api = {
      compose: {
        getComposeDetails: async (tabId) => {
          return structuredClone(this.tab(tabId).details);
        },
        setComposeDetails: async (tabId, details) => {
          Object.assign(this.tab(tabId).details, structuredClone(details));
        },
        getAttachmentFile: async (attachmentId: number) => {
          for (const t of this.tabs.values()) for (const a of t.attachments) if (a.id === attachmentId) return a.file;
          throw new Error(`no attachment ${attachmentId}`);
        },
        listAttachments: async (tabId) => {
          return this.tab(tabId).attachments.map(({ id, name, size }) => ({ id, name, size }));
        },
        addAttachment: async (tabId, a) => {
          const att = { id: this.nextAttachment++, name: a.name ?? a.file.name, size: a.file.size, file: a.file };
          this.tab(tabId).attachments.push(att);
          return { id: att.id, name: att.name, size: att.size };
        },
        sendMessage: async (tabId) => {
          const tab = this.tab(tabId);
          for (const l of this.beforeSend) {
            const r = await l({ id: tabId, type: 'messageCompose' }, structuredClone(tab.details));
            if (r && r.cancel) throw new Error('compose.sendMessage failed: Send aborted by an onBeforeSend event');
            if (r && r.details) Object.assign(tab.details, r.details);
          }
          this.sent.push({ tabId, details: structuredClone(tab.details) });
          this.tabs.delete(tabId);
          return { mode: 'sendNow', headerMessageId: `${tabId}@fake` };
        },
        onBeforeSend: {
          addListener: (fn) => void this.beforeSend.push(fn),
          removeListener: (fn) => void this.beforeSend.splice(this.beforeSend.indexOf(fn), 1),
        },
      },
      identities: { get: async (id) => identities.find((i) => i.id === id) ?? null, list: async () => identities.map((i) => ({ ...i })) },
      ...(opts.parseMailboxString
        ? {
            messengerUtilities: {
              parseMailboxString: async (text: string, o?: { expandMailingLists?: boolean }) => {
                const m = /^\s*"?([^"<]*?)"?\s*<([^<>]*)>\s*$/.exec(text);
                const name = (m ? m[2] || m[1] : text)!.trim();
                if (o?.expandMailingLists && opts.lists?.[name]) return opts.lists[name]!.map((x) => ({ name: x.name, email: x.email }));
                return [{ name: m?.[1] ?? '', email: m?.[2] ?? text }];
              },
            },
          }
        : {}),
      addressBooks: {
        list: async () => [{ id: 'book1', name: 'Personal Address Book', type: 'addressBook' }],
        contacts: {
          get: async (id: string) => {
            const c = opts.contacts?.[id];
            if (!c) throw new Error(`no contact ${id}`);
            return { id, type: 'contact' as const, vCard: vCard(c.name, c.email) };
          },
        },
        mailingLists: {
          list: async () => lists,
          get: async (id: string) => {
            const l = lists.find((x) => x.id === id);
            if (!l) throw new Error(`no list ${id}`);
            return l;
          },
          listMembers: async (id: string) => members(id),
        },
      },
      storage: {
        local: memoryArea(),
        session: memoryArea(),
        managed:
          opts.managed === 'none' || opts.managed === undefined
            ? memoryArea({}, { throwOnGet: 'Managed storage manifest not found' })
            : memoryArea(opts.managed),
      },
      windows: {
        create: async (data) => {
          this.windowsOpened.push(data.url);
          return { id: this.windowsOpened.length };
        },
      },
      tabs: { query: async () => [] },
      composeAction: {
        setBadgeText: async (d) => {
          if (d.tabId !== undefined) this.badges.set(d.tabId, d.text);
        },
        setLabel: async (d: { label: string | null; tabId?: number }) => {
          if (d.tabId !== undefined) this.labels.set(d.tabId, d.label);
        },
        setTitle: async (d: { title: string | null; tabId?: number }) => {
          if (d.tabId !== undefined) this.titles.set(d.tabId, d.title);
        },
      },
      runtime: {
        getURL: (p) => `moz-extension://fake/${p}`,
        sendMessage: async () => undefined,
        onMessage: { addListener: () => undefined, removeListener: () => undefined },
      },
    };
  }

  tab(tabId: number) {
    const t = this.tabs.get(tabId);
    if (!t) throw new Error(`Invalid tab ID: ${tabId}`);
    return t;
  }

  /** Opens a compose tab holding these details (identityId defaults to the first identity). */
  openCompose(details: ComposeDetails, attachments: (string | File)[] = []): number {
    const id = this.nextTab++;
    this.tabs.set(id, {
      details: {
        identityId: 'id1',
        to: [],
        cc: [],
        bcc: [],
        subject: '',
        plainTextBody: '',
        isPlainText: true,
        customHeaders: [],
        ...structuredClone(details),
      },
      attachments: [],
    });
    for (const a of attachments) {
      const file = typeof a === 'string' ? new File([new Uint8Array(1000)], a) : a;
      this.tab(id).attachments.push({ id: this.nextAttachment++, name: file.name, size: file.size, file });
    }
    return id;
  }
}
