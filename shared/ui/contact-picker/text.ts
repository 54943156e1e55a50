// The picker's words, French first.
import type { Language } from '../../model';
import type { RecipientField } from './ContactPicker';

const typeNames = {
  fr: {
    PER: ['Pers.', 'Boîte personnelle'],
    ORG: ['Org.', 'Boîte organisationnelle (service)'],
    APP: ['App.', 'Boîte applicative'],
    CAB: ['Cab.', 'Boîte de cabinet'],
  },
  en: {
    PER: ['Pers.', 'Personal mailbox'],
    ORG: ['Org.', 'Organisational mailbox (department)'],
    APP: ['App.', 'Application mailbox'],
    CAB: ['Pract.', 'Practice mailbox'],
  },
} as const;

const make = (lang: Language) => {
  const fr = lang === 'fr';
  const field = fr ? { to: 'À', cc: 'Cc', bcc: 'Cci' } : { to: 'To', cc: 'Cc', bcc: 'Bcc' };
  const names = typeNames[lang] as Record<string, readonly [string, string]>;
  return {
    title: 'Annuaire Santé',
    label: fr ? 'Rechercher un professionnel ou un service' : 'Search for a professional or a department',
    placeholder: fr ? 'Nom, profession, ville, établissement, RPPS…' : 'Name, profession, city, organisation, RPPS…',
    hint: fr
      ? 'Flèches pour choisir, Entrée pour ajouter en «\u202fÀ\u202f», Maj+Entrée en Cc, Ctrl+Entrée en Cci.'
      : 'Arrows to choose, Enter adds to “To”, Shift+Enter to Cc, Ctrl+Enter to Bcc.',
    addName: (name: string) => (fr ? `Ajouter ${name} en` : `Add ${name} to`),
    addChosen: fr ? 'Ajouter le résultat choisi' : 'Add the chosen result',
    results: fr ? 'Résultats de l’Annuaire Santé' : 'Annuaire Santé results',
    loading: fr ? 'Recherche…' : 'Searching…',
    none: fr
      ? 'Aucune boîte MSSanté trouvée. Les boîtes en liste rouge ne sont pas publiées.'
      : 'No MSSanté mailbox found. Red-listed mailboxes are not published.',
    failed: fr ? 'La recherche a échoué.' : 'The search failed.',
    alsoAt: fr ? 'Aussi\u00a0: ' : 'Also: ',
    didYouMean: fr ? 'Vouliez-vous dire' : 'Did you mean',
    or: fr ? 'ou' : 'or',
    quoted: (q: string) => (fr ? `«\u00a0${q}\u00a0»` : `“${q}”`),
    questionMark: fr ? '\u202f?' : '?',
    didYouMeanSentence: (qs: string[]) =>
      fr ? `Vouliez-vous dire ${qs.map((q) => `«\u00a0${q}\u00a0»`).join(' ou ')}\u202f?` : `Did you mean ${qs.map((q) => `“${q}”`).join(' or ')}?`,
    count: (n: number) => (fr ? `${n} résultat${n > 1 ? 's' : ''}` : `${n} result${n > 1 ? 's' : ''}`),
    field,
    fieldShort: field,
    addTo: (name: string, f: string) => (fr ? `Ajouter ${name} en ${f}` : `Add ${name} to ${f}`),
    inserted: (name: string, f: string) => (fr ? `${name} ajouté en ${f}` : `${name} added to ${f}`),
    typeShort: (t: string) => names[t]?.[0] ?? t,
    typeLong: (t: string) => names[t]?.[1] ?? t,
    patientTitle: fr ? 'Écrire à un patient (adresse INS)' : 'Write to a patient (INS address)',
    insLabel: fr ? 'Matricule INS qualifié du patient (15 caractères)' : 'Patient’s qualified INS (15 characters)',
    insHint: fr ? 'Recopiez l’INS qualifié depuis le dossier du patient.' : 'Copy the qualified INS from the patient record.',
    insInvalid: fr
      ? {
          length: 'L’INS compte 15 caractères.',
          characters: 'Caractères invalides (chiffres, 2A ou 2B).',
          key: 'Clé de contrôle fausse\u00a0: vérifiez l’INS.',
          sex: 'Premier chiffre invalide.',
          month: 'Mois de naissance invalide.',
        }
      : {
          length: 'An INS has 15 characters.',
          characters: 'Invalid characters (digits, 2A or 2B).',
          key: 'Wrong check key: check the INS.',
          sex: 'Invalid first digit.',
          month: 'Invalid birth month.',
        },
    addPatient: (f: string) => (fr ? `Ajouter en ${f}` : `Add to ${f}`),
  } satisfies Record<string, unknown> & { field: Record<RecipientField, string> };
};

export const text = { fr: make('fr'), en: make('en') };
export type PickerText = ReturnType<typeof make>;
