// OutlookWebComposeSession: Outlook on the web's compose (React: inputs are set through the native value setter).
import { DomComposeSession } from '../dom-compose-session';

export class OutlookWebComposeSession extends DomComposeSession {}
