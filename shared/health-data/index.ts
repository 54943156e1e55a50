// Health-data detection: is this message carrying personal health data? Runs on the user's machine only.
export { scanText, scanDraft } from './scan';
export { detectors } from './registry';
export { THRESHOLD, PROXIMITY } from './score';
export { findNirs } from './detectors/nir';
export type { Signal, Detector, TextDetector, AttachmentDetector } from './types';
