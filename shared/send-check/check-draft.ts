// checkDraft(draft, context) → Verdict: the single use case every host calls at Send.
import type { Draft, Finding, HealthDataReport, LocalizedText, RecipientResult, Verdict, VerdictKind } from '../model';
import type { OrgPolicy } from '../config/policy';
import type { DomainSet } from '../whitelist/domain-set';
import { freshness } from '../whitelist/freshness';
import { classifyField, classifyParsed } from '../recipient-policy/classify';
import { parseRecipientField } from '../recipient-policy/address';
import { t, type MessageCode } from '../i18n/messages';

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

interface Rule {
  verdict: VerdictKind;
  code: MessageCode;
  text: LocalizedText;
}

function listRecipients(rs: RecipientResult[]): string {
  const names = [...new Set(rs.map((r) => r.address ?? r.input))];
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} (+${names.length - 3})` : shown;
}

function verbs(rs: RecipientResult[]): { verb: string; verbEn: string } {
  const many = new Set(rs.map((r) => r.address ?? r.input)).size > 1;
  return { verb: many ? 'n’ont' : 'n’a', verbEn: many ? 'have' : 'has' };
}

function findingsSummary(findings: Finding[]): { fr: string; en: string } {
  const fr = [...new Set(findings.map((f) => f.label.fr))].slice(0, 3).join(', ');
  const en = [...new Set(findings.map((f) => f.label.en))].slice(0, 3).join(', ');
  return { fr, en };
}

function withHelpdesk(text: LocalizedText, policy: OrgPolicy, verdict: VerdictKind): LocalizedText {
  if (!policy.helpdesk || verdict === 'allow') return text;
  return { fr: `${text.fr} ${policy.helpdesk}`, en: `${text.en} ${policy.helpdesk}` };
}

/** Runs every rule on a draft and returns the verdict with per-recipient reasons and one message. */
export function checkDraft(draft: Draft, ctx: CheckContext): Verdict {
  const { policy, whitelist } = ctx;
  const now = ctx.now ?? new Date();
  const cctx = { whitelist, policy };
  const notices: LocalizedText[] = [];
  const fresh = freshness(whitelist, policy.whitelist.maxAgeDays, now);
  if (fresh.stale) notices.push(t('whitelist.stale', { date: whitelist.info.generatedAt.slice(0, 10), days: fresh.ageDays }, policy.messages));

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
  const add = (verdict: VerdictKind, code: MessageCode, params: Record<string, string | number>) => {
    if (verdict !== 'allow') rules.push({ verdict, code, text: t(code, params, policy.messages) });
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
  if (invalid.length) add(fromMssante && policy.mode === 'block' ? 'block' : 'warn', 'verdict.block.invalid', { recipients: listRecipients(invalid) });

  const badPatients = of('patient-invalid');
  if (badPatients.length) add(policy.patientAddresses, 'verdict.block.patient-invalid', { recipients: listRecipients(badPatients) });

  if (fromMssante) {
    const internalAction: VerdictKind = policy.internalRecipients === 'mode' ? policy.mode : policy.internalRecipients;
    const blocked = [...of('consumer', 'external'), ...(internalAction === 'block' ? of('internal') : [])];
    const warned = internalAction === 'warn' ? of('internal') : [];
    if (blocked.length) add(policy.mode, policy.mode === 'block' ? 'verdict.block.outside' : 'verdict.warn.outside', { recipients: listRecipients(blocked), ...verbs(blocked) });
    if (warned.length) add('warn', 'verdict.warn.outside', { recipients: listRecipients(warned), ...verbs(warned) });
    const lists = draft.distributionLists ?? [];
    if (lists.length) add(policy.distributionLists, 'verdict.distribution-list', { recipients: lists.slice(0, 3).join(', ') });
  } else {
    const lookalikes = recipients.filter((r) => r.lookalike);
    if (lookalikes.length) add('warn', 'verdict.warn.outside', { recipients: listRecipients(lookalikes), ...verbs(lookalikes) });
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
        route = t('route.consumer-recipient', { recipients: listRecipients(consumers) });
      } else if (outside.length) {
        action = hd.externalRecipient;
        route = t('route.external-recipient', { recipients: listRecipients(outside) });
      }
    }
    if (action !== 'allow' && route) {
      add(action, action === 'block' ? 'verdict.block.health-data' : 'verdict.warn.health-data', {
        findings: summary.fr,
        findingsEn: summary.en,
        route: route.fr,
        routeEn: route.en,
      });
    }
  }

  const verdict = rules.reduce<VerdictKind>((acc, r) => worst(acc, r.verdict), 'allow');
  const lead = rules.filter((r) => r.verdict === verdict);
  let message: LocalizedText;
  if (lead.length) {
    message = { fr: lead.map((r) => r.text.fr).join(' '), en: lead.map((r) => r.text.en).join(' ') };
  } else {
    message = t(fromMssante ? 'verdict.allow' : 'verdict.allow.non-mssante', {}, policy.messages);
  }
  return {
    verdict,
    recipients,
    findings,
    message: withHelpdesk(message, policy, verdict),
    reasons: rules.map((r) => r.code),
    sender: { address: sender?.address ?? null, category: senderCategory },
    notices,
  };
}
