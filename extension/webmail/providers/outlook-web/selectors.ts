// Outlook on the web (outlook.office.com, outlook.live.com): Fluent UI with hashed class names, so ARIA and the
// Fluent picker's stable classes only. Resolved recipients carry the address in their title; a name Outlook has not
// resolved yet is reported by the core as unreadable.
import type { ProviderSelectors } from '../types';

const field = (fr: string, en: string) => `div[role="group"][aria-label="${fr}"], div[role="group"][aria-label="${en}"]`;
const within = (container: string, inner: string) => container.split(', ').map((c) => `${c} ${inner}`).join(', ');

export const outlookWebSelectors: ProviderSelectors = {
  composeRoot: 'div[role="region"][aria-label="Nouveau message"], div[role="region"][aria-label="New message"], div[role="region"][aria-label="Brouillon"], div[role="region"][aria-label="Draft"]',
  from: [
    { selector: 'button[aria-label^="De :"], button[aria-label^="From:"]', attribute: 'aria-label' },
    // Without a From field (one account), the signed-in account shown by the Microsoft account manager.
    { selector: '#mectrl_currentAccount_secondary' },
  ],
  recipients: {
    to: { chips: [{ selector: within(field('À', 'To'), '[data-selection-index] [title]'), attribute: 'title' }], input: within(field('À', 'To'), 'input.ms-BasePicker-input') },
    cc: {
      chips: [{ selector: within(field('Cc', 'Cc'), '[data-selection-index] [title]'), attribute: 'title' }],
      input: within(field('Cc', 'Cc'), 'input.ms-BasePicker-input'),
      toggle: 'button[aria-label="Afficher le champ Cc"], button[aria-label="Show Cc"]',
    },
    bcc: {
      chips: [{ selector: within(field('Cci', 'Bcc'), '[data-selection-index] [title]'), attribute: 'title' }],
      input: within(field('Cci', 'Bcc'), 'input.ms-BasePicker-input'),
      toggle: 'button[aria-label="Afficher le champ Cci"], button[aria-label="Show Bcc"]',
    },
  },
  subject: 'input[aria-label="Ajouter un objet"], input[aria-label="Add a subject"]',
  body: 'div[role="textbox"][aria-label="Corps du message"], div[role="textbox"][aria-label="Message body"]',
  attachments: [{ selector: 'div[role="listbox"][aria-label="Pièces jointes"] [role="option"][title], div[role="listbox"][aria-label="Attachments"] [role="option"][title]', attribute: 'title' }],
  sendButton: 'button[aria-label="Envoyer"], button[aria-label="Send"], button.fui-SplitButton__primaryActionButton',
  dropZone: 'div[role="textbox"][aria-label="Corps du message"], div[role="textbox"][aria-label="Message body"]',
};
