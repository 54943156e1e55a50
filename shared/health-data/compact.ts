// Health-data detection with the hand-written core vocabulary only, and without the detectors of rare shapes in a
// sent message (HL7 v2 segments pasted in the body, RPPS/ADELI numbers): for a host with a tight size budget
// (Outlook's event-based handler, 150 KB in all). The library's entry (index.ts) has every list and detector;
// `npm run eval:health` measures both.
import { createScanner } from './scan';
import { nirDetector } from './detectors/nir';
import { patientAddressDetector } from './detectors/patient-address';
import { personDetector } from './detectors/person';
import { ageDetector } from './detectors/age';
import { headerNameDetector } from './detectors/header-name';
import { reportSubjectDetector } from './detectors/report-subject';
import { clinicalTermsDetector } from './detectors/clinical-terms';
import { measurementsDetector } from './detectors/measurements';
import { attachmentNamesDetector } from './detectors/attachment-names';

export const compactDetectors = [
  nirDetector,
  patientAddressDetector,
  personDetector,
  ageDetector,
  headerNameDetector,
  reportSubjectDetector,
  clinicalTermsDetector,
  measurementsDetector,
  attachmentNamesDetector,
] as const;

export const { scanText, scanDraft } = createScanner(compactDetectors);
export { THRESHOLD, PROXIMITY } from './score';
