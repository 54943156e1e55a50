// The part of Thunderbird's MailExtension API (MV3, Thunderbird 128 to 153) that Vigie uses, typed from Thunderbird's
// own schemas. The published typings stop at 127 and MV2 (no nodeId, no addressBooks.contacts, no messengerUtilities).

export type ComposeRecipient = string | { nodeId?: string; id?: string; type: 'contact' | 'mailingList' };
export type ComposeRecipientList = ComposeRecipient | ComposeRecipient[];

export interface ComposeDetails {
  from?: string;
  identityId?: string;
  to?: ComposeRecipientList;
  cc?: ComposeRecipientList;
  bcc?: ComposeRecipientList;
  subject?: string;
  body?: string;
  plainTextBody?: string;
  isPlainText?: boolean;
  type?: string;
  customHeaders?: { name: string; value: string }[];
  /** Asks the recipient's client for a read receipt (Disposition-Notification-To to the sender; Thunderbird 102+). */
  returnReceipt?: boolean;
}

export interface Tab {
  id?: number;
  windowId?: number;
  type?: string;
  active?: boolean;
}

export interface ComposeAttachment {
  id: number;
  name: string;
  size?: number;
}

export interface MailIdentity {
  id: string;
  accountId?: string;
  name?: string;
  email: string;
  label?: string;
}

export interface BeforeSendResult {
  cancel?: boolean;
  details?: ComposeDetails;
}

export interface Listenable<F> {
  addListener(fn: F, ...extra: unknown[]): void;
  removeListener(fn: F): void;
  hasListener?(fn: F): boolean;
}

export interface AddressBookNode {
  id: string;
  name: string;
  type?: string;
  readOnly?: boolean;
  remote?: boolean;
}

export interface SearchResult {
  isCompleteResult: boolean;
  /** MV3: vCard strings. */
  results: string[];
}

export interface ContactNode {
  id: string;
  type: 'contact';
  vCard?: string;
}

export interface MailingListNode {
  id: string;
  type: 'mailingList';
  name: string;
  contacts?: ContactNode[];
}

export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set?(items: Record<string, unknown>): Promise<void>;
  remove?(keys: string | string[]): Promise<void>;
}

export interface ThunderbirdApi {
  compose: {
    getComposeDetails(tabId: number): Promise<ComposeDetails>;
    setComposeDetails(tabId: number, details: ComposeDetails): Promise<void>;
    listAttachments(tabId: number): Promise<ComposeAttachment[]>;
    /** The attachment's file (Thunderbird 98+). */
    getAttachmentFile?(attachmentId: number): Promise<File>;
    addAttachment(tabId: number, attachment: { file: File; name?: string }): Promise<ComposeAttachment>;
    sendMessage(tabId: number, options?: { mode?: 'default' | 'sendNow' | 'sendLater' }): Promise<unknown>;
    onBeforeSend: Listenable<(tab: Tab, details: ComposeDetails) => Promise<BeforeSendResult | void> | BeforeSendResult | void>;
    onAfterSend?: Listenable<(tab: Tab, info: { mode?: string; error?: string; headerMessageId?: string }) => void>;
  };
  identities?: { get(id: string): Promise<MailIdentity | null>; list?(accountId?: string): Promise<MailIdentity[]> };
  messengerUtilities?: {
    parseMailboxString(
      text: string,
      options?: { preserveGroups?: boolean; expandMailingLists?: boolean },
    ): Promise<{ name?: string; email?: string; group?: unknown[] }[]>;
  };
  addressBooks?: {
    list(complete?: boolean): Promise<AddressBookNode[]>;
    contacts?: { get(id: string): Promise<ContactNode> };
    mailingLists?: {
      list(parentId: string): Promise<MailingListNode[]>;
      get(id: string): Promise<MailingListNode>;
      listMembers(id: string): Promise<ContactNode[]>;
    };
    provider?: {
      onSearchRequest: Listenable<(node: AddressBookNode, searchString?: string, query?: string) => Promise<SearchResult>>;
    };
  };
  storage: {
    local: StorageArea & Required<Pick<StorageArea, 'set' | 'remove'>>;
    managed: StorageArea;
    session?: StorageArea & Required<Pick<StorageArea, 'set' | 'remove'>>;
    onChanged?: Listenable<(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void>;
  };
  windows: {
    create(data: { url: string; type?: 'popup' | 'normal'; width?: number; height?: number; allowScriptsToClose?: boolean }): Promise<{ id?: number }>;
    update?(id: number, info: { focused?: boolean }): Promise<unknown>;
    remove?(id: number): Promise<void>;
    getCurrent?(): Promise<{ id?: number }>;
  };
  tabs: {
    query(info: { active?: boolean; currentWindow?: boolean; lastFocusedWindow?: boolean; type?: string }): Promise<Tab[]>;
    get?(id: number): Promise<Tab>;
  };
  composeAction?: {
    setBadgeText(details: { text: string | null; tabId?: number }): Promise<void>;
    setBadgeBackgroundColor?(details: { color: string; tabId?: number }): Promise<void>;
    setLabel?(details: { label: string | null; tabId?: number }): Promise<void>;
    setTitle?(details: { title: string | null; tabId?: number }): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Listenable<(message: unknown, sender: unknown) => Promise<unknown> | undefined>;
    openOptionsPage?(): Promise<void>;
  };
  i18n?: { getUILanguage(): string };
}

/** The `messenger` global of a Thunderbird extension page (background, popup, options). */
export function thunderbird(): ThunderbirdApi {
  const g = globalThis as unknown as { messenger?: ThunderbirdApi; browser?: ThunderbirdApi };
  const api = g.messenger ?? g.browser;
  if (!api) throw new Error('Vigie: the messenger API is missing (this code runs inside Thunderbird only).');
  return api;
}
