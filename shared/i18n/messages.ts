// Every user-facing text of the core, French first, English second. Placeholders: {name}.
import type { Language, LocalizedText } from '../model';

export const messages = {
  // Recipient reasons
  'mssante.listed': { fr: 'Adresse MSSanté (domaine {domain} sur la liste blanche).', en: 'MSSanté address (domain {domain} is on the liste blanche).' },
  'mssante.allowed-by-policy': { fr: 'Domaine {domain} autorisé par la politique de l’établissement.', en: 'Domain {domain} allowed by the organisation policy.' },
  'patient.valid': { fr: 'Adresse patient Mon espace santé (INS valide).', en: 'Mon espace santé patient address (valid INS).' },
  'patient.invalid': { fr: 'Adresse patient avec un matricule INS invalide ({detail}) : vérifiez l’INS qualifié du patient.', en: 'Patient address with an invalid INS ({detail}): check the patient’s qualified INS.' },
  'consumer.provider': { fr: '{domain} est une messagerie grand public ({provider}), hors de l’espace de confiance MSSanté.', en: '{domain} is a consumer mail provider ({provider}), outside the MSSanté space.' },
  'internal.domain': { fr: '{domain} est une messagerie interne de l’établissement, hors MSSanté.', en: '{domain} is an internal mail domain of the organisation, outside MSSanté.' },
  'external.domain': { fr: '{domain} n’est pas sur la liste blanche MSSanté.', en: '{domain} is not on the MSSanté liste blanche.' },
  'refused.domain': { fr: '{domain} est refusé par la politique de l’établissement.', en: '{domain} is refused by the organisation policy.' },
  'lookalike.unlisted-mssante-subdomain': { fr: '{domain} ressemble à un domaine MSSanté mais n’est pas sur la liste blanche (vouliez-vous dire {resembles} ?).', en: '{domain} looks like an MSSanté domain but is not on the liste blanche (did you mean {resembles}?).' },
  'lookalike.unlisted-mssante': { fr: '{domain} n’est pas un domaine de l’espace de confiance MSSanté (absent de la liste blanche).', en: '{domain} is not a domain of the MSSanté space (not on the liste blanche).' },
  'lookalike.homoglyph': { fr: '{domain} imite le domaine MSSanté {resembles} avec des caractères trompeurs.', en: '{domain} imitates the MSSanté domain {resembles} with look-alike characters.' },
  'lookalike.extra-label': { fr: '{domain} n’est pas {resembles} : le nom a été prolongé ou son extension changée.', en: '{domain} is not {resembles}: the name was extended or its ending changed.' },
  'lookalike.typo': { fr: '{domain} ressemble à {resembles} (faute de frappe ?) et n’est pas sur la liste blanche.', en: '{domain} looks like {resembles} (a typo?) and is not on the liste blanche.' },
  'invalid.syntax': { fr: 'Adresse illisible : « {input} ». Vérifiez la saisie.', en: 'Unreadable address: “{input}”. Check what was typed.' },
  'invalid.empty': { fr: 'Destinataire vide.', en: 'Empty recipient.' },
  'invalid.too-long': { fr: 'Champ destinataire trop long pour être vérifié.', en: 'Recipient field too long to be checked.' },
  'invalid.domain': { fr: 'Domaine invalide : « {input} ».', en: 'Invalid domain: “{input}”.' },

  // Verdict messages
  'verdict.allow': { fr: 'Tous les destinataires sont dans l’espace de confiance MSSanté.', en: 'Every recipient is inside the MSSanté space.' },
  'verdict.allow.non-mssante': { fr: 'Aucune donnée de santé détectée.', en: 'No health data detected.' },
  'verdict.block.outside': {
    fr: 'Envoi bloqué : {recipients} {verb} pas d’adresse MSSanté. Cherchez le destinataire dans l’Annuaire Santé (bouton Vigie) et utilisez son adresse MSSanté, ou retirez-le.',
    en: 'Send blocked: {recipients} {verbEn} no MSSanté address. Look the recipient up in the Annuaire Santé (Vigie button) and use their MSSanté address, or remove them.',
  },
  'verdict.warn.outside': {
    fr: 'Attention : {recipients} {verb} pas d’adresse MSSanté. N’envoyez aucune donnée de santé hors MSSanté ; cherchez le destinataire dans l’Annuaire Santé.',
    en: 'Warning: {recipients} {verbEn} no MSSanté address. Send no health data outside MSSanté; look the recipient up in the Annuaire Santé.',
  },
  'verdict.block.invalid': { fr: 'Envoi bloqué : adresse illisible ({recipients}). Corrigez la saisie.', en: 'Send blocked: unreadable address ({recipients}). Correct it.' },
  'verdict.block.patient-invalid': { fr: 'Envoi bloqué : l’adresse patient {recipients} n’a pas un INS valide. Reprenez l’INS qualifié depuis le dossier du patient.', en: 'Send blocked: the patient address {recipients} has no valid INS. Take the qualified INS from the patient record.' },
  'verdict.warn.health-data': {
    fr: 'Données de santé détectées ({findings}) dans un message qui part {route}. La loi interdit d’envoyer des données de santé par une messagerie ordinaire : utilisez votre messagerie MSSanté.',
    en: 'Health data detected ({findingsEn}) in a message leaving {routeEn}. The law forbids sending health data through ordinary mail: use your MSSanté mailbox.',
  },
  'verdict.block.health-data': {
    fr: 'Envoi bloqué : données de santé détectées ({findings}) dans un message qui part {route}. Utilisez votre messagerie MSSanté.',
    en: 'Send blocked: health data detected ({findingsEn}) in a message leaving {routeEn}. Use your MSSanté mailbox.',
  },
  'route.consumer-sender': { fr: 'depuis une messagerie grand public ({domain})', en: 'from a consumer mail account ({domain})' },
  'route.consumer-recipient': { fr: 'vers une messagerie grand public ({recipients})', en: 'to a consumer mail provider ({recipients})' },
  'route.external-recipient': { fr: 'hors MSSanté ({recipients})', en: 'outside MSSanté ({recipients})' },
  'verdict.distribution-list': { fr: 'Liste de diffusion {recipients} : Vigie ne voit pas ses membres. Écrivez directement à leurs adresses MSSanté (Annuaire Santé).', en: 'Distribution list {recipients}: Vigie cannot see its members. Write to their MSSanté addresses directly (Annuaire Santé).' },
  'verdict.block.no-sender': { fr: 'Vigie ne peut pas vérifier ce message : l’expéditeur est illisible. Envoi bloqué par précaution.', en: 'Vigie cannot check this message: the sender is unreadable. Send blocked as a precaution.' },
  'verdict.block.no-recipient': { fr: 'Aucun destinataire lisible : ajoutez l’adresse MSSanté du destinataire (Annuaire Santé).', en: 'No readable recipient: add the recipient’s MSSanté address (Annuaire Santé).' },
  'verdict.block.error': { fr: 'Vigie n’a pas pu vérifier ce message ({detail}). Envoi bloqué par précaution ; réessayez ou contactez le support informatique.', en: 'Vigie could not check this message ({detail}). Send blocked as a precaution; try again or call IT support.' },

  'recipient.did-you-mean': { fr: '{address} n’est pas dans l’Annuaire Santé : vouliez-vous dire {suggestion} ? (Les boîtes en liste rouge ne sont pas publiées.)', en: '{address} is not in the Annuaire Santé: did you mean {suggestion}? (Red-listed mailboxes are not published.)' },

  // The check could not run (shared/client/failure.ts): why, then what the user should do.
  'check-failed.host-api-failed': { fr: 'la messagerie n’a pas transmis le message à vérifier', en: 'the mail client did not hand over the message to check' },
  'check-failed.host-api-timeout': { fr: 'la messagerie n’a pas répondu à temps', en: 'the mail client did not answer in time' },
  'check-failed.compose-unreadable': { fr: 'la fenêtre de rédaction n’a pas pu être lue (destinataires ou expéditeur introuvables)', en: 'the compose window could not be read (recipients or sender not found)' },
  'check-failed.send-control-missing': { fr: 'le bouton Envoyer de cette page n’a pas été reconnu', en: 'the Send button of this page was not recognised' },
  'check-failed.core-error': { fr: 'la vérification a rencontré une erreur interne', en: 'the check met an internal error' },
  'check-failed.no-list': { fr: 'aucune liste blanche MSSanté utilisable', en: 'no usable MSSanté liste blanche' },
  'check-failed.block': {
    fr: 'Vigie n’a pas pu vérifier ce message : {why}{detail}. Envoi bloqué par précaution. Réessayez dans un instant ; si cela se reproduit, contactez le support informatique.',
    en: 'Vigie could not check this message: {whyEn}{detail}. Send blocked as a precaution. Try again in a moment; if it happens again, call IT support.',
  },
  'check-failed.warn': {
    fr: 'Vigie n’a pas pu vérifier ce message : {why}{detail}. Avant d’envoyer, vérifiez vous-même que chaque destinataire a une adresse MSSanté et qu’aucune donnée de santé ne part hors MSSanté.',
    en: 'Vigie could not check this message: {whyEn}{detail}. Before sending, check yourself that every recipient has an MSSanté address and that no health data leaves MSSanté.',
  },

  // Liste blanche notices
  'whitelist.stale': { fr: 'Liste blanche MSSanté ancienne (générée le {date}, il y a {days} jours) : vérification faite sur cette copie, à mettre à jour.', en: 'The MSSanté liste blanche is old (generated {date}, {days} days ago): checked against this copy, which needs updating.' },
} satisfies Record<string, LocalizedText>;

export type MessageCode = keyof typeof messages;

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A message in both languages, placeholders filled, with the policy's overrides applied. */
export function t(code: MessageCode, params: Record<string, string | number> = {}, overrides?: Record<string, Partial<LocalizedText>>): LocalizedText {
  const base = messages[code];
  const o = overrides?.[code];
  return { fr: fill(o?.fr ?? base.fr, params), en: fill(o?.en ?? base.en, params) };
}

export function pick(text: LocalizedText, lang: Language): string {
  return text[lang];
}

/** Picks the language from a locale string such as `fr-FR`, `en-GB`; French unless it is clearly English. */
export function languageOf(locale: string | undefined): Language {
  return locale && /^en\b/i.test(locale) ? 'en' : 'fr';
}
