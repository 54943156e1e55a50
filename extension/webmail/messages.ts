// The webmail extension's own texts (the verdicts themselves come from the core), French first.
import type { LocalizedText } from '../../shared/model';
import type { Part } from './providers/types';

export const ui = {
  brand: { fr: 'Vigie MSSanté', en: 'Vigie MSSanté' },
  directory: { fr: 'Annuaire Santé', en: 'Annuaire Santé' },
  directoryTitle: { fr: 'Chercher un destinataire MSSanté dans l’Annuaire Santé', en: 'Find an MSSanté recipient in the Annuaire Santé' },
  close: { fr: 'Fermer', en: 'Close' },
  sendAnyway: { fr: 'Envoyer quand même', en: 'Send anyway' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  understood: { fr: 'Compris', en: 'OK' },
  checked: { fr: 'Vigie vérifie ce message.', en: 'Vigie is checking this message.' },
  overrideTitle: { fr: 'Pourquoi envoyer quand même\u202f?', en: 'Why send anyway?' },
  overrideText: { fr: 'Autre motif (facultatif si un motif est coché)', en: 'Other reason (optional when one is ticked)' },
  overrideConfirm: { fr: 'Confirmer l’envoi', en: 'Confirm sending' },
  confirmLead: { fr: 'Confirmez-vous l’envoi ?', en: 'Do you confirm sending?' },
  blockedLead: { fr: 'Envoi arrêté par Vigie.', en: 'Send stopped by Vigie.' },
  missing: { fr: 'manque\u00a0: ', en: 'missing: ' },
  unguarded: {
    fr: 'Vigie ne peut pas surveiller cette page\u00a0: il ne retient que le raccourci Ctrl+Entrée.',
    en: 'Vigie cannot guard this page: it only holds the Ctrl+Enter shortcut.',
  },
  noServer: {
    fr: 'Aucun serveur Vigie n’est configuré : la recherche dans l’Annuaire Santé est indisponible (réglage serverUrl).',
    en: 'No Vigie server is configured: the Annuaire Santé search is unavailable (serverUrl setting).',
  },
  noCompose: {
    fr: 'Ouvrez un nouveau message dans votre messagerie, puis choisissez le destinataire.',
    en: 'Open a new message in your webmail, then choose the recipient.',
  },
  inserted: { fr: '{address} ajouté au champ {field}.', en: '{address} added to the {field} field.' },
  headersNote: {
    fr: 'Pièces jointes et objet ajoutés au message. Une messagerie web ne permet pas d’ajouter ces en-têtes MSSanté ; votre messagerie MSSanté les renseigne si elle le prévoit :',
    en: 'Attachments and subject added to the message. A webmail cannot add these MSSanté headers; your MSSanté webmail sets them where it supports them:',
  },
  attachDownload: {
    fr: 'Cette messagerie n’accepte pas l’ajout automatique : téléchargez les fichiers et joignez-les, avec l’objet et les en-têtes ci-dessous.',
    en: 'This webmail does not accept files added automatically: download them and attach them, with the subject and headers below.',
  },
} satisfies Record<string, LocalizedText>;

export function say(text: LocalizedText, lang: 'fr' | 'en', params: Record<string, string> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}

const parts: Record<Part, LocalizedText> = {
  to: { fr: 'le champ À', en: 'the To field' },
  body: { fr: 'le texte du message', en: 'the message body' },
  send: { fr: 'le bouton Envoyer', en: 'the Send button' },
};

/** « le champ À et le bouton Envoyer »: the parts of a page Vigie could not find, for the user and for IT. */
export function partNames(missing: readonly Part[], lang: 'fr' | 'en'): string {
  const names = missing.map((p) => parts[p][lang]);
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${names[names.length - 1]}`;
}

/**
 * The browser's language for Vigie's texts: French when the browser's UI or the user's first preferred language is
 * French, or when neither can be told; English when one of them is clearly English.
 */
export function browserLanguage(uiLanguage: string | undefined, preferred: readonly string[] = []): 'fr' | 'en' {
  const seen = [uiLanguage ?? '', preferred[0] ?? ''];
  if (seen.some((l) => /^fr\b/i.test(l))) return 'fr';
  return seen.some((l) => /^en\b/i.test(l)) ? 'en' : 'fr';
}
