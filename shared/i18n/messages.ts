// Every user-facing text of the core, French first, English second. Placeholders: {name}.
import type { Language, LocalizedText } from '../model';

export const messages = {
  // Recipient reasons
  'mssante.listed': { fr: 'Adresse MSSanté (domaine {domain} sur la liste blanche).', en: 'MSSanté address (domain {domain} is on the liste blanche).' },
  'mssante.allowed-by-policy': {
    fr: 'Domaine {domain} autorisé par la politique de l’établissement.',
    en: 'Domain {domain} allowed by the organisation policy.',
  },
  'patient.valid': { fr: 'Adresse patient Mon espace santé (INS valide).', en: 'Mon espace santé patient address (valid INS).' },
  'patient.invalid': {
    fr: 'Adresse patient avec un matricule INS invalide ({detail})\u00a0: vérifiez l’INS qualifié du patient.',
    en: 'Patient address with an invalid INS ({detail}): check the patient’s qualified INS.',
  },
  'consumer.provider': {
    fr: '{domain} est une messagerie grand public ({provider}), hors de l’espace de confiance MSSanté.',
    en: '{domain} is a consumer mail provider ({provider}), outside the MSSanté space.',
  },
  'internal.domain': {
    fr: '{domain} est une messagerie interne de l’établissement, hors MSSanté.',
    en: '{domain} is an internal mail domain of the organisation, outside MSSanté.',
  },
  'external.domain': { fr: '{domain} n’est pas sur la liste blanche MSSanté.', en: '{domain} is not on the MSSanté liste blanche.' },
  'refused.domain': { fr: '{domain} est refusé par la politique de l’établissement.', en: '{domain} is refused by the organisation policy.' },
  'lookalike.unlisted-mssante-subdomain': {
    fr: '{domain} ressemble à un domaine MSSanté mais n’est pas sur la liste blanche (vouliez-vous dire {resembles}\u202f?).',
    en: '{domain} looks like an MSSanté domain but is not on the liste blanche (did you mean {resembles}?).',
  },
  'lookalike.unlisted-mssante': {
    fr: '{domain} n’est pas un domaine de l’espace de confiance MSSanté (absent de la liste blanche).',
    en: '{domain} is not a domain of the MSSanté space (not on the liste blanche).',
  },
  'lookalike.homoglyph': {
    fr: '{domain} imite le domaine MSSanté {resembles} avec des caractères trompeurs.',
    en: '{domain} imitates the MSSanté domain {resembles} with look-alike characters.',
  },
  'lookalike.extra-label': {
    fr: '{domain} n’est pas {resembles}\u00a0: le nom a été prolongé ou son extension changée.',
    en: '{domain} is not {resembles}: the name was extended or its ending changed.',
  },
  'lookalike.typo': {
    fr: '{domain} ressemble à {resembles} (faute de frappe\u202f?) et n’est pas sur la liste blanche.',
    en: '{domain} looks like {resembles} (a typo?) and is not on the liste blanche.',
  },
  'invalid.syntax': { fr: 'Adresse illisible\u00a0: «\u202f{input}\u202f». Vérifiez la saisie.', en: 'Unreadable address: “{input}”. Check what was typed.' },
  'invalid.empty': { fr: 'Destinataire vide.', en: 'Empty recipient.' },
  'invalid.too-long': { fr: 'Champ destinataire trop long pour être vérifié.', en: 'Recipient field too long to be checked.' },
  'invalid.domain': { fr: 'Domaine invalide\u00a0: «\u202f{input}\u202f».', en: 'Invalid domain: “{input}”.' },

  // Verdict messages
  'verdict.allow': { fr: 'Tous les destinataires sont dans l’espace de confiance MSSanté.', en: 'Every recipient is inside the MSSanté space.' },
  'verdict.allow.non-mssante': { fr: 'Aucune donnée de santé détectée.', en: 'No health data detected.' },
  // A verdict's message says once what happened (the lead), then one sentence per reason. A sentence whose template
  // starts with a word is written as it reads after the lead's colon; later sentences get a capital.
  'verdict.lead.block': { fr: 'Envoi bloqué', en: 'Send blocked' },
  'verdict.lead.warn': { fr: 'Attention', en: 'Warning' },
  'verdict.block.outside': {
    fr: '{recipients} n’a pas d’adresse MSSanté. Cherchez ce destinataire dans l’Annuaire Santé (bouton «\u202fAnnuaire Santé\u202f») et utilisez son adresse MSSanté, ou retirez-le du message.',
    en: '{recipients} has no MSSanté address. Look this recipient up in the Annuaire Santé (“Annuaire Santé” button) and use their MSSanté address, or remove them from the message.',
  },
  'verdict.block.outside.many': {
    fr: '{recipients} n’ont pas d’adresse MSSanté. Cherchez ces destinataires dans l’Annuaire Santé (bouton «\u202fAnnuaire Santé\u202f») et utilisez leurs adresses MSSanté, ou retirez-les du message.',
    en: '{recipients} have no MSSanté address. Look these recipients up in the Annuaire Santé (“Annuaire Santé” button) and use their MSSanté addresses, or remove them from the message.',
  },
  'verdict.warn.outside': {
    fr: '{recipients} n’a pas d’adresse MSSanté. N’envoyez aucune donnée de santé hors MSSanté\u202f; cherchez ce destinataire dans l’Annuaire Santé (bouton «\u202fAnnuaire Santé\u202f»).',
    en: '{recipients} has no MSSanté address. Send no health data outside MSSanté; look this recipient up in the Annuaire Santé (“Annuaire Santé” button).',
  },
  'verdict.warn.outside.many': {
    fr: '{recipients} n’ont pas d’adresse MSSanté. N’envoyez aucune donnée de santé hors MSSanté\u202f; cherchez ces destinataires dans l’Annuaire Santé (bouton «\u202fAnnuaire Santé\u202f»).',
    en: '{recipients} have no MSSanté address. Send no health data outside MSSanté; look these recipients up in the Annuaire Santé (“Annuaire Santé” button).',
  },
  'verdict.block.invalid': {
    fr: 'l’adresse {recipients} est illisible. Corrigez la saisie.',
    en: 'the address {recipients} is unreadable. Correct what was typed.',
  },
  'verdict.block.invalid.many': {
    fr: 'les adresses {recipients} sont illisibles. Corrigez la saisie.',
    en: 'the addresses {recipients} are unreadable. Correct what was typed.',
  },
  'verdict.block.patient-invalid': {
    fr: 'l’adresse patient {recipients} n’a pas un INS valide. Reprenez l’INS qualifié dans le dossier du patient.',
    en: 'the patient address {recipients} has no valid INS. Take the qualified INS from the patient record.',
  },
  'verdict.block.patient-invalid.many': {
    fr: 'les adresses patient {recipients} n’ont pas un INS valide. Reprenez les INS qualifiés dans les dossiers des patients.',
    en: 'the patient addresses {recipients} have no valid INS. Take the qualified INS from the patient records.',
  },
  'verdict.warn.health-data': {
    fr: 'des données de santé ({findings}) partent {route}. La loi interdit de les envoyer par une messagerie ordinaire\u00a0: utilisez votre messagerie MSSanté.',
    en: 'health data ({findingsEn}) is leaving {routeEn}. The law forbids sending it through ordinary mail: use your MSSanté mailbox.',
  },
  'verdict.block.health-data': {
    fr: 'des données de santé ({findings}) partent {route}. Utilisez votre messagerie MSSanté.',
    en: 'health data ({findingsEn}) is leaving {routeEn}. Use your MSSanté mailbox.',
  },
  'route.consumer-sender': { fr: 'depuis une messagerie grand public ({domain})', en: 'from a consumer mail account ({domain})' },
  'route.consumer-recipient': { fr: 'vers une messagerie grand public ({recipients})', en: 'to a consumer mail provider ({recipients})' },
  'route.external-recipient': { fr: 'hors MSSanté ({recipients})', en: 'outside MSSanté ({recipients})' },
  'verdict.distribution-list': {
    fr: 'Vigie ne voit pas les membres de la liste de diffusion {recipients}. Écrivez directement à leurs adresses MSSanté (bouton «\u202fAnnuaire Santé\u202f»).',
    en: 'Vigie cannot see the members of the distribution list {recipients}. Write to their MSSanté addresses directly (“Annuaire Santé” button).',
  },
  'verdict.block.no-sender': {
    fr: 'l’expéditeur est illisible, Vigie ne peut pas savoir quelles règles appliquer. Vérifiez le champ «\u202fDe\u202f».',
    en: 'the sender is unreadable, so Vigie cannot tell which rules apply. Check the “From” field.',
  },
  'verdict.block.no-recipient': {
    fr: 'aucun destinataire lisible. Ajoutez l’adresse MSSanté du destinataire (bouton «\u202fAnnuaire Santé\u202f»).',
    en: 'no readable recipient. Add the recipient’s MSSanté address (“Annuaire Santé” button).',
  },
  'list.and-others': { fr: '{shown} et {count}\u00a0autres', en: '{shown} and {count} others' },
  'list.and-one-other': { fr: '{shown} et 1\u00a0autre', en: '{shown} and 1 other' },
  'verdict.block.other-patient': {
    fr: 'ce document concerne un autre patient\u00a0: {attachment} porte l’INS {documentIns}, le message va à {recipients}. Vérifiez la pièce jointe et le destinataire.',
    en: 'this document is about another patient: {attachment} names INS {documentIns}, the message goes to {recipients}. Check the attachment and the recipient.',
  },
  'verdict.block.several-patients': {
    fr: 'un message ne concerne qu’un seul patient, or celui-ci va à {count}\u00a0adresses patient ({recipients}). Envoyez un message par patient.',
    en: 'one message is about one patient only, and this one goes to {count} patient addresses ({recipients}). Send one message per patient.',
  },
  'verdict.warn.use-mssante-identity': {
    fr: 'ce message contient des données de santé et part de {sender}, hors MSSanté\u00a0: envoyez-le depuis votre boîte MSSanté {identity}.',
    en: 'this message holds health data and is sent from {sender}, outside MSSanté: send it from your MSSanté mailbox {identity}.',
  },
  'override.reminder': {
    fr: 'Motif de l’envoi, {max}\u00a0caractères au plus. N’y écrivez aucune donnée patient\u00a0: ni nom, ni INS, ni numéro.',
    en: 'Reason for sending, {max} characters at most. Write no patient data here: no name, INS or number.',
  },
  'override.required': { fr: 'Choisissez un motif ou écrivez-le pour envoyer quand même.', en: 'Pick or write a reason to send anyway.' },
  'override.patient-data': {
    fr: 'Ce motif semble contenir une donnée personnelle (numéro ou adresse)\u00a0: retirez-la, le motif est conservé dans le journal d’audit.',
    en: 'This reason seems to hold personal data (a number or an address): remove it, the reason is kept in the audit log.',
  },
  'override.too-long': { fr: 'Motif trop long\u00a0: {max}\u00a0caractères au plus.', en: 'Reason too long: {max} characters at most.' },
  'verdict.audit.silent': { fr: 'Mode audit\u00a0: cet envoi n’est pas arrêté.', en: 'Audit mode: this send is not stopped.' },
  'verdict.audit': {
    fr: 'Mode audit\u00a0: en production, Vigie aurait {action} cet envoi. {detail}',
    en: 'Audit mode: in production, Vigie would have {actionEn} this send. {detail}',
  },

  'recipient.did-you-mean': {
    fr: '{address} n’est pas dans l’Annuaire Santé\u00a0: vouliez-vous dire {suggestion}\u202f? (Les boîtes en liste rouge ne sont pas publiées.)',
    en: '{address} is not in the Annuaire Santé: did you mean {suggestion}? (Red-listed mailboxes are not published.)',
  },

  // The check could not run (shared/client/failure.ts): why, then what the user should do.
  'check-failed.host-api-failed': { fr: 'la messagerie n’a pas transmis le message à vérifier', en: 'the mail client did not hand over the message to check' },
  'check-failed.host-api-timeout': { fr: 'la messagerie n’a pas répondu à temps', en: 'the mail client did not answer in time' },
  'check-failed.compose-unreadable': {
    fr: 'la fenêtre de rédaction n’a pas pu être lue (destinataires ou expéditeur introuvables)',
    en: 'the compose window could not be read (recipients or sender not found)',
  },
  'check-failed.send-control-missing': { fr: 'le bouton Envoyer de cette page n’a pas été reconnu', en: 'the Send button of this page was not recognised' },
  'check-failed.core-error': { fr: 'la vérification a rencontré une erreur interne', en: 'the check met an internal error' },
  'check-failed.no-list': { fr: 'aucune liste blanche MSSanté utilisable', en: 'no usable MSSanté liste blanche' },
  'check-failed.block': {
    fr: 'Vigie n’a pas pu vérifier ce message\u00a0: {why}{detail}. Envoi bloqué par précaution. Réessayez dans un instant\u202f; si cela se reproduit, contactez le support informatique.',
    en: 'Vigie could not check this message: {whyEn}{detail}. Send blocked as a precaution. Try again in a moment; if it happens again, call IT support.',
  },
  'check-failed.warn': {
    fr: 'Vigie n’a pas pu vérifier ce message\u00a0: {why}{detail}. Avant d’envoyer, vérifiez vous-même que chaque destinataire a une adresse MSSanté et qu’aucune donnée de santé ne part hors MSSanté.',
    en: 'Vigie could not check this message: {whyEn}{detail}. Before sending, check yourself that every recipient has an MSSanté address and that no health data leaves MSSanté.',
  },

  // Liste blanche notices
  'whitelist.stale': {
    fr: 'La liste blanche MSSanté utilisée date du {date} (il y a {days}\u00a0jours)\u00a0: la vérification a été faite sur cette copie. Prévenez le support informatique, qui doit mettre à jour Vigie ou son serveur.',
    en: 'The MSSanté liste blanche in use dates from {dateEn} ({daysEn} days ago): the check used this copy. Tell IT support, who must update Vigie or its server.',
  },
} satisfies Record<string, LocalizedText>;

export type MessageCode = keyof typeof messages;

export type MessageParam = string | number | LocalizedText;

/** Fills `{name}` placeholders; a LocalizedText parameter gives its text in the template's language. */
export function fill(template: string, params: Record<string, MessageParam>, lang: Language = 'fr'): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = params[k];
    if (v === undefined) return m;
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

/** A message in both languages, placeholders filled, with the policy's overrides applied. */
export function t(code: MessageCode, params: Record<string, MessageParam> = {}, overrides?: Record<string, Partial<LocalizedText>>): LocalizedText {
  const base = messages[code];
  const o = overrides?.[code];
  return { fr: fill(o?.fr ?? base.fr, params, 'fr'), en: fill(o?.en ?? base.en, params, 'en') };
}

/** True when the organisation's policy replaces this message's text. */
export function isOverridden(code: MessageCode, overrides?: Record<string, Partial<LocalizedText>>): boolean {
  return !!(overrides?.[code]?.fr || overrides?.[code]?.en);
}

export function pick(text: LocalizedText, lang: Language): string {
  return text[lang];
}

/** Picks the language from a locale string such as `fr-FR`, `en-GB`; French unless it is clearly English. */
export function languageOf(locale: string | undefined): Language {
  return locale && /^en\b/i.test(locale) ? 'en' : 'fr';
}
