// The send guard. Thunderbird locks the compose window while onBeforeSend listeners run, and an MV3 event page can
// be stopped while a listener waits: so the listener never waits for the user. It checks the draft, lets it go or
// cancels at once and opens the Vigie window with the reason and the fix. A warning the user confirms there is sent
// again with compose.sendMessage; the listener recognises that one send by a fingerprint of the checked draft.
import type { CheckContext } from '../../shared/send-check';
import { runSendCheck } from '../../shared/client/run-check';
import { verdictView } from '../../shared/client/verdict-view';
import type { Draft, Verdict } from '../../shared/model';
import type { BeforeSendResult, ComposeDetails, Tab, ThunderbirdApi } from './messenger';
import { ThunderbirdComposeSession } from './compose-session';

export interface GuardDeps {
  api: Pick<ThunderbirdApi, 'compose' | 'identities' | 'messengerUtilities' | 'addressBooks' | 'storage' | 'composeAction'>;
  /** The check context of the moment (policy from the settings, liste blanche, health-data scanner). */
  context(): Promise<CheckContext>;
  /** Opens (or brings forward) the Vigie window for a compose tab. Not awaited by the listener. */
  showWindow(tabId: number): Promise<void>;
  /** The language of the toolbar button's label and tooltip. */
  language?: () => Promise<'fr' | 'en'>;
  now?: () => number;
  /** How long reading the compose and the context may take (default CHECK_BUDGET_MS). */
  budgetMs?: number;
  /** Records a check for the organisation's audit journal (the verdict only; never the draft). */
  report?(verdict: Verdict, outcome: 'sent' | 'stopped' | 'overridden', overrideReason?: string): void;
}

const LABEL = {
  block: { fr: 'Vigie\u00a0: envoi bloqué', en: 'Vigie: send blocked' },
  warn: { fr: 'Vigie\u00a0: à confirmer', en: 'Vigie: to confirm' },
};

/** How long reading the compose and the settings may take: Thunderbird keeps the compose window locked meanwhile. */
export const CHECK_BUDGET_MS = 8000;

/** How long a confirmation stays valid: the re-send follows it within a second or two. */
export const CONFIRMATION_TTL_MS = 60_000;
const confirmationKey = (tabId: number) => `vigie.confirmed.${tabId}`;

/**
 * SHA-256 of what was checked: the same recipients, subject, body and attachment names give the same value. A draft
 * that could not be read (the failure policy held it) has one fingerprint of its own.
 */
export async function fingerprint(draft: Draft | undefined): Promise<string> {
  if (!draft) return 'unreadable';
  const text = JSON.stringify([
    draft.from,
    draft.to,
    draft.cc,
    draft.bcc,
    draft.subject,
    draft.body,
    draft.attachments.map((a) => a.name),
    draft.distributionLists ?? [],
  ]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class SendGuard {
  constructor(private readonly deps: GuardDeps) {}

  private get area() {
    // storage.session does not outlive Thunderbird; storage.local is the fallback on versions without it.
    return this.deps.api.storage.session ?? this.deps.api.storage.local;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** The check through the client layer: a compose or settings that cannot be read give the failure policy's verdict. */
  async check(tabId: number, details?: ComposeDetails): Promise<{ verdict: Verdict; draft?: Draft; expandedLists: { name: string; members: number }[] }> {
    const session = new ThunderbirdComposeSession(this.deps.api, tabId);
    let expandedLists: { name: string; members: number }[] = [];
    const outcome = await runSendCheck({
      readDraft: async () => {
        const read = await session.read(details);
        expandedLists = read.expandedLists;
        return read.draft;
      },
      context: () => this.deps.context(),
      budgetMs: this.deps.budgetMs ?? CHECK_BUDGET_MS,
    });
    return { verdict: outcome.verdict, ...(outcome.draft ? { draft: outcome.draft } : {}), expandedLists };
  }

  /** The compose.onBeforeSend listener. Returns within the time of one check; never waits on the user. */
  async onBeforeSend(tab: Tab, details: ComposeDetails): Promise<BeforeSendResult> {
    const tabId = tab.id;
    if (tabId === undefined) return {};
    try {
      const { verdict, draft } = await this.check(tabId, details);
      if (verdict.verdict === 'allow') {
        await this.mark(tabId, null);
        this.deps.report?.(verdict, 'sent');
        return {};
      }
      if (verdict.verdict === 'warn' && (await this.takeConfirmation(tabId, draft))) {
        await this.mark(tabId, null);
        return {};
      }
      await this.mark(tabId, verdict);
      this.deps.report?.(verdict, 'stopped');
      this.open(tabId);
      return { cancel: true };
    } catch {
      // Fail safe (the check itself never throws; marking or storage might): the message does not leave.
      this.open(tabId);
      return { cancel: true };
    }
  }

  /**
   * The user confirmed a warning in the Vigie window, with the reason they gave (validated by the caller): checked
   * again (a block can never be confirmed), remembered for this exact draft, recorded, and sent again.
   */
  async confirmAndSend(tabId: number, overrideReason?: string): Promise<{ ok: true } | { ok: false; error: string; verdict?: Verdict }> {
    const { verdict, draft } = await this.check(tabId);
    if (verdict.verdict === 'block') return { ok: false, error: 'blocked', verdict };
    if (verdict.verdict === 'warn') {
      if (!overrideReason) return { ok: false, error: 'reason-required', verdict };
      await this.area.set({ [confirmationKey(tabId)]: { fp: await fingerprint(draft), at: this.now() } });
      this.deps.report?.(verdict, 'overridden', overrideReason);
    }
    try {
      await this.deps.api.compose.sendMessage(tabId, { mode: 'default' });
      return { ok: true };
    } catch (e) {
      await this.area.remove(confirmationKey(tabId));
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  private async takeConfirmation(tabId: number, draft: Draft | undefined): Promise<boolean> {
    const key = confirmationKey(tabId);
    const stored = (await this.area.get(key))[key] as { fp?: string; at?: number } | undefined;
    if (!stored) return false;
    await this.area.remove(key);
    return stored.fp === (await fingerprint(draft)) && typeof stored.at === 'number' && this.now() - stored.at < CONFIRMATION_TTL_MS;
  }

  private open(tabId: number): void {
    this.deps.showWindow(tabId).catch(() => undefined);
  }

  /**
   * The compose toolbar button says it in the compose window itself: a "!" badge, a label ("Vigie : envoi bloqué")
   * and the verdict's message as tooltip, while the draft would be stopped or needs confirming; back to plain after.
   */
  async mark(tabId: number, verdict: Verdict | null): Promise<void> {
    const action = this.deps.api.composeAction;
    if (!action) return;
    const kind = verdict && verdict.verdict !== 'allow' ? verdict.verdict : null;
    try {
      const lang = (await this.deps.language?.()) ?? 'fr';
      await action.setBadgeText({ tabId, text: kind ? '!' : null });
      if (kind) await action.setBadgeBackgroundColor?.({ tabId, color: kind === 'block' ? '#b3261e' : '#b26a00' });
      await action.setLabel?.({ tabId, label: kind ? LABEL[kind][lang] : null });
      await action.setTitle?.({ tabId, title: kind && verdict ? verdictView(verdict, lang).message : null });
    } catch {
      // The button is a hint only.
    }
  }
}
