export { checkDraft, type CheckContext } from './check-draft';
