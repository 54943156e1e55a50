// Every detector, in one list. A detector not listed here does not run (a test checks the list against detectors/).
import type { Detector } from './types';
import { nirDetector } from './detectors/nir';
import { patientAddressDetector } from './detectors/patient-address';
import { professionalIdDetector } from './detectors/professional-id';
import { personDetector } from './detectors/person';
import { ageDetector } from './detectors/age';
import { headerNameDetector } from './detectors/header-name';
import { hl7Detector } from './detectors/hl7';
import { reportSubjectDetector } from './detectors/report-subject';
import { clinicalTermsDetector } from './detectors/clinical-terms';
import { measurementsDetector } from './detectors/measurements';
import { attachmentNamesDetector } from './detectors/attachment-names';

export const detectors: readonly Detector[] = [
  nirDetector,
  patientAddressDetector,
  professionalIdDetector,
  personDetector,
  ageDetector,
  headerNameDetector,
  hl7Detector,
  reportSubjectDetector,
  clinicalTermsDetector,
  measurementsDetector,
  attachmentNamesDetector,
];
