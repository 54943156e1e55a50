// The port every mail client adapter implements for the compose window it guards: read the draft the core checks,
// and add a recipient chosen in the picker. OfficeComposeSession, ThunderbirdComposeSession, GmailComposeSession…
// pass one contract suite (test/contracts/compose-session.ts).
import type { Draft } from '../model';

export type ComposeField = 'to' | 'cc' | 'bcc';

export interface ComposeSession {
  /** The message as it stands: sender, recipient fields as typed (display names kept), subject, text, attachment names. */
  readDraft(): Promise<Draft>;
  /** Adds one recipient to a field of the compose window. */
  addRecipient(field: ComposeField, recipient: { address: string; displayName: string }): Promise<void>;
}
