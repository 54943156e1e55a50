// GenericMssanteComposeSession: an MSSanté webmail's compose read through the (policy-extendable) selectors. On Zimbra
// the Send button of compose `zv__COMPOSE-N` is `zb__COMPOSE-N__SEND` (or `…__SEND_MENU`) in the toolbar outside it:
// with several composes open, each finds its own.
import { DomComposeSession } from '../dom-compose-session';
import { query } from '../query';

export class GenericMssanteComposeSession extends DomComposeSession {
  override sendButton(): HTMLElement | null {
    const view = /^zv__(COMPOSE-\d+)$/.exec(this.root.id)?.[1];
    if (view) {
      const own = query(this.doc(), `#zb__${view}__SEND, #zb__${view}__SEND_MENU`);
      if (own) return own;
    }
    return super.sendButton();
  }

  override isSendTarget(target: Element): boolean {
    // The arrow of Zimbra's split Send button opens the send-later menu; it does not send.
    if (target.closest('[id$="__SEND_MENU_dropdown"]')) return false;
    return super.isSendTarget(target);
  }
}
