// YahooComposeSession: Yahoo Mail's compose read through its data-test-id selectors.
import { DomComposeSession } from '../dom-compose-session';

export class YahooComposeSession extends DomComposeSession {}
