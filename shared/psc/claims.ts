// Pro Santé Connect (PSC): constants and the mapping of its claims to a typed professional. Platform-blind:
// the login flow itself runs on a server (confidential client), see server/psc.
import type { LocalizedText } from '../model';
import { documentText } from '../documents/messages';

export const PSC_ISSUERS = {
  sandbox: 'https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet',
  production: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet',
} as const;

/** PSC serves its discovery document at this non-standard path under the issuer. */
export const PSC_DISCOVERY_PATH = '/.well-known/wallet-openid-configuration';
export const PSC_SCOPE = 'openid scope_all';
/** The level Vigie asks for: eIDAS substantial. PSC may answer with a higher one (CPS card, e-CPS: `eidas2`). */
export const PSC_ACR = 'eidas1';
/** The eIDAS levels PSC names, lowest first; any level from `eidas1` up is accepted. */
export const PSC_ACR_LEVELS = ['eidas0', 'eidas1', 'eidas2', 'eidas3'] as const;

export function pscDiscoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}${PSC_DISCOVERY_PATH}`;
}

export interface PscActivity {
  /** L libéral, S salarié… */
  modeExercice?: string;
  secteurActivite?: string;
  role?: string;
  genreActivite?: string;
  /** Structure: name and ids. */
  raisonSociale?: string;
  enseigne?: string;
  finessSite?: string;
  finessJuridique?: string;
  siret?: string;
  structureId?: string;
  postcode?: string;
  city?: string;
  email?: string;
  phone?: string;
}

export interface PscExercice {
  /** Profession code (TRE_G15: 10 médecin, 21 pharmacien, 60 infirmier…). */
  profession?: string;
  categorie?: string;
  civilite?: string;
  familyName?: string;
  givenName?: string;
  savoirFaireType?: string;
  savoirFaire?: string;
  activities: PscActivity[];
}

export interface PscProfessional {
  /** `sub` of the OIDC subject. */
  subject: string;
  /** National id of the professional (idNat_PS: `8` + RPPS, `0` + ADELI…): the PSC `SubjectNameID`. */
  nationalId: string;
  /** RPPS when the national id is RPPS-based or an `otherIds` entry says so. */
  rpps?: string;
  familyName?: string;
  givenName?: string;
  civilite?: string;
  exercices: PscExercice[];
  otherIds: Array<{ id: string; origin?: string }>;
}

export class PscError extends Error {
  constructor(
    readonly code: 'acr' | 'expired' | 'claims' | 'state',
    readonly text: LocalizedText,
  ) {
    super(text.en);
    this.name = 'PscError';
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** True when `acr` is `eidas1` or a higher level PSC names (`eidas2`, `eidas3`); anything else, missing included, is not. */
export function acrAtLeastEidas1(acr: unknown): boolean {
  const rank = typeof acr === 'string' ? (PSC_ACR_LEVELS as readonly string[]).indexOf(acr) : -1;
  return rank >= PSC_ACR_LEVELS.indexOf(PSC_ACR);
}

/** Throws PscError `acr` unless the ID token says the professional authenticated at `eidas1` or higher. */
export function assertEidas1(idTokenClaims: object): void {
  const acr = (idTokenClaims as { acr?: unknown }).acr;
  if (!acrAtLeastEidas1(acr)) throw new PscError('acr', documentText('psc.acr', { acr: typeof acr === 'string' ? acr : '—' }));
}

/** Maps PSC userinfo (JSON already parsed) to a professional. Throws PscError `claims` without sub or SubjectNameID. */
export function mapPscUserInfo(raw: unknown): PscProfessional {
  const u = obj(raw);
  const subject = str(u.sub);
  const nationalId = str(u.SubjectNameID);
  if (!subject || !nationalId) throw new PscError('claims', documentText('psc.claims', { detail: !subject ? 'sub' : 'SubjectNameID' }));
  const ref = obj(u.SubjectRefPro);
  const exercices: PscExercice[] = arr(ref.exercices).map((e) => {
    const x = obj(e);
    return {
      profession: str(x.codeProfession),
      categorie: str(x.codeCategorieProfessionnelle),
      civilite: str(x.codeCiviliteDexercice),
      familyName: str(x.nomDexercice),
      givenName: str(x.prenomDexercice),
      savoirFaireType: str(x.codeTypeSavoirFaire),
      savoirFaire: str(x.codeSavoirFaire),
      activities: arr(x.activities).map((a) => {
        const y = obj(a);
        return {
          modeExercice: str(y.codeModeExercice),
          secteurActivite: str(y.codeSecteurDactivite),
          role: str(y.codeRole),
          genreActivite: str(y.codeGenreActivite),
          raisonSociale: str(y.raisonSocialeSite),
          enseigne: str(y.enseigneCommercialeSite),
          finessSite: str(y.numeroFinessSite),
          finessJuridique: str(y.numeroFinessetablissementJuridique),
          siret: str(y.numeroSiretSite),
          structureId: str(y.identifiantTechniqueDeLaStructure),
          postcode: str(y.codePostal),
          city: str(y.libelleCommune) ?? str(y.bureauCedex),
          email: str(y.adresseEMail),
          phone: str(y.telephone),
        };
      }),
    };
  });
  const otherIds = arr(u.otherIds)
    .map((o) => obj(o))
    .map((o) => ({ id: str(o.identifiant) ?? '', origin: str(o.origine) }))
    .filter((o) => o.id);
  const rpps = otherIds.find((o) => o.origin === 'RPPS')?.id ?? (/^8\d{11}$/.test(nationalId) ? nationalId.slice(1) : undefined);
  const first = exercices[0];
  return {
    subject,
    nationalId,
    rpps,
    familyName: str(u.family_name) ?? first?.familyName,
    givenName: str(u.given_name) ?? first?.givenName,
    civilite: str(ref.codeCivilite),
    exercices,
    otherIds,
  };
}
