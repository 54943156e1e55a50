import fc from 'fast-check';
import { classifyField } from './classify';
import { aDomainSet, aPolicy } from '../testing/builders';
import { embeddedDomainSet } from '../whitelist/embedded';

const ctx = { whitelist: aDomainSet(), policy: aPolicy({ internalDomains: ['chu-exemple.fr', '*.aphp.fr'], consumerDomains: ['mail.example-isp.fr'] }) };
const one = (input: string) => {
  const r = classifyField(input, ctx);
  expect(r).toHaveLength(1);
  return r[0]!;
};

describe('recipient categories', () => {
  it('mssante: the domain is exactly on the liste blanche', () => {
    expect(one('Dr Durand <durand@medecin.mssante.fr>')).toMatchObject({ category: 'mssante', reasonCode: 'mssante.listed' });
    expect(one('x@mssante.apicrypt.org').category).toBe('mssante');
    expect(one('x@CH-TEST.aura.mssante.fr').category).toBe('mssante');
  });

  it('patient: a valid matricule INS at patient.mssante.fr; patient-invalid otherwise', () => {
    expect(one('279035121518989@patient.mssante.fr')).toMatchObject({ category: 'patient', address: '279035121518989@patient.mssante.fr' });
    expect(one('253072b07300470@patient.mssante.fr')).toMatchObject({ category: 'patient', address: '253072b07300470@patient.mssante.fr' });
    expect(one('288091234567823@patient.mssante.fr')).toMatchObject({ category: 'patient-invalid' });
    expect(one('jean.dupont@patient.mssante.fr')).toMatchObject({ category: 'patient-invalid' });
    expect(one('jean.dupont@patient.mssante.fr').reason.fr).toContain('INS');
  });

  it('consumer: Gmail-type providers, French and international, plus the policy additions', () => {
    for (const d of [
      'gmail.com',
      'googlemail.com',
      'yahoo.fr',
      'hotmail.fr',
      'outlook.com',
      'live.fr',
      'msn.com',
      'wanadoo.fr',
      'orange.fr',
      'free.fr',
      'sfr.fr',
      'laposte.net',
      'icloud.com',
      'me.com',
      'proton.me',
      'gmx.fr',
      'aol.com',
    ]) {
      expect(one(`patient@${d}`).category).toBe('consumer');
    }
    expect(one('x@mail.example-isp.fr').category).toBe('consumer');
    expect(one('x@gmail.com').reason.fr).toContain('grand public');
  });

  it('internal: the hospital’s own domains from the policy, with *. for subdomains', () => {
    expect(one('x@chu-exemple.fr').category).toBe('internal');
    expect(one('x@sls.aphp.fr').category).toBe('internal');
    expect(one('x@aphp.fr').category).toBe('internal');
    expect(one('x@sub.chu-exemple.fr').category).toBe('external');
  });

  it('external and invalid', () => {
    expect(one('x@clinique-exemple.com')).toMatchObject({ category: 'external', reasonCode: 'external.domain' });
    expect(one('n’importe quoi')).toMatchObject({ category: 'invalid', address: null });
  });

  it('refusedDomains win over the liste blanche; allowedDomains are treated as inside', () => {
    const c = { whitelist: aDomainSet(), policy: aPolicy({ refusedDomains: ['ch-test.aura.mssante.fr'], allowedDomains: ['partenaire.fr'] }) };
    expect(classifyField('x@ch-test.aura.mssante.fr', c)[0]).toMatchObject({ category: 'external', reasonCode: 'refused.domain' });
    expect(classifyField('x@partenaire.fr', c)[0]).toMatchObject({ category: 'mssante', reasonCode: 'mssante.allowed-by-policy' });
  });
});

describe('look-alike domains are named as such', () => {
  const real = { whitelist: embeddedDomainSet(), policy: aPolicy() };
  const look = (address: string) => classifyField(address, real)[0]!;

  it('an unlisted *.mssante.fr is outside the space', () => {
    expect(look('x@inconnu-xyz.mssante.fr')).toMatchObject({ category: 'external', lookalike: { kind: 'unlisted-mssante-subdomain' } });
    expect(look('x@mssante.fr')).toMatchObject({ category: 'external', reasonCode: 'lookalike.unlisted-mssante' });
  });
  it('homoglyphs (Cyrillic е, accents) in an IDN', () => {
    expect(look('x@m\u0435decin.mssante.fr')).toMatchObject({ category: 'external', lookalike: { kind: 'homoglyph', resembles: 'medecin.mssante.fr' } });
    expect(look('x@médecin.mssante.fr')).toMatchObject({ lookalike: { kind: 'homoglyph', resembles: 'medecin.mssante.fr' } });
    expect(look('x@rnedecin.mssante.fr').category).toBe('external');
  });
  it('extra labels and swapped endings', () => {
    expect(look('x@medecin.mssante.fr.secure-mail.com')).toMatchObject({ lookalike: { kind: 'extra-label', resembles: 'medecin.mssante.fr' } });
    expect(look('x@medecin.mssante.com')).toMatchObject({ lookalike: { kind: 'extra-label', resembles: 'medecin.mssante.fr' } });
  });
  it('typos', () => {
    expect(look('x@medecin.msante.fr')).toMatchObject({ lookalike: { kind: 'typo', resembles: 'medecin.mssante.fr' } });
    expect(look('x@medecin-mssante.fr').lookalike?.kind).toBe('typo');
    expect(look('x@pharmacien.mssante.fr').category).toBe('mssante');
  });
  it('ordinary domains are not look-alikes', () => {
    expect(look('x@chu-lille.fr').lookalike).toBeUndefined();
    expect(look('x@ansm.sante.fr').lookalike).toBeUndefined();
  });
});

describe('safety property', () => {
  it('never classifies an address as mssante or patient unless its domain is exactly listed', () => {
    const set = aDomainSet();
    const c = { whitelist: set, policy: aPolicy() };
    const label = fc.stringMatching(/^[a-z0-9é\u0430-]{1,12}$/);
    const domain = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
      fc
        .constantFrom(...set.domains)
        .chain((d) => fc.constantFrom(d, `${d}.`, `${d}x`, `x${d}`, `a.${d}`, d.toUpperCase(), d.replace('e', '\u0435'), `${d}.com`)),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9._-]{1,20}$/), domain, (local, d) => {
        for (const r of classifyField(`${local}@${d}`, c)) {
          if (r.category === 'mssante' || r.category === 'patient') {
            expect(set.has(r.address!.split('@')[1]!)).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
