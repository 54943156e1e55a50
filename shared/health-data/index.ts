// Health-data detection: is this message carrying personal health data? Runs on the user's machine only.
import { categories as medicationNames } from './vocabulary/extended/medication-names.json';
import { categories as clinicalEnglish } from './vocabulary/extended/clinical-en.json';
import { categories as clinicalFrench } from './vocabulary/extended/clinical-fr.json';
import { categories as personEnglish } from './vocabulary/extended/person-en.json';
import { categories as personFrench } from './vocabulary/extended/person-fr.json';
import { useExtendedVocabulary } from './lexicon';
import { createScanner } from './scan';
import { detectors } from './registry';

// The lists compact.ts leaves out (vocabulary/extended/): more French clinical terms and roles, English clinical terms
// and roles, and the medicine names generated from the French public medicines database.
useExtendedVocabulary({
  'clinical-fr': { categories: clinicalFrench },
  'clinical-en': { categories: clinicalEnglish },
  'person-fr': { categories: personFrench },
  'person-en': { categories: personEnglish },
  'medication-names': { categories: medicationNames },
});

export const { scanText, scanDraft } = createScanner(detectors);
export { detectors };
export { THRESHOLD, PROXIMITY } from './score';
export { findNirs } from './detectors/nir';
export type { Signal, Detector, TextDetector, AttachmentDetector } from './types';
