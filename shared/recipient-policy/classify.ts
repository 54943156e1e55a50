// Classifies every recipient: mssante, patient, patient-invalid, consumer, internal, external, invalid.
import type { RecipientCategory, RecipientResult, Lookalike } from '../model';
import type { OrgPolicy } from '../config/policy';
import { domainMatches } from '../config/policy';
import type { DomainSet } from '../whitelist/domain-set';
import { t } from '../i18n/messages';
import { parseRecipientField, type ParsedAddress } from './address';
import { checkMatriculeIns } from './ins';
import { consumerProvider } from './consumer';
import { detectLookalike } from './lookalike';

export const PATIENT_DOMAIN = 'patient.mssante.fr';

export interface ClassifyContext {
  whitelist: DomainSet;
  policy: OrgPolicy;
}

const insReasons = {
  length: 'longueur ≠ 15',
  characters: 'caractères invalides',
  key: 'clé de contrôle fausse',
  sex: 'premier chiffre invalide',
  month: 'mois invalide',
} as const;

type Classified = Omit<RecipientResult, 'field'>;

export function classifyParsed(p: ParsedAddress, ctx: ClassifyContext): Classified {
  if (!p.ok) {
    return {
      input: p.input,
      address: null,
      category: 'invalid',
      reasonCode: `invalid.${p.error}`,
      reason: t(`invalid.${p.error}`, { input: p.input }, ctx.policy.messages),
    };
  }
  const { address, domain, local } = p;
  const base = { input: p.input, address };
  // What the user reads: the domain as typed (Unicode), with its ASCII form when they differ.
  const shown = p.unicodeDomain !== domain ? `${p.unicodeDomain} (${domain})` : domain;
  const res = (category: RecipientCategory, reasonCode: Parameters<typeof t>[0], params: Record<string, string>, lookalike?: Lookalike): Classified => ({
    ...base,
    category,
    reasonCode,
    reason: t(reasonCode, { domain: shown, input: p.input, ...params }, ctx.policy.messages),
    ...(lookalike ? { lookalike } : {}),
  });

  if (domainMatches(domain, ctx.policy.refusedDomains)) return res('external', 'refused.domain', {});
  if (domain === PATIENT_DOMAIN && ctx.whitelist.has(PATIENT_DOMAIN)) {
    const ins = checkMatriculeIns(local);
    if (ins.valid) return { ...res('patient', 'patient.valid', {}), address: `${ins.matricule.toLowerCase()}@${domain}` };
    return res('patient-invalid', 'patient.invalid', { detail: insReasons[ins.reason] });
  }
  // A Gmail-type provider is never MSSanté, whatever a list says (a signed liste blanche never holds one).
  const builtInProvider = consumerProvider(domain);
  if (builtInProvider) return res('consumer', 'consumer.provider', { provider: builtInProvider });
  if (ctx.whitelist.has(domain)) return res('mssante', 'mssante.listed', {});
  if (domainMatches(domain, ctx.policy.allowedDomains)) return res('mssante', 'mssante.allowed-by-policy', {});
  const provider = consumerProvider(domain, ctx.policy.consumerDomains);
  if (provider) return res('consumer', 'consumer.provider', { provider });
  if (domainMatches(domain, ctx.policy.internalDomains)) return res('internal', 'internal.domain', {});
  const lookalike = detectLookalike(domain, ctx.whitelist);
  if (lookalike) {
    const code = lookalike.resembles === domain || !lookalike.resembles ? 'lookalike.unlisted-mssante' : (`lookalike.${lookalike.kind}` as const);
    return res('external', code, { resembles: lookalike.resembles }, lookalike);
  }
  return res('external', 'external.domain', {});
}

/** Classifies one recipient field as typed; a field with several addresses gives several results. */
export function classifyField(input: string, ctx: ClassifyContext): Classified[] {
  return parseRecipientField(input).map((p) => classifyParsed(p, ctx));
}
