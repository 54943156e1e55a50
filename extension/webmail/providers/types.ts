// What a webmail provider is to Vigie: data (hosts, selectors with their strategies) and the session class that reads
// its compose area.
import type { Draft } from '../../../shared/model';

export type Field = 'to' | 'cc' | 'bcc';

/**
 * Ways to find one part of the page, tried in order: the first selector that matches wins. Real webmails change
 * their class names; a label on the element, a label on an ancestor and a structural hook (`[name=to]`) rarely all
 * change at once. One string is one strategy (what IT writes in a policy).
 */
export type Strategies = string | readonly string[];

/** Where to read one value: the element's attribute when it has it (else its text); an address is extracted from it. */
export interface ValueSource {
  selector: string;
  attribute?: string;
}

export interface RecipientField {
  /** Chip strategies: the first that finds any chip is read (chips are never counted twice). */
  chips: ValueSource[];
  /** The text input (or contenteditable well) where an address is being typed. */
  input: Strategies;
  toggle?: string;
}

export interface ProviderSelectors {
  /** One element per open compose window or inline reply. */
  composeRoot: Strategies;
  /** The sending address, tried in order (inside the compose root first, then in the whole document). */
  from: ValueSource[];
  recipients: Record<Field, RecipientField>;
  subject: Strategies;
  /** A contenteditable element, a textarea, or a same-origin iframe whose body is the editor. */
  body: Strategies;
  attachments: ValueSource[];
  /** Send inside the compose root. */
  sendButton: Strategies;
  /** Send where the webmail draws it outside the compose (Zimbra's toolbar): searched in the whole document. */
  sendOutside?: Strategies;
  /** The provider's file input, used to attach DI documents. */
  fileInput?: string;
  /** An element that accepts dropped files, used when there is no file input. */
  dropZone?: string;
}

/** The parts a compose must show for Vigie to read it; each is named to IT on the options page when missing. */
export type Part = 'to' | 'body' | 'send';

export type ProviderKind = 'consumer' | 'mssante';

/** One compose area as Vigie reads and drives it. Every method is synchronous except attach. */
export interface WebmailComposeSession {
  readonly root: Element;
  /** The message as it stands in the page. */
  readDraft(): Draft;
  /** The parts Vigie needs but cannot find (the provider's page has changed). */
  missing(): Part[];
  /** True when `target` is (inside) this compose's Send control, wherever the page draws it. */
  isSendTarget(target: Element): boolean;
  /** Clicks Send the way a user does (after the user confirmed a warning). */
  clickSend(): void;
  insertRecipient(address: string, displayName: string, field: Field): boolean;
  attach(files: File[]): boolean;
  /** Writes the subject line (DI documents come with the subject MSSanté expects). */
  setSubject(subject: string): boolean;
  /** Where the banner goes: the banner host is inserted before this element, inside the compose root. */
  bannerAnchor(): Element;
}

export interface WebmailProvider {
  id: 'gmail' | 'outlook-web' | 'yahoo' | 'generic-mssante';
  name: string;
  kind: ProviderKind;
  /** Host names this provider serves: exact, or `*.` for the domain and its subdomains. */
  hosts: string[];
  /**
   * Consumer hosts and the mail domain every account there has: the sender is a consumer mailbox by construction,
   * even when the page does not show the address (reading it only refines the message).
   */
  consumerHosts?: Record<string, string>;
  selectors: ProviderSelectors;
  createSession(root: Element, selectors: ProviderSelectors): WebmailComposeSession;
}
