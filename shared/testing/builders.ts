// Builders for tests: a draft, a small liste blanche, a policy.
import type { Draft } from '../model';
import { DomainSet } from '../whitelist/domain-set';
import { defaultPolicy, type OrgPolicy } from '../config/policy';
import { parsePolicy } from '../config/validate-policy';
import type { SyntheticMailbox } from '../directory/synthetic';

export function aDraft(overrides: Partial<Draft> = {}): Draft {
  return { from: 'dr.martin@medecin.mssante.fr', to: [], cc: [], bcc: [], subject: '', body: '', attachments: [], ...overrides };
}

export const TEST_DOMAINS = [
  'medecin.mssante.fr',
  'pharmacien.mssante.fr',
  'patient.mssante.fr',
  'chu-lyon.mssante.fr',
  'mssante.apicrypt.org',
  'ch-test.aura.mssante.fr',
];

export function aDomainSet(domains: string[] = TEST_DOMAINS, generatedAt = new Date().toISOString()): DomainSet {
  return new DomainSet(domains, { generatedAt, signer: 'CN=test', source: 'embedded' });
}

export function aPolicy(overrides: Record<string, unknown> = {}): OrgPolicy {
  if (Object.keys(overrides).length === 0) return defaultPolicy();
  const r = parsePolicy(overrides);
  if (!r.ok) throw new Error(`bad test policy: ${JSON.stringify(r.errors)}`);
  return r.policy;
}

/** One line of a directory extraction: a doctor with nothing else set, unless given. */
export function aMailbox(p: Partial<SyntheticMailbox> & { address: string }): SyntheticMailbox {
  return {
    type: 'PER',
    rpps: '',
    civility: 'DR',
    familyName: '',
    givenName: '',
    professionCode: '10',
    profession: 'Médecin',
    specialtyCode: '',
    specialty: '',
    service: '',
    organisation: '',
    postcode: '',
    city: '',
    department: '',
    structId: '',
    street: '',
    ...p,
  };
}
