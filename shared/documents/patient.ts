// The patient a message is about: identity, the XDS patientId (CX), the Mon espace santé address, one patient per message.
import { checkMatriculeIns } from '../recipient-policy/ins';
import { PATIENT_DOMAIN } from '../recipient-policy/classify';
import type { LocalizedText } from '../model';
import { hl7Escape, oneLine, parseIsoDate } from './text';
import { documentText } from './messages';

/** INS assigning-authority OIDs: NIR, NIA, test NIR, demonstration NIR. */
export const INS_OID = { NIR: '1.2.250.1.213.1.4.8', NIA: '1.2.250.1.213.1.4.9', TEST: '1.2.250.1.213.1.4.10', DEMO: '1.2.250.1.213.1.4.11' } as const;
export type InsOid = (typeof INS_OID)[keyof typeof INS_OID];
export const INS_OIDS: readonly string[] = Object.values(INS_OID);

export interface PatientIdentity {
  /** Matricule INS (15 characters) and its authority; `qualified` is true only when the DI marks the identity as qualified. */
  ins?: { matricule: string; oid?: InsOid; qualified: boolean };
  /** Local patient id (IPP) and the OID of the organisation that assigns it. */
  ipp?: { value: string; oid: string };
  /** Birth family name (nom de naissance). */
  family: string;
  /** First given name (premier prénom de naissance). */
  given: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex?: 'M' | 'F' | 'U';
  /** File number (n° de dossier / séjour) printed in the PDF name. */
  caseNumber?: string;
}

export class PatientError extends Error {
  constructor(
    readonly code: 'ins-invalid' | 'ins-not-qualified' | 'ins-missing' | 'identity-incomplete' | 'birth-date' | 'mixed-patients',
    readonly text: LocalizedText,
  ) {
    super(text.en);
    this.name = 'PatientError';
  }
}

/** Checks the identity and returns it normalised (INS upper-case, names on one line). Throws PatientError. */
export function normalisePatient(p: PatientIdentity): PatientIdentity {
  const family = oneLine(p.family ?? '');
  const given = oneLine(p.given ?? '');
  if (!family || !given) throw new PatientError('identity-incomplete', documentText('patient.identity-incomplete'));
  if (!parseIsoDate(p.birthDate ?? '')) throw new PatientError('birth-date', documentText('patient.birth-date', { value: oneLine(p.birthDate ?? '') }));
  if (!p.ins && !p.ipp) throw new PatientError('ins-missing', documentText('patient.no-identifier'));
  const out: PatientIdentity = { ...p, family, given, birthDate: p.birthDate.trim() };
  if (p.ins) {
    const check = checkMatriculeIns(p.ins.matricule.trim());
    if (!check.valid) throw new PatientError('ins-invalid', documentText('patient.ins-invalid', { reason: check.reason }));
    const oid = p.ins.oid ?? (check.kind === 'NIA' ? INS_OID.NIA : INS_OID.NIR);
    if (!INS_OIDS.includes(oid)) throw new PatientError('ins-invalid', documentText('patient.ins-invalid', { reason: 'oid' }));
    out.ins = { matricule: check.matricule, oid, qualified: p.ins.qualified === true };
  }
  if (p.caseNumber !== undefined) out.caseNumber = oneLine(p.caseNumber);
  return out;
}

/**
 * The XDS patientId (HL7 v2 CX): `<INS>^^^&<OID>&ISO^NH` from the INS, else `<IPP>^^^&<OID>&ISO^PI`.
 * The INS is used only when qualified, as the INS rules require.
 */
export function xdmPatientId(p: PatientIdentity): string {
  if (p.ins?.qualified) return `${hl7Escape(p.ins.matricule)}^^^&${hl7Escape(p.ins.oid ?? INS_OID.NIR)}&ISO^NH`;
  if (p.ipp) return `${hl7Escape(p.ipp.value)}^^^&${hl7Escape(p.ipp.oid)}&ISO^PI`;
  throw new PatientError('ins-not-qualified', documentText('patient.no-usable-identifier'));
}

/** The local id (IPP) in CX form, or the INS when there is no IPP: the XDS sourcePatientId. */
export function xdmSourcePatientId(p: PatientIdentity): string {
  if (p.ipp) return `${hl7Escape(p.ipp.value)}^^^&${hl7Escape(p.ipp.oid)}&ISO^PI`;
  return xdmPatientId(p);
}

/**
 * The Mon espace santé address `<INS>@patient.mssante.fr`, built only from a valid matricule of a *qualified*
 * INS-NIR (not from a NIA, a test or demonstration INS, nor an unqualified identity).
 */
export function patientAddress(p: Pick<PatientIdentity, 'ins'>): string {
  if (!p.ins) throw new PatientError('ins-missing', documentText('patient.address-no-ins'));
  const check = checkMatriculeIns(p.ins.matricule.trim());
  if (!check.valid) throw new PatientError('ins-invalid', documentText('patient.ins-invalid', { reason: check.reason }));
  if (!p.ins.qualified) throw new PatientError('ins-not-qualified', documentText('patient.address-not-qualified'));
  const oid = p.ins.oid ?? (check.kind === 'NIA' ? INS_OID.NIA : INS_OID.NIR);
  if (oid !== INS_OID.NIR || check.kind !== 'NIR') throw new PatientError('ins-not-qualified', documentText('patient.address-not-nir'));
  return `${check.matricule}@${PATIENT_DOMAIN}`;
}

/** A comparable key of a patient: the INS when present, else the IPP with its authority. */
export function patientKey(p: Pick<PatientIdentity, 'ins' | 'ipp'>): string {
  if (p.ins) return `ins:${p.ins.matricule.trim().toUpperCase()}`;
  if (p.ipp) return `ipp:${p.ipp.oid}|${p.ipp.value.trim()}`;
  return 'unknown';
}

/**
 * One patient per message: every document attached must belong to the same patient. Two identities match when
 * they share an INS, or (when either lacks one) the same IPP; an unidentified document cannot be mixed in.
 * Throws PatientError `mixed-patients`.
 */
export function assertOnePatient(patients: ReadonlyArray<Pick<PatientIdentity, 'ins' | 'ipp'>>): void {
  const [first, ...rest] = patients;
  if (!first) return;
  for (const other of rest) {
    if (!samePatient(first, other)) throw new PatientError('mixed-patients', documentText('patient.mixed'));
  }
}

function samePatient(a: Pick<PatientIdentity, 'ins' | 'ipp'>, b: Pick<PatientIdentity, 'ins' | 'ipp'>): boolean {
  if (a.ins && b.ins) return a.ins.matricule.trim().toUpperCase() === b.ins.matricule.trim().toUpperCase();
  if (a.ipp && b.ipp) return a.ipp.oid === b.ipp.oid && a.ipp.value.trim() === b.ipp.value.trim();
  return false;
}
