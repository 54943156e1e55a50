// Smart Alerts handlers: read the draft through OfficeComposeSession, run the core's checkDraft, and end the event.
// Every path calls event.completed exactly once; an error in block mode stops the send with an explanation.
import { checkDraft } from '../../shared/send-check';
import { fitMessage } from '../../shared/send-check/fit-message';
import { defaultPolicy } from '../../shared/config/policy';
import { checkState } from './server-state';
import { languageOf, t } from '../../shared/i18n/messages';
import { scanDraft } from '../../shared/health-data/compact';
import { OfficeComposeSession, type OfficeComposeItem } from '../office/office-compose-session';

export const OUTLOOK_MESSAGE_LIMIT = 500;
/** The task-pane button that the Smart Alerts dialog opens (manifest Control id). */
export const PICKER_COMMAND_ID = 'vigieOpenPicker';

export interface SendEvent {
  completed(options?: { allowEvent?: boolean; errorMessage?: string; cancelLabel?: string; commandId?: string; sendModeOverride?: string }): void;
}

interface OfficeLike {
  context: {
    urls?: { javascriptRuntimeUrl?: string };
    displayLanguage?: string;
    mailbox: { item: OfficeComposeItem & { notificationMessages?: { replaceAsync(key: string, msg: object, cb?: () => void): void; removeAsync(key: string, cb?: () => void): void } }; userProfile?: { emailAddress?: string } };
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

function state() {
  return checkState(serverBase(), typeof fetch === 'function' ? fetch : undefined);
}

export async function onMessageSend(event: SendEvent): Promise<void> {
  let pol = defaultPolicy();
  const lang = languageOf(Office.context.displayLanguage);
  try {
    const { whitelist, policy } = await state();
    pol = policy;
    const session = new OfficeComposeSession(Office.context.mailbox.item, Office.context.mailbox.userProfile?.emailAddress);
    const draft = await session.readDraft();
    const verdict = checkDraft(draft, { whitelist, policy: pol, scanHealthData: scanDraft });
    if (verdict.verdict === 'allow') {
      event.completed({ allowEvent: true });
      return;
    }
    const supports14 = Office.context.requirements?.isSetSupported('Mailbox', '1.14') ?? false;
    event.completed({
      allowEvent: false,
      errorMessage: fitMessage(verdict.message[lang], OUTLOOK_MESSAGE_LIMIT),
      ...(supports14 ? { cancelLabel: lang === 'fr' ? 'Annuaire Santé' : 'Find address', commandId: PICKER_COMMAND_ID } : {}),
      // A warning lets the user send anyway; a block does not.
      ...(verdict.verdict === 'warn' && supports14 ? { sendModeOverride: 'promptUser' } : {}),
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 80) : 'erreur inconnue';
    const text = t('verdict.block.error', { detail }, pol.messages)[lang];
    event.completed(pol.mode === 'block' ? { allowEvent: false, errorMessage: fitMessage(text, OUTLOOK_MESSAGE_LIMIT) } : { allowEvent: false, errorMessage: fitMessage(text, OUTLOOK_MESSAGE_LIMIT), sendModeOverride: 'promptUser' });
  }
}

/** Warns early, in the info bar, when a recipient outside MSSanté is added (no blocking here). */
export async function onRecipientsChanged(event: SendEvent): Promise<void> {
  try {
    const item = Office.context.mailbox.item;
    const lang = languageOf(Office.context.displayLanguage);
    const [draft, { whitelist, policy }] = await Promise.all([new OfficeComposeSession(item, Office.context.mailbox.userProfile?.emailAddress).readDraft(), state()]);
    const verdict = checkDraft({ ...draft, body: '' }, { whitelist, policy });
    const bar = item.notificationMessages;
    if (bar) {
      await new Promise<void>((resolve) => {
        if (verdict.verdict === 'allow') bar.removeAsync('vigie', () => resolve());
        else bar.replaceAsync('vigie', { type: 'informationalMessage', message: fitMessage(`Vigie : ${verdict.message[lang]}`, 150), icon: 'Icon.16x16', persistent: false }, () => resolve());
      });
    }
  } finally {
    event.completed();
  }
}
