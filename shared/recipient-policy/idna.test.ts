import fc from 'fast-check';
import { toASCII } from 'tr46';
import { domainToAscii, domainToUnicode } from './idna';

const uts46 = (d: string) =>
  toASCII(d, { checkBidi: true, checkHyphens: false, checkJoiners: true, useSTD3ASCIIRules: true, transitionalProcessing: false, verifyDNSLength: true });

describe('domainToAscii', () => {
  it('maps like UTS #46 on the cases that matter', () => {
    expect(domainToAscii('Médecin.MSSANTE.fr')).toBe('xn--mdecin-bva.mssante.fr');
    expect(domainToAscii('m\u0435decin.mssante.fr')).toBe('xn--mdecin-3of.mssante.fr');
    expect(domainToAscii('ｍｅｄｅｃｉｎ。mssante.fr')).toBe('medecin.mssante.fr');
    expect(domainToAscii('xn--mdecin-bva.mssante.fr')).toBe('xn--mdecin-bva.mssante.fr');
    expect(domainToUnicode('xn--mdecin-bva.mssante.fr')).toBe('médecin.mssante.fr');
  });

  it('refuses what is not a host name', () => {
    for (const bad of ['a..b', 'a b.fr', 'a_b.fr', '-a.fr', 'a-.fr', 'xn--zz--.fr', 'xn--a.fr', `${'a'.repeat(64)}.fr`, 'é/x.fr', '']) {
      expect(domainToAscii(bad)).toBeNull();
    }
  });

  it('agrees with tr46 (UTS #46) whenever both accept a domain, and accepts nothing tr46 refuses as ASCII', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-éèàçôüßÉÀαβεкорнеаñøåæœ'.split(''));
    const label = fc.array(letter, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
    const domain = fc.array(label, { minLength: 2, maxLength: 4 }).map((ls) => ls.join('.'));
    fc.assert(
      fc.property(domain, (d) => {
        const ours = domainToAscii(d);
        const theirs = uts46(d);
        if (ours !== null && theirs !== null) expect(ours).toBe(theirs.toLowerCase());
        if (ours !== null && /^[\x00-\x7f]*$/.test(d)) expect(theirs).not.toBeNull();
      }),
      { numRuns: 5000 },
    );
  });
});
