// Check 5c: the client has an MSSanté identity, yet another identity is about to send health data.
import { checkDraft } from './check-draft';
import { aDomainSet, aDraft, aPolicy } from '../testing/builders';
import type { Draft, HealthDataReport } from '../model';

const found: HealthDataReport = {
  containsHealthData: true,
  score: 5,
  findings: [{ kind: 'nir', source: 'body', start: 0, end: 15, excerpt: '1 85 ** …', weight: 5, label: { fr: 'NIR détecté', en: 'NIR detected' } }],
};
const none: HealthDataReport = { containsHealthData: false, findings: [], score: 0 };
const run = (draft: Partial<Draft>, scan: HealthDataReport) =>
  checkDraft(aDraft(draft), { whitelist: aDomainSet(), policy: aPolicy(), scanHealthData: () => scan });

describe('an MSSanté identity exists while another one sends health data (5c)', () => {
  const identities = ['Dr Martin <martin@gmail.com>', 'Dr Martin <martin@medecin.mssante.fr>'];

  it('warns and names the MSSanté identity to switch to', () => {
    const v = run({ from: 'Dr Martin <martin@gmail.com>', to: ['confrere@medecin.mssante.fr'], identities }, found);
    expect(v.verdict).toBe('warn');
    expect(v.switchIdentity).toBe('martin@medecin.mssante.fr');
    expect(v.reasons).toContain('verdict.warn.use-mssante-identity');
    expect(v.message.fr).toContain('depuis votre boîte MSSanté martin@medecin.mssante.fr');
  });

  it('says nothing without health data, without an MSSanté identity, or when the MSSanté identity already sends', () => {
    expect(run({ from: 'martin@gmail.com', to: ['confrere@medecin.mssante.fr'], identities }, none).switchIdentity).toBeUndefined();
    expect(
      run({ from: 'martin@gmail.com', to: ['confrere@medecin.mssante.fr'], identities: ['martin@gmail.com', 'm@orange.fr'] }, found).switchIdentity,
    ).toBeUndefined();
    const fromMss = run({ from: 'martin@medecin.mssante.fr', to: ['confrere@medecin.mssante.fr'], identities }, found);
    expect(fromMss.verdict).toBe('allow');
    expect(fromMss.switchIdentity).toBeUndefined();
  });
});
