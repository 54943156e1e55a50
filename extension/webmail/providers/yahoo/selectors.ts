// Yahoo Mail: data-test-id attributes are its most stable hooks (Mailvelope reads the same ones); recipient pills
// carry the address in their title. ARIA labels follow as fallbacks.
import type { ProviderSelectors, RecipientField } from '../types';

function field(name: 'to' | 'cc' | 'bcc', labels: string[], toggle?: string): RecipientField {
  const c = `[data-test-id="container-${name}"]`;
  return {
    chips: [
      { selector: `${c} [data-test-id="pill"]`, attribute: 'title' },
      ...labels.map((l) => ({ selector: `[role="group"][aria-label="${l}"] [title*="@"]`, attribute: 'title' })),
    ],
    input: [`${c} input`, ...(name === 'to' ? ['#message-to-field'] : []), ...labels.map((l) => `input[aria-label="${l}"]`)],
    ...(toggle ? { toggle } : {}),
  };
}

export const yahooSelectors: ProviderSelectors = {
  composeRoot: ['div[data-test-id="compose"]', 'div:has(> [data-test-id="compose-subject"])'],
  from: [{ selector: '[data-test-id="compose-from"] [data-test-id="email-pill"]', attribute: 'title' }, { selector: '[data-test-id="compose-from"]' }],
  recipients: {
    to: field('to', ['À', 'To']),
    cc: field('cc', ['Cc'], '[data-test-id="btn-cc"]'),
    bcc: field('bcc', ['Cci', 'Bcc'], '[data-test-id="btn-cc"]'),
  },
  subject: ['[data-test-id="compose-subject"]', 'input[aria-label="Objet"]', 'input[aria-label="Subject"]'],
  body: [
    '#editor-container > [data-test-id="rte"]',
    '[data-test-id="rte"]',
    'div[contenteditable="true"][aria-label="Corps du message"], div[contenteditable="true"][aria-label="Message body"]',
  ],
  attachments: [{ selector: '[data-test-id="attachment-name"]' }],
  sendButton: ['[data-test-id="compose-send-button"]', 'button[title^="Envoyer"]', 'button[title^="Send"]'],
  fileInput: '[data-test-id="compose-attach-input"], input[type="file"][name="attachment"]',
};
