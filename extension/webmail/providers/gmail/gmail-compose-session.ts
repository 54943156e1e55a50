// GmailComposeSession: Gmail's compose read through its selectors. The account's address is also in the page title
// (« Boîte de réception - nom@gmail.com - Gmail »), which the selectors read last.
import { DomComposeSession } from '../dom-compose-session';

export class GmailComposeSession extends DomComposeSession {}
