// The webmail extension's own texts (the verdicts themselves come from the core), French first.
import type { LocalizedText } from '../../shared/model';

export const ui = {
  brand: { fr: 'Vigie MSSanté', en: 'Vigie MSSanté' },
  directory: { fr: 'Annuaire Santé', en: 'Annuaire Santé' },
  directoryTitle: { fr: 'Chercher un destinataire MSSanté dans l’Annuaire Santé', en: 'Find an MSSanté recipient in the Annuaire Santé' },
  close: { fr: 'Fermer', en: 'Close' },
  sendAnyway: { fr: 'Envoyer quand même', en: 'Send anyway' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  understood: { fr: 'Compris', en: 'OK' },
  checked: { fr: 'Vigie vérifie ce message.', en: 'Vigie is checking this message.' },
  confirmLead: { fr: 'Confirmez-vous l’envoi ?', en: 'Do you confirm sending?' },
  blockedLead: { fr: 'Envoi arrêté par Vigie.', en: 'Send stopped by Vigie.' },
  unsupported: {
    fr: 'Vigie ne peut pas vérifier ce message : la page de {provider} a changé. Vérifiez vous-même les destinataires et l’absence de données de santé.',
    en: 'Vigie cannot check this message: the {provider} page has changed. Check the recipients and that no health data is included yourself.',
  },
  noServer: { fr: 'Aucun serveur Vigie n’est configuré : la recherche dans l’Annuaire Santé est indisponible (réglage serverUrl).', en: 'No Vigie server is configured: the Annuaire Santé search is unavailable (serverUrl setting).' },
  noCompose: { fr: 'Ouvrez un nouveau message dans votre messagerie, puis choisissez le destinataire.', en: 'Open a new message in your webmail, then choose the recipient.' },
  inserted: { fr: '{address} ajouté au champ {field}.', en: '{address} added to the {field} field.' },
  headersNote: { fr: 'Pièces jointes et objet ajoutés au message. Une messagerie web ne permet pas d’ajouter ces en-têtes MSSanté ; votre messagerie MSSanté les renseigne si elle le prévoit :', en: 'Attachments and subject added to the message. A webmail cannot add these MSSanté headers; your MSSanté webmail sets them where it supports them:' },
  attachDownload: { fr: 'Cette messagerie n’accepte pas l’ajout automatique : téléchargez les fichiers et joignez-les, avec l’objet et les en-têtes ci-dessous.', en: 'This webmail does not accept files added automatically: download them and attach them, with the subject and headers below.' },
} satisfies Record<string, LocalizedText>;

export function say(text: LocalizedText, lang: 'fr' | 'en', params: Record<string, string> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}
