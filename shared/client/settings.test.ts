import fc from 'fast-check';
import { parsePolicy } from '../../../shared/config/validate-policy';
import { defaultPolicy, policySchema } from '../../../shared/config/policy';
import { conforms, type SchemaNode } from './conform';
import { effectiveLanguage, resolveSettings } from './index';

describe('effective settings: managed policy, then user options, then defaults', () => {
  it('gives the defaults when nothing is set', () => {
    const s = resolveSettings({}, {});
    expect(s.policy).toEqual(defaultPolicy());
    expect(s.language).toBe('auto');
    expect(s.webmailProviders).toEqual([]);
    expect(s.managedKeys).toEqual([]);
  });

  it('IT policy wins over the user, the user over the defaults, key by key', () => {
    const s = resolveSettings({ mode: 'warn', serverUrl: 'https://vigie.chu-exemple.fr' }, { mode: 'block', language: 'en', serverUrl: 'https://elsewhere.example' });
    expect(s.policy.mode).toBe('warn');
    expect(s.serverUrl).toBe('https://vigie.chu-exemple.fr');
    expect(s.language).toBe('en');
    expect(s.managedKeys.sort()).toEqual(['mode', 'serverUrl']);
  });

  it('drops an invalid key (and says so) without losing the valid ones, as Chromium does', () => {
    const s = resolveSettings({ mode: 'sometimes', internalDomains: ['chu-exemple.fr'], unknownKey: 1 }, { mode: 'warn' });
    expect(s.policy.mode).toBe('warn');
    expect(s.policy.internalDomains).toEqual(['chu-exemple.fr']);
    expect(s.rejected).toEqual([{ key: 'mode', source: 'managed' }]);
  });

  it('fills the sub-keys a nested setting leaves out', () => {
    const s = resolveSettings({ healthData: { consumerSender: 'block' } }, {});
    expect(s.policy.healthData).toEqual({ consumerSender: 'block', consumerRecipient: 'warn', externalRecipient: 'warn' });
  });

  it('takes MSSanté webmails IT declares, with their selectors', () => {
    const s = resolveSettings({ webmailProviders: [{ hosts: ['messagerie.sante-exemple.fr'], selectors: { sendButton: '#send' } }] }, {});
    expect(s.webmailProviders).toEqual([{ hosts: ['messagerie.sante-exemple.fr'], selectors: { sendButton: '#send' } }]);
    expect(resolveSettings({ webmailProviders: [{ hosts: ['bad host/'] }] }, {}).rejected).toEqual([{ key: 'webmailProviders', source: 'managed' }]);
  });

  it('language auto follows the browser', () => {
    expect(effectiveLanguage(resolveSettings({}, {}), 'en')).toBe('en');
    expect(effectiveLanguage(resolveSettings({}, { language: 'fr' }), 'en')).toBe('fr');
  });
});

describe('the schema check agrees with ajv on the organisation policy', () => {
  const root = policySchema as unknown as SchemaNode;
  const value = fc.oneof(
    fc.constantFrom('block', 'warn', 'allow', 'mode', 'sometimes', 'chu-exemple.fr', '*.chu.fr', 'bad domain', 'https://vigie.fr', 'x'.repeat(130), 0, 20, 2000, 7.5, -1, true, null),
    fc.array(fc.constantFrom('chu-exemple.fr', '*.chu.fr', 'a', 'chu-exemple.fr', 42), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('consumerSender', 'consumerRecipient', 'externalRecipient', 'maxAgeDays', 'operatorSizeLimitMB', 'fr', 'en', 'other'), fc.constantFrom('warn', 'block', 'allow', 3, 'x'), { maxKeys: 3 }),
  );
  it('accepts a key exactly when ajv accepts a policy holding it', () => {
    const keys = Object.keys(policySchema.properties).filter((k) => k !== '$schema');
    fc.assert(
      fc.property(fc.constantFrom(...keys), value, (key, v) => {
        const ours = conforms(v, root.properties![key]!, root);
        const ajv = parsePolicy({ [key]: v }).ok;
        return ours === ajv;
      }),
      { numRuns: 600 },
    );
  });
});
