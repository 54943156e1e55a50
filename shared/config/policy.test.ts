import { defaultPolicy, domainMatches } from './policy';
import { parsePolicy } from './validate-policy';

describe('org policy', () => {
  it('fills every default from the schema', () => {
    const p = defaultPolicy();
    expect(p.mode).toBe('block');
    expect(p.internalRecipients).toBe('mode');
    expect(p.healthData).toEqual({ consumerSender: 'warn', consumerRecipient: 'warn', externalRecipient: 'warn' });
    expect(p.whitelist.maxAgeDays).toBe(7);
  });

  it('reads the same defaults without a validator as the validator fills', () => {
    const r = parsePolicy({});
    expect(r.ok && r.policy).toEqual(defaultPolicy());
  });

  it('accepts a full policy', () => {
    const r = parsePolicy({
      mode: 'warn',
      internalDomains: ['chu-exemple.fr', '*.aphp.fr'],
      allowedDomains: [],
      refusedDomains: ['test.mssante.fr'],
      consumerDomains: ['numericable.fr'],
      healthData: { externalRecipient: 'block' },
      whitelist: { maxAgeDays: 3, serverUrl: 'https://vigie.chu-exemple.fr/api/liste-blanche' },
      messages: { 'verdict.block.outside': { fr: 'x' } },
      helpdesk: 'poste 4242',
    });
    expect(r.ok).toBe(true);
  });

  it('reports every error with its JSON path', () => {
    const r = parsePolicy({ mode: 'strict', internalDomains: ['not a domain'], unknownKey: 1, whitelist: { maxAgeDays: 0 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/mode', '/internalDomains/0', '/', '/whitelist/maxAgeDays']));
    expect(r.errors.find((e) => e.path === '/')?.message).toContain('unknownKey');
    expect(r.errors.find((e) => e.path === '/mode')?.message).toContain('"block"');
  });

  it('refuses what is not an object, without throwing', () => {
    expect(parsePolicy(null).ok).toBe(false);
    expect(parsePolicy([]).ok).toBe(false);
    expect(parsePolicy('block').ok).toBe(false);
  });

  it('matches exact domains and *.subdomain patterns', () => {
    expect(domainMatches('a.chu.fr', ['*.chu.fr'])).toBe(true);
    expect(domainMatches('chu.fr', ['*.chu.fr'])).toBe(true);
    expect(domainMatches('xchu.fr', ['*.chu.fr'])).toBe(false);
    expect(domainMatches('chu.fr', ['CHU.fr'])).toBe(true);
  });
});
