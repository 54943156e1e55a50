// From a raw extraction row to the DirectoryEntry every host shows.
import type { DirectoryEntry } from '../model';
import type { ExtractionRow } from './extraction';

const CIVILITY: Record<string, string> = { DR: 'Dr', PR: 'Pr', M: 'M.', MME: 'Mme', MLLE: 'Mlle', MR: 'M.' };
const EXERCISE_CIVILITIES = new Set(['DR', 'PR']);

/**
 * The civility a professional is displayed with: the civilité d'exercice (DR, PR) of the extraction, or the
 * Practitioner name suffix of the FHIR API, which is the same value; never the civil one (M, MME), which the
 * extraction does not publish. Empty when there is none.
 */
export function exerciseCivility(value: string | undefined): string {
  const v = (value ?? '').trim().replace(/\.$/, '').toUpperCase();
  return EXERCISE_CIVILITIES.has(v) ? v : '';
}

function titleCase(word: string): string {
  // "JEAN-PIERRE" → "Jean-Pierre"; mixed-case input is kept as typed.
  if (word !== word.toUpperCase()) return word;
  return word.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** What a person or a service is called in a contact list. */
export function displayNameOf(e: Omit<DirectoryEntry, 'displayName'>): string {
  if (e.type === 'PER' || e.type === 'CAB' || e.familyName) {
    const civ = e.civility ? (CIVILITY[e.civility.toUpperCase()] ?? e.civility) : '';
    const name = [civ, e.givenName ? titleCase(e.givenName) : '', e.familyName ? e.familyName.toUpperCase() : ''].filter(Boolean).join(' ');
    if (name && name !== civ) return name;
  }
  const parts = [e.service, e.organisation].filter((s): s is string => !!s);
  if (parts.length) return parts.join(' — ');
  return e.address;
}

/** Drops empty optional fields so entries print cleanly as JSON. */
export function toEntry(row: ExtractionRow): DirectoryEntry {
  const e: Omit<DirectoryEntry, 'displayName'> = { address: row.address.toLowerCase(), type: row.type };
  const set = (k: keyof DirectoryEntry, v: string) => {
    if (v) (e as unknown as Record<string, string>)[k] = v;
  };
  set('civility', exerciseCivility(row.civility));
  set('familyName', row.familyName);
  set('givenName', row.givenName);
  set('profession', row.profession);
  set('specialty', row.specialty);
  set('rpps', row.rpps);
  set('organisation', row.organisation || row.tradeName);
  set('service', row.service);
  set('postcode', row.postcode);
  set('city', row.city);
  set('department', row.department);
  return { ...e, displayName: displayNameOf(e) };
}
