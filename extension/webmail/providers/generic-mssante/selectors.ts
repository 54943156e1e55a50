// MSSanté webmails (Mailiz and the regional Zimbra-based services). The defaults follow Zimbra's compose view
// (address bubbles with an `email` attribute, ids ending in _to_control, _subject_control…) plus ARIA fallbacks;
// IT adds hosts and overrides any selector by policy (`webmailProviders`).
import type { ProviderSelectors } from '../types';

export const genericMssanteSelectors: ProviderSelectors = {
  composeRoot: '.ZmComposeView, form[data-vigie-compose], div[role="form"][aria-label="Nouveau message"]',
  from: [
    { selector: 'select[id$="_from_select"]' },
    { selector: '[id$="_from"] [email]', attribute: 'email' },
    { selector: '[aria-label="De"]' },
  ],
  recipients: {
    to: { chips: [{ selector: '[id$="_to_row"] .addrBubble[email]', attribute: 'email' }], input: '[id$="_to_control"], input[aria-label="À"]' },
    cc: { chips: [{ selector: '[id$="_cc_row"] .addrBubble[email]', attribute: 'email' }], input: '[id$="_cc_control"], input[aria-label="Cc"]', toggle: '[id$="_toggle_cc"]' },
    bcc: { chips: [{ selector: '[id$="_bcc_row"] .addrBubble[email]', attribute: 'email' }], input: '[id$="_bcc_control"], input[aria-label="Cci"]', toggle: '[id$="_toggle_bcc"]' },
  },
  subject: 'input[id$="_subject_control"], input[aria-label="Objet"]',
  body: 'iframe[id$="_body_ifr"], textarea[id$="_body"], [contenteditable="true"][aria-label="Corps du message"]',
  attachments: [{ selector: '[id$="_attachments_div"] .AttLink' }, { selector: '[aria-label="Pièces jointes"] [title]', attribute: 'title' }],
  sendButton: '[id$="__SEND"] [role="button"], [id$="__SEND"], button[aria-label="Envoyer"]',
  fileInput: 'input[type="file"][name="attUpload"], input[type="file"][id$="_file"]',
};
