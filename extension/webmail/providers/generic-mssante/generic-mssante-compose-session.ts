// GenericMssanteComposeSession: an MSSanté webmail's compose read through the (policy-extendable) selectors.
import { DomComposeSession } from '../dom-compose-session';

export class GenericMssanteComposeSession extends DomComposeSession {}
