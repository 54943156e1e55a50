// User-facing texts of DI documents (packaging, size rules, fetching, Pro Santé Connect), French first.
import type { LocalizedText } from '../model';

export const documentMessages = {
  'patient.identity-incomplete': {
    fr: 'Identité du patient incomplète : nom de naissance et premier prénom sont obligatoires.',
    en: 'Incomplete patient identity: birth family name and first given name are required.',
  },
  'patient.birth-date': { fr: 'Date de naissance invalide « {value} » (attendu AAAA-MM-JJ).', en: 'Invalid birth date “{value}” (expected YYYY-MM-DD).' },
  'patient.no-identifier': { fr: 'Le patient n’a ni INS ni identifiant local (IPP).', en: 'The patient has neither an INS nor a local id (IPP).' },
  'patient.no-usable-identifier': {
    fr: 'Aucun identifiant utilisable : l’INS n’est pas qualifié et il n’y a pas d’IPP.',
    en: 'No usable identifier: the INS is not qualified and there is no IPP.',
  },
  'patient.ins-invalid': {
    fr: 'Matricule INS invalide ({reason}) : reprenez l’INS qualifié depuis le dossier du patient.',
    en: 'Invalid INS ({reason}): take the qualified INS from the patient record.',
  },
  'patient.address-no-ins': { fr: 'Pas d’adresse Mon espace santé sans INS du patient.', en: 'No Mon espace santé address without the patient’s INS.' },
  'patient.address-not-qualified': {
    fr: 'L’INS du patient n’est pas qualifié : impossible d’écrire à sa messagerie Mon espace santé.',
    en: 'The patient’s INS is not qualified: their Mon espace santé mailbox cannot be addressed.',
  },
  'patient.address-not-nir': {
    fr: 'Seul un INS-NIR qualifié (ni NIA, ni INS de test) donne une adresse Mon espace santé.',
    en: 'Only a qualified INS-NIR (not an NIA nor a test INS) gives a Mon espace santé address.',
  },
  'patient.mixed': {
    fr: 'Un message ne concerne qu’un seul patient : ces documents appartiennent à des patients différents. Envoyez un message par patient.',
    en: 'A message concerns one patient only: these documents belong to different patients. Send one message per patient.',
  },
  'patient.contradicts-cda': {
    fr: 'L’identité indiquée contredit le document CDA ({field} : « {stated} » indiqué, « {cda} » dans le document). Rien n’est envoyé : vérifiez le patient.',
    en: 'The identity given contradicts the CDA document ({field}: “{stated}” given, “{cda}” in the document). Nothing is sent: check the patient.',
  },
  'xdm.no-document': { fr: 'Aucun document à envoyer.', en: 'No document to send.' },
  'xdm.empty-document': { fr: 'Le document « {name} » est vide.', en: 'Document “{name}” is empty.' },
  'xdm.too-many': { fr: 'Trop de documents ({count}) : 9999 au plus par archive.', en: 'Too many documents ({count}): at most 9999 per archive.' },
  'xdm.title-missing': { fr: 'Le libellé du document est obligatoire.', en: 'The document title is required.' },
  'xdm.cda-incomplete': {
    fr: 'Le document CDA n’a pas de {field} : il ne peut pas être décrit pour le destinataire.',
    en: 'The CDA document has no {field}: it cannot be described for the receiver.',
  },
  'xdm.format-unknown': {
    fr: 'Modèle de document CDA inconnu des tables du CI-SIS (templateId {templates}) : indiquez son formatCode.',
    en: 'CDA document model not in the CI-SIS tables (templateId {templates}): give its formatCode.',
  },
  'xdm.not-cda': { fr: 'Le document XML « {name} » n’est pas un document CDA R2 lisible.', en: 'The XML document “{name}” is not a readable CDA R2 document.' },
  'xdm.unsupported-format': {
    fr: 'Le document « {name} » ({type}) ne peut pas être envoyé : seuls les documents CDA, PDF, texte, RTF, JPEG et TIFF le peuvent.',
    en: 'Document “{name}” ({type}) cannot be sent: only CDA, PDF, text, RTF, JPEG and TIFF documents can.',
  },
  'xdm.content-type': {
    fr: 'Code « {code} » absent du jeu de valeurs JDV_J03 (contentTypeCode) : corrigez la politique.',
    en: 'Code “{code}” is not in the JDV_J03 value set (contentTypeCode): fix the policy.',
  },
  'xdm.too-long': {
    fr: '{field} trop long ({length} caractères, {max} au plus dans METADATA.XML) : raccourcissez-le.',
    en: '{field} too long ({length} characters, at most {max} in METADATA.XML): shorten it.',
  },
  'xdm.masked-to-patient': {
    fr: 'Un document marqué « non visible par le patient » ne peut pas être envoyé à sa messagerie Mon espace santé.',
    en: 'A document marked “not visible to the patient” cannot be sent to their Mon espace santé mailbox.',
  },
  'xdm.no-source-id': {
    fr: 'Identifiant du système émetteur (documents.sourceId) non configuré dans la politique : un identifiant stable est dérivé du nom de l’établissement.',
    en: 'Sending system id (documents.sourceId) not configured in the policy: a stable id is derived from the organisation’s name.',
  },
  'xdm.receipt-no-address': {
    fr: 'Accusé de lecture demandé mais adresse de l’expéditeur inconnue : il n’est pas demandé.',
    en: 'Read receipt asked for but the sender’s address is unknown: it is not requested.',
  },
  'xdm.no-nil': {
    fr: 'Référence produit MSSanté (en-tête X-MSS-NIL, exigée sur chaque message) non configurée : le message part sans cet en-tête. Votre service informatique doit renseigner documents.productReference dans la politique.',
    en: 'MSSanté product reference (X-MSS-NIL header, required on every message) not configured: the message goes without it. Your IT department must set documents.productReference in the policy.',
  },
  'xdm.receipt-address': { fr: 'Adresse d’accusé de lecture invalide : « {value} ».', en: 'Invalid read-receipt address: “{value}”.' },
  'size.ok': { fr: 'Taille du message : {size}.', en: 'Message size: {size}.' },
  'size.warn-operator': {
    fr: 'Message de {size}, au-delà de la limite de votre opérateur ({limit}) : il risque d’être refusé.',
    en: 'Message of {size}, above your operator’s limit ({limit}): it may be refused.',
  },
  'size.refuse-patient': {
    fr: 'Message de {size} : Mon espace santé (patient.mssante.fr) refuse les messages de plus de {limit}. Retirez des documents ou envoyez-les en plusieurs messages.',
    en: 'Message of {size}: Mon espace santé (patient.mssante.fr) refuses messages over {limit}. Remove documents or send them in several messages.',
  },
  'source.unauthorized': {
    fr: 'Le dossier patient refuse la connexion : reconnectez-vous (Pro Santé Connect).',
    en: 'The patient record refused the connection: sign in again (Pro Santé Connect).',
  },
  'source.forbidden': { fr: 'Vous n’avez pas accès à ce document dans le dossier patient.', en: 'You have no access to this document in the patient record.' },
  'source.not-found': { fr: 'Document introuvable dans le dossier patient.', en: 'Document not found in the patient record.' },
  'source.hash-mismatch': {
    fr: 'Le document reçu ne correspond pas à son empreinte (SHA-1) : il n’est pas joint.',
    en: 'The document received does not match its fingerprint (SHA-1): it is not attached.',
  },
  'source.size-mismatch': {
    fr: 'Le document reçu n’a pas la taille annoncée ({actual} au lieu de {expected} octets) : il n’est pas joint.',
    en: 'The document received does not have the announced size ({actual} instead of {expected} bytes): it is not attached.',
  },
  'source.too-large': { fr: 'Document trop volumineux ({size}) : au-delà de {limit}.', en: 'Document too large ({size}): over {limit}.' },
  'source.untrusted-url': {
    fr: 'Le dossier patient désigne une adresse hors de son serveur ({origin}) : refusé.',
    en: 'The patient record points outside its server ({origin}): refused.',
  },
  'source.bad-response': { fr: 'Réponse inattendue du dossier patient ({detail}).', en: 'Unexpected answer from the patient record ({detail}).' },
  'source.network': { fr: 'Dossier patient injoignable ({detail}).', en: 'Patient record unreachable ({detail}).' },
  'source.no-content': { fr: 'Ce document n’a pas de contenu téléchargeable.', en: 'This document has no downloadable content.' },
  'psc.acr': {
    fr: 'Authentification Pro Santé Connect insuffisante (niveau « {acr} », eidas1 au moins attendu) : reconnectez-vous avec votre carte CPS ou e-CPS.',
    en: 'Pro Santé Connect authentication too weak (level “{acr}”, at least eidas1 expected): sign in again with your CPS card or e-CPS.',
  },
  'psc.expired': { fr: 'Session Pro Santé Connect expirée : reconnectez-vous.', en: 'Pro Santé Connect session expired: sign in again.' },
  'psc.claims': { fr: 'Réponse Pro Santé Connect incomplète ({detail}).', en: 'Incomplete Pro Santé Connect answer ({detail}).' },
} satisfies Record<string, LocalizedText>;

export type DocumentMessageCode = keyof typeof documentMessages;

/** The text of `code` with `{name}` placeholders filled; a LocalizedText parameter gives each language its own value. */
export function documentText(code: DocumentMessageCode, params: Record<string, string | number | LocalizedText> = {}): LocalizedText {
  const m: LocalizedText = documentMessages[code];
  const fill = (s: string, lang: 'fr' | 'en') =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = params[k];
      if (v === undefined) return `{${k}}`;
      return typeof v === 'object' ? v[lang] : String(v);
    });
  return { fr: fill(m.fr, 'fr'), en: fill(m.en, 'en') };
}

/** Bytes as a short French/English size (`25 Mo` / `25 MB`), 1 MB = 1,048,576 bytes. */
export function formatSize(bytes: number): LocalizedText {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) {
    const v = mb >= 10 ? mb.toFixed(0) : mb.toFixed(1);
    return { fr: `${v.replace('.', ',')} Mo`, en: `${v} MB` };
  }
  const kb = Math.max(1, Math.round(bytes / 1024));
  return { fr: `${kb} Ko`, en: `${kb} KB` };
}
