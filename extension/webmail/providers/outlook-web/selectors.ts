// Outlook on the web (outlook.office.com, outlook.live.com): Fluent UI with hashed class names, so ARIA first. Two
// recipient layouts: the current contenteditable well (`div[aria-label="À"][contenteditable=true]`, the label public
// Outlook extensions read) holding non-editable persona chips, and the older Fluent picker (`input.ms-BasePicker-input`
// beside `[data-selection-index]` chips with the address in their title). A chip that shows only a name is passed on
// as such: the core reports it as a recipient without an address.
import type { ProviderSelectors, RecipientField } from '../types';

const names = { to: ['À', 'To'], cc: ['Cc', 'Cc'], bcc: ['Cci', 'Bcc'] };

function field(f: 'to' | 'cc' | 'bcc', toggle?: string): RecipientField {
  const [fr, en] = names[f];
  const well = (inner = '') => [`div[contenteditable="true"][aria-label="${fr}"]${inner}`, `div[contenteditable="true"][aria-label="${en}"]${inner}`];
  const group = (inner: string) => [`div[role="group"][aria-label="${fr}"] ${inner}`, `div[role="group"][aria-label="${en}"] ${inner}`];
  return {
    chips: [
      ...well(' [contenteditable="false"][title]').map((selector) => ({ selector, attribute: 'title' })),
      ...well(' [contenteditable="false"]').map((selector) => ({ selector, attribute: 'aria-label' })),
      ...group('[data-selection-index] [title]').map((selector) => ({ selector, attribute: 'title' })),
    ],
    input: [...well(), ...group('input.ms-BasePicker-input'), ...group('input[role="combobox"]')],
    ...(toggle ? { toggle } : {}),
  };
}

export const outlookWebSelectors: ProviderSelectors = {
  composeRoot: [
    'div[role="region"][aria-label="Nouveau message"], div[role="region"][aria-label="New message"], div[role="region"][aria-label="Brouillon"], div[role="region"][aria-label="Draft"]',
    'div[role="region"]:has(div[contenteditable="true"][aria-label="Corps du message"], div[contenteditable="true"][aria-label="Message body"])',
  ],
  from: [
    { selector: 'button[aria-label^="De :"], button[aria-label^="From:"]', attribute: 'aria-label' },
    // Without a From field (one account), the signed-in account shown by the Microsoft account manager.
    { selector: '#mectrl_currentAccount_secondary' },
  ],
  recipients: {
    to: field('to'),
    cc: field('cc', 'button[aria-label="Afficher le champ Cc"], button[aria-label="Show Cc"], button[aria-label="Cc"]'),
    bcc: field('bcc', 'button[aria-label="Afficher le champ Cci"], button[aria-label="Show Bcc"], button[aria-label="Cci"], button[aria-label="Bcc"]'),
  },
  subject: ['input[aria-label="Ajouter un objet"]', 'input[aria-label="Add a subject"]', 'input[maxlength="255"]'],
  body: [
    'div[role="textbox"][aria-label="Corps du message"]',
    'div[role="textbox"][aria-label="Message body"]',
    'div[contenteditable="true"][aria-multiline="true"]',
  ],
  attachments: [
    {
      selector: 'div[role="listbox"][aria-label="Pièces jointes"] [role="option"][title], div[role="listbox"][aria-label="Attachments"] [role="option"][title]',
      attribute: 'title',
    },
  ],
  sendButton: [
    'button.fui-SplitButton__primaryActionButton',
    'button[aria-label="Envoyer"]',
    'button[aria-label="Send"]',
    'button[title^="Envoyer"], button[title^="Send"]',
  ],
  dropZone: 'div[role="textbox"][aria-label="Corps du message"], div[role="textbox"][aria-label="Message body"]',
};
