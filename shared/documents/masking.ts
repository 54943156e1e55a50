// Visibility of a document (the DI's masking flags, MetaDMPMSS / TRE_A07-StatutVisibiliteDocument), carried in the XDS
// confidentialityCode beside the CDA's own level, so that the receiving DPI and Mon espace santé apply it.
import type { Coded } from './codes';

export const TRE_A07 = '1.2.250.1.213.1.1.4.13';

export interface Masking {
  /** MASQUE_PS: hidden from health professionals. */
  hiddenFromProfessionals?: boolean;
  /** INVISIBLE_PATIENT: not visible to the patient. */
  invisibleToPatient?: boolean;
  /** INVISIBLE_REPRESENTANTS_LEGAUX: not visible to the patient's legal representatives. */
  invisibleToLegalRepresentatives?: boolean;
}

const CODES: Array<[keyof Masking, Coded]> = [
  ['hiddenFromProfessionals', { code: 'MASQUE_PS', codingScheme: TRE_A07, display: 'Masqué aux professionnels de santé' }],
  ['invisibleToPatient', { code: 'INVISIBLE_PATIENT', codingScheme: TRE_A07, display: 'Non visible par le patient' }],
  [
    'invisibleToLegalRepresentatives',
    { code: 'INVISIBLE_REPRESENTANTS_LEGAUX', codingScheme: TRE_A07, display: 'Non visible par les représentants légaux du patient' },
  ],
];

/** The TRE_A07 codes of the flags that are set, in a fixed order. */
export function maskingCodes(m: Masking | undefined): Coded[] {
  return CODES.filter(([k]) => m?.[k] === true).map(([, c]) => c);
}

/** The flags a list of DI security labels (codes of TRE_A07, as MHD's securityLabel carries them) sets. */
export function maskingOfCodes(codes: readonly string[]): Masking {
  const out: Masking = {};
  for (const [k, c] of CODES) if (codes.includes(c.code) || (k === 'invisibleToLegalRepresentatives' && codes.includes('INVISIBLE_REP_LEGAUX'))) out[k] = true;
  return out;
}

/** Merges two sets of flags: a flag set by either stays set (a mask is never dropped on the way). */
export function mergeMasking(a: Masking | undefined, b: Masking | undefined): Masking {
  return {
    ...(a?.hiddenFromProfessionals || b?.hiddenFromProfessionals ? { hiddenFromProfessionals: true } : {}),
    ...(a?.invisibleToPatient || b?.invisibleToPatient ? { invisibleToPatient: true } : {}),
    ...(a?.invisibleToLegalRepresentatives || b?.invisibleToLegalRepresentatives ? { invisibleToLegalRepresentatives: true } : {}),
  };
}
