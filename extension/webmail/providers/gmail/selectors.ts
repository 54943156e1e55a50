// Gmail's compose DOM (French and English UI). Semantic hooks first (name, role, aria-label, data-hovercard-id);
// Gmail's short class names only where nothing else is stable. Checked against test/fixtures/webmail/gmail/.
import type { ProviderSelectors } from '../types';

const field = (fr: string, en: string) => `[aria-label="Destinataires ${fr}"], [aria-label="${en} recipients"]`;
const within = (container: string, inner: string) => container.split(', ').map((c) => `${c} ${inner}`).join(', ');

export const gmailSelectors: ProviderSelectors = {
  composeRoot: 'div.M9',
  from: [
    { selector: 'input[name="from"]', attribute: 'value' },
    { selector: 'title' },
  ],
  recipients: {
    to: { chips: [{ selector: within(field('À', 'To'), '[role="option"][data-hovercard-id]'), attribute: 'data-hovercard-id' }], input: within(field('À', 'To'), 'input') },
    cc: {
      chips: [{ selector: within(field('Cc', 'Cc'), '[role="option"][data-hovercard-id]'), attribute: 'data-hovercard-id' }],
      input: within(field('Cc', 'Cc'), 'input'),
      toggle: 'span[role="link"][aria-label^="Ajouter des destinataires en Cc"], span[role="link"][aria-label^="Add Cc recipients"]',
    },
    bcc: {
      chips: [{ selector: within(field('Cci', 'Bcc'), '[role="option"][data-hovercard-id]'), attribute: 'data-hovercard-id' }],
      input: within(field('Cci', 'Bcc'), 'input'),
      toggle: 'span[role="link"][aria-label^="Ajouter des destinataires en Cci"], span[role="link"][aria-label^="Add Bcc recipients"]',
    },
  },
  subject: 'input[name="subjectbox"]',
  body: 'div[role="textbox"][g_editable="true"], div.Am.Al.editable',
  attachments: [{ selector: 'div.dL .vI' }],
  sendButton: 'div[role="button"][data-tooltip^="Envoyer"], div[role="button"][data-tooltip^="Send"], .IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])',
  fileInput: 'input[type="file"][name="Filedata"]',
};
