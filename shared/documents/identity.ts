// The patient of a message, taken from the CDA's recordTarget first; what the host or the command line states only
// fills what the CDA lacks, and a stated trait that contradicts the CDA is an error (a wrong patient is worse than none).
import type { CdaDocument } from './cda';
import { parseCdaTime } from './cda';
import { documentText } from './messages';
import { INS_OID, INS_OIDS, PatientError, type InsOid, type PatientIdentity } from './patient';
import { oneLine, withoutAccents } from './text';

/** What a host or the command line knows of the patient (any part may be missing). */
export type StatedPatient = Partial<Omit<PatientIdentity, 'ins'>> & { ins?: { matricule: string; oid?: InsOid; qualified?: boolean } };

/** The INS kinds a user can name, and their assigning authority. */
export const INS_KINDS: Record<'nir' | 'nia' | 'test' | 'demo', InsOid> = { nir: INS_OID.NIR, nia: INS_OID.NIA, test: INS_OID.TEST, demo: INS_OID.DEMO };

/** The identity a CDA states. An INS in a CI-SIS recordTarget is a qualified INS (only a qualified INS may be written there). */
export function patientOfCda(doc: CdaDocument): StatedPatient {
  const p = doc.patient;
  const ins = p.ids.find((i) => INS_OIDS.includes(i.root) && i.extension);
  const ipp = p.ids.find((i) => !INS_OIDS.includes(i.root) && i.extension);
  const birth = parseCdaTime(p.birthTime);
  const sex = p.sex === 'M' || p.sex === 'F' || p.sex === 'U' ? p.sex : undefined;
  return {
    ...(ins ? { ins: { matricule: ins.extension!.toUpperCase(), oid: ins.root as InsOid, qualified: true } } : {}),
    ...(ipp ? { ipp: { value: ipp.extension!, oid: ipp.root } } : {}),
    ...(p.family ? { family: p.family } : {}),
    ...(p.given ? { given: p.given } : {}),
    ...(birth ? { birthDate: birth.isoDate } : {}),
    ...(sex ? { sex } : {}),
  };
}

const fold = (s: string) =>
  withoutAccents(oneLine(s))
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();

function contradiction(field: string, stated: string, inCda: string): PatientError {
  return new PatientError('contradicts-cda', documentText('patient.contradicts-cda', { field, stated: oneLine(stated), cda: oneLine(inCda) }));
}

/**
 * The CDA's identity completed by the stated one. Throws PatientError `contradicts-cda` when the two disagree on the
 * INS, its authority, the IPP, the birth date, the sex or the birth names.
 */
export function mergePatient(fromCda: StatedPatient, stated: StatedPatient): StatedPatient {
  const out: StatedPatient = { ...stated, ...fromCda };
  if (fromCda.ins && stated.ins) {
    if (fromCda.ins.matricule !== stated.ins.matricule.trim().toUpperCase()) throw contradiction('INS', stated.ins.matricule, fromCda.ins.matricule);
    if (stated.ins.oid && stated.ins.oid !== fromCda.ins.oid) throw contradiction('INS authority', stated.ins.oid, fromCda.ins.oid ?? '');
    out.ins = { ...fromCda.ins, qualified: fromCda.ins.qualified === true && stated.ins.qualified !== false };
  }
  if (fromCda.ipp && stated.ipp && (fromCda.ipp.value !== stated.ipp.value.trim() || fromCda.ipp.oid !== stated.ipp.oid))
    throw contradiction('IPP', stated.ipp.value, fromCda.ipp.value);
  if (fromCda.birthDate && stated.birthDate && fromCda.birthDate !== stated.birthDate.trim())
    throw contradiction('birth date', stated.birthDate, fromCda.birthDate);
  if (fromCda.sex && stated.sex && fromCda.sex !== stated.sex) throw contradiction('sex', stated.sex, fromCda.sex);
  if (fromCda.family && stated.family && fold(fromCda.family) !== fold(stated.family)) throw contradiction('birth family name', stated.family, fromCda.family);
  if (fromCda.given && stated.given && fold(fromCda.given) !== fold(stated.given)) throw contradiction('first given name', stated.given, fromCda.given);
  if (stated.caseNumber) out.caseNumber = stated.caseNumber;
  return out;
}

/** True when the identity has the INS and its four traits (birth name, first given name, birth date, sex M/F). */
export function hasFourTraits(p: Pick<PatientIdentity, 'ins' | 'family' | 'given' | 'birthDate' | 'sex'>): boolean {
  return !!p.ins?.qualified && !!oneLine(p.family ?? '') && !!oneLine(p.given ?? '') && !!p.birthDate && (p.sex === 'M' || p.sex === 'F');
}
