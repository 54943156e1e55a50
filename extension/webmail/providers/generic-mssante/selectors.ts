// MSSanté webmails: the regional Zimbra-based services (Zimbra Classic: Message.template, ZmComposeController,
// ZmAddressBubble in Zimbra/zm-web-client) and form-based webmails such as Mailiz, by their ARIA labels. Zimbra ids
// carry the compose's number (`zv__COMPOSE-1`, then -2…); its Send button lives in the skin's toolbar outside the
// compose (`zb__COMPOSE-1__SEND`, or `…__SEND_MENU` when send-later is on); address bubbles hold the address in their
// text (an `email` attribute only on older versions); the identity is a div (`…_identity_control`). IT adds hosts and
// overrides any selector by policy (`webmailProviders`).
import type { ProviderSelectors, RecipientField } from '../types';

function field(name: 'to' | 'cc' | 'bcc', labels: string[]): RecipientField {
  return {
    chips: [
      { selector: `[id$="_${name}_row"] .addrBubble`, attribute: 'email' },
      ...labels.map((l) => ({ selector: `[role="group"][aria-label="${l}"] [title*="@"]`, attribute: 'title' })),
    ],
    input: [`input[id$="_${name}_control"]`, `textarea[id$="_${name}_control"]`, ...labels.map((l) => `input[aria-label="${l}"]`)],
    toggle: `[id$="_toggle_${name}"]`,
  };
}

export const genericMssanteSelectors: ProviderSelectors = {
  composeRoot: ['.ZmComposeView', 'form[data-vigie-compose]', 'div[role="form"][aria-label="Nouveau message"], form[aria-label="Nouveau message"]'],
  from: [
    { selector: 'select[id$="_from_select"]' },
    { selector: '[id$="_identity_control"]' },
    { selector: '[id$="_from"] [email]', attribute: 'email' },
    { selector: '[aria-label="De"]' },
    { selector: '[aria-label="Expéditeur"]' },
  ],
  recipients: { to: field('to', ['À', 'Destinataires']), cc: field('cc', ['Cc', 'Copie']), bcc: field('bcc', ['Cci', 'Copie cachée']) },
  subject: ['input[id$="_subject_control"]', 'input[aria-label="Objet"]'],
  body: [
    'iframe[id$="_body_ifr"]',
    'textarea[id$="_body"]',
    '[contenteditable="true"][aria-label="Corps du message"]',
    'textarea[aria-label="Message"], textarea[aria-label="Corps du message"]',
  ],
  attachments: [{ selector: '[id$="_attachments_div"] .AttLink' }, { selector: '[aria-label="Pièces jointes"] [title]', attribute: 'title' }],
  sendButton: ['[id$="__SEND"]', '[id$="__SEND_MENU"]', 'button[aria-label="Envoyer"]', 'button[type="submit"][value="Envoyer"]'],
  sendOutside: ['[id^="zb__COMPOSE"][id$="__SEND"]', '[id^="zb__COMPOSE"][id$="__SEND_MENU"]'],
  fileInput: 'input[type="file"][name="attUpload"], input[type="file"][id$="_file"]',
};
