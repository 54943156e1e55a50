// The client shell every host wraps around the core's check: effective settings, the liste blanche in use, the
// failure policy, the send check within a budget, and how a verdict reads.
export { effectiveSettings, userSettingsToSave, languageFor, SETTING_KEYS, type EffectiveSettings, type SettingProblem } from './settings';
export {
  ListeBlancheSource,
  judgeServerList,
  listUrl,
  REFRESH_AFTER_MS,
  memoryListStore,
  refusalNotice,
  type ListStore,
  type StoredList,
  type ListRefusal,
  type ListState,
} from './list-source';
export { cannotCheck, isFailure, failureReason, FAILURE_CAUSES, type CheckFailureCause } from './failure';
export { runSendCheck, HostCallError, within, type SendCheckRun, type SendCheckOutcome } from './run-check';
export { verdictView, type VerdictView, type RecipientView, type VerdictAction } from './verdict-view';
