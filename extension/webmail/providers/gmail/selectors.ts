// Gmail's compose DOM, current (PeopleKit, since 2021) and older layout, any UI language. Each part lists its
// strategies in order: structural hooks Gmail's own scripts rely on (`[name=to]`, `[peoplekit-id]`,
// `[data-hovercard-id]`, `subjectbox`, `g_editable`), then the localised label on the element, then on an ancestor.
// Sources: InboxSDK `dom-driver/gmail/views/gmail-compose-view/page-parser.ts` (`.anm[name="to"] [role=listbox]
// [role=option][data-name]`, old `textarea.vO[name=to]` with `.vR` chips), gmail.js `src/gmail.js` (compose
// `div.M9`, `subjectbox`, `div.Am.editable`, Send `.aoO`). Checked against test/fixtures/webmail/gmail/.
import type { RecipientField, ProviderSelectors, ValueSource } from '../types';

const labels = {
  to: ['Destinataires À', 'To recipients', 'À', 'To'],
  cc: ['Destinataires Cc', 'Cc recipients', 'Cc'],
  bcc: ['Destinataires Cci', 'Bcc recipients', 'Cci', 'Bcc'],
};

function field(name: 'to' | 'cc' | 'bcc'): RecipientField {
  const chip = '[role="option"][data-hovercard-id]';
  const chips: ValueSource[] = [
    // Current layout: chips in the field's listbox, the address in data-hovercard-id.
    { selector: `[name="${name}"] ${chip}`, attribute: 'data-hovercard-id' },
    ...labels[name].slice(0, 2).map((l) => ({ selector: `[aria-label="${l}"] ${chip}`, attribute: 'data-hovercard-id' })),
    // Older layout: `.vR` chips beside `textarea[name=to]`, the address in `span[email]`.
    { selector: `tr:has(textarea[name="${name}"]) .vR [email]`, attribute: 'email' },
  ];
  const input = [
    `[name="${name}"] input[peoplekit-id]`,
    `[name="${name}"] input[role="combobox"]`,
    `textarea[name="${name}"]`,
    `input[name="${name}"]`,
    ...labels[name].slice(0, 2).map((l) => `input[aria-label="${l}"]`),
    ...labels[name].slice(0, 2).map((l) => `[aria-label="${l}"] input`),
  ];
  return { chips, input };
}

export const gmailSelectors: ProviderSelectors = {
  composeRoot: ['div.M9', 'div[role="region"]:has(input[name="subjectbox"])', 'div[role="dialog"]:has(input[name="subjectbox"])'],
  from: [
    { selector: 'input[name="from"]', attribute: 'value' },
    { selector: '[name="from"] [email]', attribute: 'email' },
    // The account: « Nouveau message - nom@gmail.com - Gmail », and the account button's label.
    { selector: 'title' },
    { selector: 'a[aria-label*="@"][href^="https://accounts.google.com"]', attribute: 'aria-label' },
  ],
  recipients: {
    to: field('to'),
    cc: { ...field('cc'), toggle: 'span[role="link"][aria-label^="Ajouter des destinataires en Cc"], span[role="link"][aria-label^="Add Cc recipients"]' },
    bcc: { ...field('bcc'), toggle: 'span[role="link"][aria-label^="Ajouter des destinataires en Cci"], span[role="link"][aria-label^="Add Bcc recipients"]' },
  },
  subject: ['input[name="subjectbox"]', 'input[aria-label="Objet"]', 'input[aria-label="Subject"]'],
  body: ['div.Am.editable[contenteditable="true"]', 'div[g_editable="true"][contenteditable="true"]', 'div[role="textbox"][contenteditable="true"]'],
  attachments: [{ selector: 'div.dL .vI' }],
  sendButton: [
    'div[role="button"].aoO',
    '.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])',
    'div[role="button"][data-tooltip*="Ctrl"][data-tooltip^="Envoyer"], div[role="button"][data-tooltip*="Ctrl"][data-tooltip^="Send"]',
  ],
  fileInput: 'input[type="file"][name="Filedata"]',
};
