import fc from 'fast-check';
import { normaliseDomain, parseRecipientField, parseSingleAddress, parseWithGrammar, MAX_FIELD_LENGTH } from './address';

const ok = (input: string) => parseRecipientField(input).map((p) => (p.ok ? p.address : `!${p.error}`));

describe('recipient field grammar', () => {
  it('reads plain addresses, display names, quoted names and comments', () => {
    expect(ok('jean.durand@medecin.mssante.fr')).toEqual(['jean.durand@medecin.mssante.fr']);
    expect(ok('Dr Jean Durand <jean.durand@medecin.mssante.fr>')).toEqual(['jean.durand@medecin.mssante.fr']);
    expect(ok('"Durand, Jean (Cardio)" <jean.durand@Medecin.MSSante.FR>')).toEqual(['jean.durand@medecin.mssante.fr']);
    expect(ok('jean.durand@medecin.mssante.fr (secrétariat)')).toEqual(['jean.durand@medecin.mssante.fr']);
  });

  it('splits several addresses on commas and semicolons', () => {
    expect(ok('a@medecin.mssante.fr, b@pharmacien.mssante.fr')).toEqual(['a@medecin.mssante.fr', 'b@pharmacien.mssante.fr']);
    expect(ok('a@medecin.mssante.fr; b@pharmacien.mssante.fr')).toEqual(['a@medecin.mssante.fr', 'b@pharmacien.mssante.fr']);
    expect(ok('"Durand; J" <a@medecin.mssante.fr>; b@gmail.com, c@free.fr')).toEqual(['a@medecin.mssante.fr', 'b@gmail.com', 'c@free.fr']);
  });

  it('expands groups', () => {
    expect(ok('Cardiologie: a@medecin.mssante.fr, b@medecin.mssante.fr;')).toEqual(['a@medecin.mssante.fr', 'b@medecin.mssante.fr']);
  });

  it('normalises the domain: lower case, IDNA, no trailing dot', () => {
    expect(ok('x@MEDECIN.mssante.fr.')).toEqual(['x@medecin.mssante.fr']);
    expect(ok('x@médecin.mssante.fr')).toEqual(['x@xn--mdecin-bva.mssante.fr']);
    expect(normaliseDomain('Exemple.FR.')).toBe('exemple.fr');
    expect(normaliseDomain('localhost')).toBeNull();
    expect(normaliseDomain('[192.168.0.1]')).toBeNull();
  });

  it('reports what does not parse to one plain local@domain as invalid, keeping the good ones', () => {
    expect(ok('pas une adresse')).toEqual(['!syntax']);
    expect(ok('')).toEqual(['!empty']);
    expect(ok('jean.durand@')).toEqual(['!syntax']);
    expect(ok('jean@localhost')).toEqual(['!domain']);
    expect(ok('a@medecin.mssante.fr, @@@, b@gmail.com')).toEqual(['a@medecin.mssante.fr', '!syntax', 'b@gmail.com']);
    expect(ok('x'.repeat(MAX_FIELD_LENGTH + 1))).toEqual(['!too-long']);
  });

  it('parses a single sender identity only when it is exactly one mailbox', () => {
    expect(parseSingleAddress('Dr Martin <martin@medecin.mssante.fr>')?.address).toBe('martin@medecin.mssante.fr');
    expect(parseSingleAddress('a@b.fr, c@d.fr')).toBeNull();
  });

  it('never throws and never hangs, whatever is typed', () => {
    const alphabet = fc.constantFrom(...'ab@.,;:<>"()\\ é\u0430xn--\t[]'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: alphabet, maxLength: 300 })), (s) => {
        const started = Date.now();
        const r = parseRecipientField(s);
        expect(Array.isArray(r)).toBe(true);
        expect(Date.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 2000 },
    );
  });

  it('the direct reading of common shapes agrees with the RFC 5322 grammar', () => {
    const word = fc.stringMatching(/^[A-Za-zéèçÉ' .-]{1,12}$/);
    const local = fc.stringMatching(/^[a-z0-9!#$%&'*+/=?^_`{|}~-]{1,10}(\.[a-z0-9_-]{1,8}){0,2}$/);
    const domain = fc.stringMatching(/^([a-zA-Z0-9]([a-zA-Z0-9-]{0,8}[a-zA-Z0-9])?\.){1,3}[a-zA-Z]{2,6}$/);
    const field = fc.oneof(
      fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`),
      fc.tuple(word, local, domain).map(([n, l, d]) => `${n} <${l}@${d}>`),
      fc.tuple(fc.stringMatching(/^[^"\\\r\n]{0,20}$/), local, domain).map(([n, l, d]) => `"${n}" <${l}@${d}>`),
    );
    fc.assert(
      fc.property(field, (f) => {
        const direct = parseRecipientField(f).map((p) => (p.ok ? p.address : null));
        const grammar = parseWithGrammar(f.trim()).map((p) => (p.ok ? p.address : null));
        if (direct.every((a) => a !== null) && grammar.every((a) => a !== null)) expect(direct).toEqual(grammar);
        // The direct reading may only accept what the grammar accepts.
        if (grammar.some((a) => a === null)) expect(direct.some((a) => a === null)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
