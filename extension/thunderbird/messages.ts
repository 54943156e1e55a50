// What Vigie's Thunderbird pages (the Vigie page, the options page) ask the background, added to the one typed
// message contract of extension/messaging (its router and `send` carry them).
import type { Verdict } from '../../shared/model';
import type { EffectiveSettings } from '../../shared/client/settings';

export interface CheckReply {
  verdict: Verdict;
  lang: 'fr' | 'en';
  expandedLists: { name: string; members: number }[];
}

export type ConfirmReply = { ok: true } | { ok: false; error: string; verdict?: Verdict };

declare module '../messaging' {
  interface Messages {
    /** Check the draft of a compose tab now (the Vigie page shows the verdict and refreshes the toolbar badge). */
    'background/check-compose': { request: { tabId: number }; response: CheckReply };
    /** The user confirmed a warning: check again, remember this draft, and send it. */
    'background/confirm-send': { request: { tabId: number }; response: ConfirmReply };
    /** The effective settings and which are locked by IT policy. */
    'background/settings': { request: Record<string, never>; response: EffectiveSettings };
  }
}
