// Yahoo Mail: data-test-id attributes are its most stable hooks; recipient pills carry the address in their title.
import type { ProviderSelectors } from '../types';

export const yahooSelectors: ProviderSelectors = {
  composeRoot: 'div[data-test-id="compose"]',
  from: [
    { selector: '[data-test-id="compose-from"] [data-test-id="email-pill"]', attribute: 'title' },
    { selector: '[data-test-id="compose-from"]' },
  ],
  recipients: {
    to: { chips: [{ selector: '[data-test-id="container-to"] [data-test-id="pill"]', attribute: 'title' }], input: '[data-test-id="container-to"] input' },
    cc: { chips: [{ selector: '[data-test-id="container-cc"] [data-test-id="pill"]', attribute: 'title' }], input: '[data-test-id="container-cc"] input', toggle: '[data-test-id="btn-cc"]' },
    bcc: { chips: [{ selector: '[data-test-id="container-bcc"] [data-test-id="pill"]', attribute: 'title' }], input: '[data-test-id="container-bcc"] input', toggle: '[data-test-id="btn-cc"]' },
  },
  subject: '[data-test-id="compose-subject"]',
  body: '#editor-container > [data-test-id="rte"]',
  attachments: [{ selector: '[data-test-id="attachment-name"]' }],
  sendButton: '[data-test-id="compose-send-button"]',
  fileInput: '[data-test-id="compose-attach-input"], input[type="file"][name="attachment"]',
};
