// The sender as the XDS metadata name it, from the Pro Santé Connect identity: national id (SubjectNameID), names,
// and the structure of the first activity (name, FINESS-based national structure id when PSC gives one).
import type { XdmAuthor } from '../documents/xdm-types';
import type { PscProfessional } from './claims';

export function authorOfProfessional(p: PscProfessional): XdmAuthor {
  const activity = p.exercices[0]?.activities[0];
  const name = activity?.raisonSociale ?? activity?.enseigne;
  const structureId = activity?.finessSite ? `1${activity.finessSite}` : activity?.siret ? `3${activity.siret}` : undefined;
  return {
    idNat: p.nationalId,
    ...(p.familyName ? { family: p.familyName } : {}),
    ...(p.givenName ? { given: p.givenName } : {}),
    ...(name ? { institution: { name, ...(structureId ? { idNat: structureId } : {}) } } : {}),
    ...(activity?.email ? { mail: activity.email } : {}),
  };
}
