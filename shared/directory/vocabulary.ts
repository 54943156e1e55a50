// The search vocabulary kept as data (data/vocabulary.json, with its schema and sources): the words people type
// for professions and specialties (TRE_G15, TRE_R38), civilities to ignore, words that name a service, and the
// place abbreviations of La Poste routing lines.
import data from './data/vocabulary.json';
import { fold, words } from './normalize';

export const CIVILITY_WORDS: ReadonlySet<string> = new Set(data.civilities);
export const SERVICE_WORDS: ReadonlySet<string> = new Set([...data.serviceWords, ...data.serviceKindWords]);
/** Service words that say what kind of mailbox is wanted without naming one ("service"): not matched. */
export const SERVICE_KIND_WORDS: ReadonlySet<string> = new Set(data.serviceKindWords);
export const PLACE_ABBREVIATIONS: Readonly<Record<string, string>> = data.placeAbbreviations;
export const PLACE_NOISE: ReadonlySet<string> = new Set(data.placeNoise);

/** TRE_G15-ProfessionSante labels by code. */
export const PROFESSION_LABELS: Readonly<Record<string, string>> = Object.fromEntries(data.professions.map((p) => [p.code, p.label]));
/** TRE_R38-SpecialiteOrdinale labels by code (without the "(SM)" suffix, as the extraction writes them). */
export const SPECIALTY_LABELS: Readonly<Record<string, string>> = Object.fromEntries(data.specialties.map((s) => [s.code, s.label]));

const byCode = new Map<string, string[]>();
const byLabel = new Map<string, string[]>();
/** Folded word → as written (with its accents), from the forms and the labels. */
const written = new Map<string, string>();
const coded = [...data.professions, ...data.specialties].map((e) => ({ ...e, forms: e.forms.map((f) => fold(f)) }));
for (const entry of [...data.professions, ...data.specialties]) {
  for (const w of [...entry.forms, ...entry.label.toLowerCase().split(/[^\p{L}\d]+/u)]) if (w && !written.has(fold(w))) written.set(fold(w), w);
}
for (const entry of coded) {
  byCode.set(entry.code, entry.forms);
  byLabel.set(fold(entry.label), entry.forms);
}

/** A folded word as people write it when the vocabulary knows it ("generaliste" → "généraliste"), else as is. */
export function spelled(word: string): string {
  return written.get(word) ?? word;
}

// Services are named after specialties ("Cardiologie", "Médecine interne"): a service gives the forms of every
// specialty whose label begins with the service's name.
const labelWords = coded.filter((e) => e.code.startsWith('S')).map((e) => ({ text: words(e.label).join(' '), forms: e.forms }));

/** The forms people type for a service named after a specialty: "Cardiologie" → cardiologue, cardiologues… */
export function serviceForms(service: string): string[] {
  const name = words(service).join(' ');
  if (name.length < 5) return [];
  const out = new Set<string>();
  for (const l of labelWords) if (l.text === name || l.text.startsWith(`${name} `)) for (const f of l.forms) out.add(f);
  return [...out];
}

/** Every word a query may use for a profession or specialty (the forms of the table and the words of the labels). */
export const VOCABULARY_WORDS: ReadonlySet<string> = new Set(coded.flatMap((e) => [...e.forms, ...words(e.label)]));

/**
 * The forms people type for a profession or specialty, found by its code, else by its label (folded): the words a
 * mailbox is also found by. Unknown codes and labels have none.
 */
export function formsOf(code: string, label: string): readonly string[] {
  return (code ? byCode.get(code.trim().toUpperCase()) : undefined) ?? (label ? byLabel.get(fold(label.trim())) : undefined) ?? [];
}
