import { checkDraft } from './check-draft';
import { aDomainSet, aDraft, aPolicy } from '../testing/builders';
import type { Draft, HealthDataReport } from '../model';

const whitelist = aDomainSet();
const run = (draft: Partial<Draft>, policy = aPolicy({ internalDomains: ['chu-exemple.fr'] }), scan?: (d: Draft) => HealthDataReport) =>
  checkDraft(aDraft(draft), { whitelist, policy, ...(scan ? { scanHealthData: scan } : {}) });

const nirFound: HealthDataReport = {
  containsHealthData: true,
  score: 5,
  findings: [{ kind: 'nir', source: 'body', start: 0, end: 15, excerpt: '1 85 ** …', weight: 5, label: { fr: 'NIR détecté', en: 'NIR detected' } }],
};
const nothing: HealthDataReport = { containsHealthData: false, findings: [], score: 0 };

describe('checkDraft from an MSSanté mailbox', () => {
  it('allows a message whose recipients are all inside the MSSanté space (patients included)', () => {
    const v = run({ to: ['a@medecin.mssante.fr', 'Pharmacie <b@pharmacien.mssante.fr>'], cc: ['279035121518989@patient.mssante.fr'] });
    expect(v.verdict).toBe('allow');
    expect(v.recipients.map((r) => r.category)).toEqual(['mssante', 'mssante', 'patient']);
    expect(v.message.fr).toContain('espace de confiance');
  });

  it('blocks a send with any recipient outside the space, naming it and saying what to do', () => {
    const v = run({ to: ['a@medecin.mssante.fr'], bcc: ['jean.dupont@gmail.com'] });
    expect(v.verdict).toBe('block');
    expect(v.message.fr).toContain('jean.dupont@gmail.com');
    expect(v.message.fr).toContain('Annuaire Santé');
    expect(v.message.en).toContain('Annuaire Santé');
    expect(v.recipients.find((r) => r.field === 'bcc')?.category).toBe('consumer');
  });

  it('blocks internal and external domains too by default, and lets policy lower to warn', () => {
    expect(run({ to: ['x@chu-exemple.fr'] }).verdict).toBe('block');
    expect(run({ to: ['x@clinique.fr'] }).verdict).toBe('block');
    const lenient = aPolicy({ mode: 'warn', internalDomains: ['chu-exemple.fr'] });
    const v = run({ to: ['x@clinique.fr'] }, lenient);
    expect(v.verdict).toBe('warn');
    expect(v.message.fr).toMatch(/^Attention/);
    expect(run({ to: ['x@chu-exemple.fr'] }, aPolicy({ internalDomains: ['chu-exemple.fr'], internalRecipients: 'warn' })).verdict).toBe('warn');
    expect(run({ to: ['x@chu-exemple.fr'] }, aPolicy({ internalDomains: ['chu-exemple.fr'], internalRecipients: 'allow' })).verdict).toBe('allow');
  });

  it('blocks a patient address with a wrong INS key, or warns if the policy says so', () => {
    expect(run({ to: ['288091234567823@patient.mssante.fr'] }).verdict).toBe('block');
    expect(run({ to: ['288091234567823@patient.mssante.fr'] }, aPolicy({ patientAddresses: 'warn' })).verdict).toBe('warn');
  });

  it('blocks an unreadable recipient rather than letting it through', () => {
    const v = run({ to: ['a@medecin.mssante.fr, n’importe quoi'] });
    expect(v.verdict).toBe('block');
    expect(v.reasons).toContain('verdict.block.invalid');
  });

  it('does not allow a message with no readable recipient at all (an empty field is not a recipient)', () => {
    for (const to of [[], [''], ['   ']]) {
      const v = run({ to });
      expect(v.verdict).toBe('block');
      expect(v.reasons).toEqual(['verdict.block.no-recipient']);
      expect(v.message.fr).toMatch(/^Envoi bloqué\s: aucun destinataire lisible/);
    }
    expect(run({ to: [''] }, aPolicy({ mode: 'warn' })).verdict).toBe('warn');
  });

  it('reads an INS local part as exactly the 15-character matricule: spaces around it make another address', () => {
    expect(run({ to: ['279035121518989@patient.mssante.fr'] }).verdict).toBe('allow');
    for (const to of ['" 279035121518989"@patient.mssante.fr', '"279035121518989 "@patient.mssante.fr', '"2790351 21518989"@patient.mssante.fr']) {
      const v = run({ to: [to] });
      expect(v.verdict).toBe('block');
      expect(v.recipients[0]!.category).toBe('patient-invalid');
    }
  });

  it('never takes a Gmail-type provider for MSSanté, even when the list in use names it', () => {
    const lying = checkDraft(aDraft({ to: ['jean.dupont@gmail.com'] }), { whitelist: aDomainSet(['medecin.mssante.fr', 'gmail.com']), policy: aPolicy() });
    expect(lying.verdict).toBe('block');
    expect(lying.recipients[0]!.category).toBe('consumer');
  });

  it('treats distribution lists the client cannot expand per policy (block by default)', () => {
    expect(run({ to: ['equipe@medecin.mssante.fr'], distributionLists: ['equipe@medecin.mssante.fr'] }).verdict).toBe('block');
    expect(run({ to: ['equipe@medecin.mssante.fr'], distributionLists: ['equipe@medecin.mssante.fr'] }, aPolicy({ distributionLists: 'warn' })).verdict).toBe(
      'warn',
    );
  });

  it('fails safe when the sender cannot be read', () => {
    expect(run({ from: 'pas une adresse', to: ['a@medecin.mssante.fr'] }).verdict).toBe('block');
  });

  it('adds the help-desk line and policy message overrides', () => {
    const p = aPolicy({ helpdesk: 'Support : poste 4242', messages: { 'verdict.block.outside': { fr: 'Interdit : {recipients}.' } } });
    const v = run({ to: ['x@gmail.com'] }, p);
    expect(v.message.fr).toBe('Interdit : x@gmail.com. Support : poste 4242');
  });
});

describe('checkDraft from outside MSSanté (the health-data seam)', () => {
  it('allows ordinary mail with no health data', () => {
    expect(run({ from: 'secretariat@chu-exemple.fr', to: ['ami@gmail.com'] }, undefined, () => nothing).verdict).toBe('allow');
  });
  it('warns when health data goes to a consumer provider', () => {
    const v = run({ from: 'secretariat@chu-exemple.fr', to: ['ami@gmail.com'] }, undefined, () => nirFound);
    expect(v.verdict).toBe('warn');
    expect(v.message.fr).toContain('NIR détecté');
    expect(v.message.en).toContain('NIR detected');
    expect(v.findings).toHaveLength(1);
  });
  it('warns a consumer sender whatever the recipients, MSSanté ones included', () => {
    const v = run({ from: 'dr.martin@gmail.com', to: ['a@medecin.mssante.fr'] }, undefined, () => nirFound);
    expect(v.verdict).toBe('warn');
    expect(v.message.fr).toContain('gmail.com');
  });
  it('lets policy raise the warning to a block', () => {
    const p = aPolicy({ healthData: { consumerRecipient: 'block' } });
    expect(run({ from: 'secretariat@chu-exemple.fr', to: ['ami@gmail.com'] }, p, () => nirFound).verdict).toBe('block');
  });
  it('warns for look-alike MSSanté domains even without health data', () => {
    const v = run({ from: 'secretariat@chu-exemple.fr', to: ['x@medecin.msante.fr'] }, undefined, () => nothing);
    expect(v.verdict).toBe('warn');
  });
});

describe('the Annuaire Santé hint', () => {
  it('suggests the closest listed address for an unknown MSSanté address, without blocking', () => {
    const suggest = (address: string) =>
      address === 'claire.lefebvre@medecin.mssante.fr'
        ? {
            found: false,
            suggestions: [
              {
                address: 'claire.lefevre@medecin.mssante.fr',
                label: { fr: 'Vous vouliez dire claire.lefevre@medecin.mssante.fr ?', en: 'Did you mean claire.lefevre@medecin.mssante.fr?' },
              },
            ],
          }
        : { found: true, suggestions: [] };
    const v = checkDraft(aDraft({ to: ['claire.lefebvre@medecin.mssante.fr', 'b@pharmacien.mssante.fr'] }), { whitelist, policy: aPolicy(), suggest });
    expect(v.verdict).toBe('allow');
    expect(v.recipients[0]!.didYouMean?.[0]?.address).toBe('claire.lefevre@medecin.mssante.fr');
    expect(v.recipients[1]!.didYouMean).toBeUndefined();
    expect(v.notices.map((n) => n.fr).join(' ')).toContain('vouliez-vous dire claire.lefevre@medecin.mssante.fr');
  });
});

describe('liste blanche age', () => {
  it('reports a stale list in the notices, and still checks against it', () => {
    const old = aDomainSet(undefined, '2025-02-28T15:42:07Z');
    const v = checkDraft(aDraft({ to: ['a@medecin.mssante.fr'] }), { whitelist: old, policy: aPolicy(), now: new Date('2025-06-01T00:00:00Z') });
    expect(v.verdict).toBe('allow');
    expect(v.notices[0]?.fr).toMatch(/La liste blanche MSSanté utilisée date du 28 février 2025 \(il y a 92\u00a0jours\).*Prévenez le support informatique/);
    const fresh = checkDraft(aDraft({ to: ['a@medecin.mssante.fr'] }), { whitelist: old, policy: aPolicy(), now: new Date('2025-03-02T00:00:00Z') });
    expect(fresh.notices).toHaveLength(0);
  });
});
