// Smart Alerts handlers: the client layer's send check (shared/client) over OfficeComposeSession, and the verdict as
// Outlook shows it. Every path calls event.completed exactly once and within SEND_BUDGET_MS plus a margin: an Office
// call or the server that never answers gives the failure policy's verdict, never Outlook's "taking longer" prompt
// (after which a SoftBlock add-in lets the message go).
import { defaultPolicy } from '../../shared/config/policy';
import { runSendCheck, within } from '../../shared/client/run-check';
import { cannotCheck } from '../../shared/client/failure';
import { verdictView } from '../../shared/client/verdict-view';
import { languageOf } from '../../shared/i18n/messages';
// The compact detection (hand-written core vocabulary): the full lists do not fit the handler's size budget;
// npm run eval:health measures both.
import { scanDraft } from '../../shared/health-data/compact';
import type { Verdict } from '../../shared/model';
import { checkState } from './server-state';
import { OfficeComposeSession, type OfficeComposeItem } from '../office/office-compose-session';
import type { OrgPolicy } from '../../shared/config/policy';
import { reportCheck } from './audit';
import { OVERRIDE_KEY, readStamped, WARNED_KEY, writeStamped, type SessionDataLike } from '../office/override-session';
import type { PostFetch } from '../../shared/audit/reporter';

export const OUTLOOK_MESSAGE_LIMIT = 500;
/** Office calls and the server together; event.completed follows at once (Smart Alerts says "taking longer" at 5 s). */
export const SEND_BUDGET_MS = 3500;
/** The task-pane button that the Smart Alerts dialog opens (manifest Control id). */
export const PICKER_COMMAND_ID = 'vigieOpenPicker';

export interface SendEvent {
  completed(options?: { allowEvent?: boolean; errorMessage?: string; cancelLabel?: string; commandId?: string; sendModeOverride?: string }): void;
}

interface OfficeLike {
  context: {
    urls?: { javascriptRuntimeUrl?: string };
    displayLanguage?: string;
    mailbox: {
      item: OfficeComposeItem & {
        sessionData?: SessionDataLike;
        notificationMessages?: { replaceAsync(key: string, msg: object, cb?: () => void): void; removeAsync(key: string, cb?: () => void): void };
      };
      userProfile?: { emailAddress?: string };
    };
    requirements?: { isSetSupported(name: string, version: string): boolean };
  };
}

declare const Office: OfficeLike;
declare const fetch: Parameters<typeof checkState>[1];

/** The companion server's origin: the add-in's JavaScript comes from it (Mailbox 1.14 tells its URL). */
function serverBase(): string | undefined {
  const url = Office.context.urls?.javascriptRuntimeUrl;
  const m = url ? /^(https:\/\/[^/?#]+)/.exec(url) : null;
  return m ? m[1] : undefined;
}

/** The policy of the last check (the audit journal's settings follow it). */
let checkedPolicy: OrgPolicy | undefined;

async function context() {
  const { whitelist, policy } = await checkState(serverBase(), typeof fetch === 'function' ? fetch : undefined);
  checkedPolicy = policy;
  return { whitelist, policy, scanHealthData: scanDraft };
}

function session(): OfficeComposeSession {
  return new OfficeComposeSession(Office.context.mailbox.item, Office.context.mailbox.userProfile?.emailAddress);
}

/** What Outlook shows for a verdict: the view's message, and the buttons Mailbox 1.14 allows. */
export function completion(verdict: Verdict, lang: 'fr' | 'en'): Parameters<SendEvent['completed']>[0] {
  if (verdict.verdict === 'allow') return { allowEvent: true };
  const view = verdictView(verdict, lang, { maxLength: OUTLOOK_MESSAGE_LIMIT });
  const supports14 = Office.context.requirements?.isSetSupported('Mailbox', '1.14') ?? false;
  return {
    allowEvent: false,
    errorMessage: view.message,
    ...(supports14 && view.actions.includes('directory')
      ? { cancelLabel: lang === 'fr' ? 'Annuaire Santé' : 'Find address', commandId: PICKER_COMMAND_ID }
      : {}),
    // A warning lets the user send anyway; a block does not. Its button opens the task pane, where the reason is given.
    ...(verdict.verdict === 'warn' && supports14
      ? { sendModeOverride: 'promptUser', cancelLabel: lang === 'fr' ? 'Donner un motif' : 'Give a reason', commandId: PICKER_COMMAND_ID }
      : {}),
  };
}

/** How long reading the pane's reason (sessionData) may take: it runs beside the check, within its budget. */
const SESSION_WAIT_MS = 300;

export async function onMessageSend(event: SendEvent): Promise<void> {
  const lang = languageOf(Office.context.displayLanguage);
  const data = Office.context.mailbox.item.sessionData;
  const started = Date.now();
  checkedPolicy = undefined;
  let verdict: Verdict;
  const given = within(readStamped(data, OVERRIDE_KEY), SESSION_WAIT_MS).catch(() => undefined);
  try {
    ({ verdict } = await runSendCheck({ readDraft: () => session().readDraft(), context, budgetMs: SEND_BUDGET_MS }));
  } catch {
    verdict = cannotCheck('core-error', defaultPolicy());
  }
  // A warning the user gave a reason for in the task pane goes, once; a block never does.
  const reason = verdict.verdict === 'warn' ? (await given)?.reason : undefined;
  if (reason) data?.removeAsync(OVERRIDE_KEY);
  else if (verdict.verdict === 'warn') void writeStamped(data, WARNED_KEY, {});
  const outcome = verdict.verdict === 'allow' || reason ? (reason ? 'overridden' : 'sent') : verdict.verdict === 'block' ? 'stopped' : undefined;
  await reportCheck(
    serverBase(),
    typeof fetch === 'function' ? (fetch as unknown as PostFetch) : undefined,
    checkedPolicy ?? defaultPolicy(),
    verdict,
    outcome,
    reason,
    SEND_BUDGET_MS - (Date.now() - started),
  );
  event.completed(reason ? { allowEvent: true } : completion(verdict, lang));
}

/** Warns early, in the info bar, when a recipient outside MSSanté is added (no blocking here). */
export async function onRecipientsChanged(event: SendEvent): Promise<void> {
  try {
    const item = Office.context.mailbox.item;
    const lang = languageOf(Office.context.displayLanguage);
    const { verdict } = await runSendCheck({
      readDraft: async () => ({ ...(await session().readDraft()), body: '' }),
      context: async () => ({ ...(await context()), scanHealthData: undefined }),
      budgetMs: SEND_BUDGET_MS,
    });
    const bar = item.notificationMessages;
    if (bar) {
      const update = new Promise<void>((resolve) => {
        if (verdict.verdict === 'allow') bar.removeAsync('vigie', () => resolve());
        else
          bar.replaceAsync(
            'vigie',
            { type: 'informationalMessage', message: verdictView(verdict, lang, { maxLength: 150 }).message, icon: 'Icon.16x16', persistent: false },
            () => resolve(),
          );
      });
      await within(update, 500).catch(() => undefined);
    }
  } finally {
    event.completed();
  }
}
