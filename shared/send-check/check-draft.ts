// checkDraft(draft, context) → Verdict: the single use case every host calls at Send.
import type { Draft, HealthDataReport, LocalizedText, RecipientResult, Verdict, VerdictKind } from '../model';
import type { OrgPolicy } from '../config/policy';
import type { DomainSet } from '../whitelist/domain-set';
import { freshness } from '../whitelist/freshness';
import { classifyField, classifyParsed } from '../recipient-policy/classify';
import { parseRecipientField } from '../recipient-policy/address';
import { isOverridden, t, type MessageCode, type MessageParam } from '../i18n/messages';
import { composeMessage, findingsSummary, forCount, localDate, localNumber, nameRecipients, type Rule } from './verdict-message';
import { patientRules } from './patient-rules';

export interface CheckContext {
  whitelist: DomainSet;
  policy: OrgPolicy;
  now?: Date;
  /** The health-data scanner (`scanDraft` of shared/health-data). Without it, no finding is ever reported. */
  scanHealthData?: (draft: Draft) => HealthDataReport;
  /**
   * The Annuaire Santé lookup (`suggest` of shared/directory over a loaded index), where the host has one. An MSSanté
   * address it does not know gets its closest listed addresses as a hint; never a block: red-listed and applicative
   * mailboxes are not published.
   */
  suggest?: (address: string) => { found: boolean; suggestions: { address: string; label: LocalizedText }[]; note?: LocalizedText } | undefined;
}

const rank: Record<VerdictKind, number> = { allow: 0, warn: 1, block: 2 };
const worst = (a: VerdictKind, b: VerdictKind): VerdictKind => (rank[b] > rank[a] ? b : a);

/** The first of the client's identities that is an MSSanté mailbox. */
function mssanteIdentity(identities: string[], cctx: Parameters<typeof classifyField>[1]): string | undefined {
  for (const identity of identities) {
    const r = classifyField(identity, cctx)[0];
    if (r?.category === 'mssante' && r.address) return r.address;
  }
  return undefined;
}

/**
 * Runs every rule on a draft and returns the verdict with per-recipient reasons and one message. In audit mode
 * nothing is stopped: the verdict is `allow` and `audit` holds what the simulated mode (`audit.simulate`) answers.
 */
export function checkDraft(draft: Draft, ctx: CheckContext): Verdict {
  // Block and warn modes: the rules run on the policy as given.
  if (ctx.policy.mode !== 'audit') return checkRules(draft, ctx as RulesContext);
  const simulated = checkRules(draft, { ...ctx, policy: { ...ctx.policy, mode: ctx.policy.audit.simulate } });
  const audit = { verdict: simulated.verdict, reasons: simulated.reasons, message: simulated.message };
  if (simulated.verdict === 'allow') return { ...simulated, audit };
  // Unless the policy says to show it, the user is not told what would have happened.
  if (!ctx.policy.audit.showUser) return { ...simulated, verdict: 'allow', message: t('verdict.audit.silent', {}, ctx.policy.messages), audit };
  const action = simulated.verdict === 'block' ? { action: 'bloqué', actionEn: 'blocked' } : { action: 'signalé', actionEn: 'warned about' };
  const fr = t('verdict.audit', { ...action, detail: simulated.message.fr }, ctx.policy.messages).fr;
  const en = t('verdict.audit', { ...action, detail: simulated.message.en }, ctx.policy.messages).en;
  return { ...simulated, verdict: 'allow', message: { fr, en }, audit };
}

type RulesContext = CheckContext & { policy: OrgPolicy & { mode: 'block' | 'warn' } };

function checkRules(draft: Draft, ctx: RulesContext): Verdict {
  const { policy, whitelist } = ctx;
  const now = ctx.now ?? new Date();
  const cctx = { whitelist, policy };
  const notices: LocalizedText[] = [];
  const fresh = freshness(whitelist, policy.whitelist.maxAgeDays, now);
  if (fresh.stale) {
    const date = localDate(whitelist.info.generatedAt);
    const days = localNumber(fresh.ageDays);
    notices.push(t('whitelist.stale', { date, dateEn: date.en, days, daysEn: days.en }, policy.messages));
  }

  const senderParsed = parseRecipientField(draft.from);
  const sender = senderParsed.length === 1 ? classifyParsed(senderParsed[0]!, cctx) : undefined;
  const recipients: RecipientResult[] = [];
  for (const field of ['to', 'cc', 'bcc'] as const) {
    for (const input of draft[field]) {
      if (!input.trim()) continue;
      for (const r of classifyField(input, cctx)) {
        const hint = r.category === 'mssante' && r.address && ctx.suggest ? ctx.suggest(r.address) : undefined;
        if (hint && !hint.found && hint.suggestions.length) {
          const didYouMean = hint.suggestions.slice(0, 3).map((s) => ({ address: s.address, label: s.label }));
          recipients.push({ ...r, field, didYouMean });
          notices.push(t('recipient.did-you-mean', { address: r.address ?? '', suggestion: didYouMean[0]!.address }, policy.messages));
        } else recipients.push({ ...r, field });
      }
    }
  }
  const report = ctx.scanHealthData?.(draft);
  const findings = report?.containsHealthData ? report.findings : [];

  const rules: Rule[] = [];
  // `code` is the reason's stable code; the words follow how many recipients it names (`named`).
  const add = (verdict: VerdictKind, code: MessageCode, params: Record<string, MessageParam>, named?: RecipientResult[]) => {
    // The organisation's own text for a reason replaces both its singular and plural forms.
    const words = named && !isOverridden(code, policy.messages) ? forCount(code, named) : code;
    if (verdict !== 'allow') rules.push({ verdict, code, text: t(words, params, policy.messages) });
  };
  const of = (...cats: RecipientResult['category'][]) => recipients.filter((r) => cats.includes(r.category));

  if (!sender || sender.category === 'invalid' || !sender.address) {
    // Without a readable sender Vigie cannot tell which rules apply: fail safe.
    add(policy.mode === 'block' ? 'block' : 'warn', 'verdict.block.no-sender', {});
  }
  const senderCategory = sender?.category ?? 'invalid';
  const senderDomain = sender?.address?.split('@')[1] ?? '';
  const fromMssante = senderCategory === 'mssante';

  if (fromMssante && recipients.length === 0) add(policy.mode === 'block' ? 'block' : 'warn', 'verdict.block.no-recipient', {});
  const invalid = of('invalid');
  if (invalid.length) add(fromMssante && policy.mode === 'block' ? 'block' : 'warn', 'verdict.block.invalid', { recipients: nameRecipients(invalid) }, invalid);

  const badPatients = of('patient-invalid');
  if (badPatients.length) add(policy.patientAddresses, 'verdict.block.patient-invalid', { recipients: nameRecipients(badPatients) }, badPatients);

  patientRules(draft, of('patient'), add);

  if (fromMssante) {
    const internalAction: VerdictKind = policy.internalRecipients === 'mode' ? policy.mode : policy.internalRecipients;
    const blocked = [...of('consumer', 'external'), ...(internalAction === 'block' ? of('internal') : [])];
    const warned = internalAction === 'warn' ? of('internal') : [];
    if (blocked.length)
      add(policy.mode, policy.mode === 'block' ? 'verdict.block.outside' : 'verdict.warn.outside', { recipients: nameRecipients(blocked) }, blocked);
    if (warned.length) add('warn', 'verdict.warn.outside', { recipients: nameRecipients(warned) }, warned);
    const lists = draft.distributionLists ?? [];
    if (lists.length) add(policy.distributionLists, 'verdict.distribution-list', { recipients: lists.slice(0, 3).join(', ') });
  } else {
    const lookalikes = recipients.filter((r) => r.lookalike);
    if (lookalikes.length) add('warn', 'verdict.warn.outside', { recipients: nameRecipients(lookalikes) }, lookalikes);
  }

  if (findings.length) {
    const summary = findingsSummary(findings);
    const hd = policy.healthData;
    let action: VerdictKind = 'allow';
    let route: LocalizedText | undefined;
    if (senderCategory === 'consumer') {
      action = hd.consumerSender;
      route = t('route.consumer-sender', { domain: senderDomain });
    } else if (!fromMssante) {
      const consumers = of('consumer');
      const outside = of('external', 'invalid');
      if (consumers.length) {
        action = hd.consumerRecipient;
        route = t('route.consumer-recipient', { recipients: nameRecipients(consumers) });
      } else if (outside.length) {
        action = hd.externalRecipient;
        route = t('route.external-recipient', { recipients: nameRecipients(outside) });
      }
    }
    if (action !== 'allow' && route) {
      add(action, action === 'block' ? 'verdict.block.health-data' : 'verdict.warn.health-data', {
        findings: summary,
        findingsEn: summary.en,
        route,
        routeEn: route.en,
      });
    }
  }

  // An MSSanté identity exists in the client while another one sends health data: suggest the switch.
  const switchIdentity = findings.length && !fromMssante ? mssanteIdentity(draft.identities ?? [], cctx) : undefined;
  if (switchIdentity) add('warn', 'verdict.warn.use-mssante-identity', { sender: sender?.address ?? draft.from, identity: switchIdentity });

  const verdict = rules.reduce<VerdictKind>((acc, r) => worst(acc, r.verdict), 'allow');
  const message =
    verdict === 'allow' ? t(fromMssante ? 'verdict.allow' : 'verdict.allow.non-mssante', {}, policy.messages) : composeMessage(rules, verdict, policy);
  return {
    verdict,
    recipients,
    findings,
    message,
    reasons: rules.map((r) => r.code),
    sender: { address: sender?.address ?? null, category: senderCategory },
    notices,
    ...(switchIdentity ? { switchIdentity } : {}),
  };
}
