// The send check as every host runs it: read the draft through the host's adapter and the context (settings, list),
// within one time budget, then the core's checkDraft. Whatever fails on the way ends in the failure policy's verdict
// (shared/client/failure.ts), so a host always has a verdict to act on, in time.
import type { Draft, Verdict } from '../model';
import type { OrgPolicy } from '../config/policy';
import { defaultPolicy } from '../config/policy';
import { checkDraft, type CheckContext } from '../send-check/check-draft';
import { cannotCheck, type CheckFailureCause } from './failure';
import { BudgetExceeded, within } from './within';

export { within } from './within';

/** An adapter's error that says which failure it is (a host API's error, or a compose it cannot read). */
export class HostCallError extends Error {
  constructor(
    readonly failure: Extract<CheckFailureCause, 'host-api-failed' | 'compose-unreadable' | 'send-control-missing'>,
    message: string,
  ) {
    super(message);
    this.name = 'HostCallError';
  }
}

export interface SendCheckRun {
  /** The draft, from the host's compose adapter. */
  readDraft(): Promise<Draft>;
  /** The check context of the moment (effective settings, list in use, scanner). */
  context(): Promise<CheckContext>;
  /** How long host calls and the context may take together (ms). */
  budgetMs: number;
  /** The policy to decide a failure with when the context itself cannot be had (default: the embedded defaults). */
  fallbackPolicy?: OrgPolicy;
}

export interface SendCheckOutcome {
  verdict: Verdict;
  /** The draft, when it could be read. */
  draft?: Draft;
  /** Set when the verdict is the failure policy's. */
  failure?: CheckFailureCause;
}

function causeOf(e: unknown): CheckFailureCause {
  if (e instanceof BudgetExceeded) return 'host-api-timeout';
  if (e instanceof HostCallError) return e.failure;
  return 'host-api-failed';
}

/** Short technical detail for the user and IT; never message content (adapter errors name the API call only). */
function detailOf(e: unknown): string | undefined {
  if (e instanceof HostCallError) return e.message.slice(0, 80);
  return undefined;
}

export async function runSendCheck(run: SendCheckRun): Promise<SendCheckOutcome> {
  const contextP = run.context();
  // The policy decides a failure; it is known if the context came before the failure did.
  let knownPolicy: OrgPolicy | undefined;
  contextP.then((c) => (knownPolicy = c.policy)).catch(() => undefined);
  let draft: Draft;
  let ctx: CheckContext;
  try {
    [draft, ctx] = await within(Promise.all([run.readDraft(), contextP]), run.budgetMs);
  } catch (e) {
    const policy = knownPolicy ?? run.fallbackPolicy ?? defaultPolicy();
    const cause = causeOf(e);
    return { verdict: cannotCheck(cause, policy, detailOf(e)), failure: cause };
  }
  try {
    return { verdict: checkDraft(draft, ctx), draft };
  } catch {
    return { verdict: cannotCheck('core-error', ctx.policy), draft, failure: 'core-error' };
  }
}
