// What a webmail provider is to Vigie: data (hosts, selectors) and the session class that reads its compose area.
import type { Draft } from '../../../shared/model';

export type Field = 'to' | 'cc' | 'bcc';

/** Where to read one value: the element's attribute when given (else its text); an address is extracted from it. */
export interface ValueSource {
  selector: string;
  attribute?: string;
}

export interface ProviderSelectors {
  /** One element per open compose window or inline reply. */
  composeRoot: string;
  /** The sending address, tried in order (inside the compose root first, then in the whole document). */
  from: ValueSource[];
  /** Per field: the recipient chips and the text input where an address is being typed. */
  recipients: Record<Field, { chips: ValueSource[]; input: string; toggle?: string }>;
  subject: string;
  /** A contenteditable element, a textarea, or a same-origin iframe whose body is the editor. */
  body: string;
  attachments: ValueSource[];
  sendButton: string;
  /** The provider's file input, used to attach DI documents. */
  fileInput?: string;
  /** An element that accepts dropped files, used when there is no file input. */
  dropZone?: string;
}

export type ProviderKind = 'consumer' | 'mssante';

/** One compose area as Vigie reads and drives it. Every method is synchronous except attach. */
export interface WebmailComposeSession {
  readonly root: Element;
  /** The message as it stands in the page. */
  readDraft(): Draft;
  /** Names of the parts Vigie needs but cannot find (the provider's page has changed). */
  missing(): string[];
  /** True when `target` is (inside) this compose's Send button. */
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
  selectors: ProviderSelectors;
  createSession(root: Element, selectors: ProviderSelectors): WebmailComposeSession;
}
