// Every detector, in one list. A detector not listed here does not run (a test checks the list against detectors/).
import type { Detector } from './types';
import { nirDetector } from './detectors/nir';
import { patientAddressDetector } from './detectors/patient-address';
import { professionalIdDetector } from './detectors/professional-id';
import { personDetector } from './detectors/person';
import { clinicalTermsDetector } from './detectors/clinical-terms';
import { measurementsDetector } from './detectors/measurements';
import { attachmentNamesDetector } from './detectors/attachment-names';

export const detectors: readonly Detector[] = [
  nirDetector,
  patientAddressDetector,
  professionalIdDetector,
  personDetector,
  clinicalTermsDetector,
  measurementsDetector,
  attachmentNamesDetector,
];
