// Health-data detection with the hand-written vocabulary only (about 25 KB): for a host with a tight size budget
// (Outlook's event-based handler, 150 KB in all). The library's entry (index.ts) adds the lists generated from public
// terminologies; `npm run eval:health` measures both.
export { scanText, scanDraft } from './scan';
export { THRESHOLD, PROXIMITY } from './score';
export { findNirs } from './detectors/nir';
