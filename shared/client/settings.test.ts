import fc from 'fast-check';
import { parsePolicy } from '../config/validate-policy';
import { defaultPolicy, policySchema } from '../config/policy';
import { conforms, type SchemaNode } from './conform';
import { effectiveSettings, languageFor, userSettingsToSave } from './settings';

describe('effective settings: IT policy, then user options, then defaults — one rule for every host', () => {
  it('gives the defaults when nothing is set, or when a layer is not an object', () => {
    for (const [m, u] of [
      [{}, {}],
      [null, undefined],
      ['text', [1, 2]],
    ] as const) {
      const s = effectiveSettings(m, u);
      expect(s.policy).toEqual(defaultPolicy());
      expect(s).toMatchObject({ serverUrl: '', organisation: '', language: 'auto', locked: [], problems: [] });
    }
  });

  it('IT policy wins over the user, the user over the defaults, key by key, and IT keys are locked', () => {
    const s = effectiveSettings(
      {
        mode: 'warn',
        internalDomains: ['chu-exemple.fr'],
        whitelist: { serverUrl: 'https://vigie.chu-exemple.fr/api/liste-blanche' },
        documents: { productReference: 'REF-1' },
        serverUrl: 'https://vigie.chu-exemple.fr',
      },
      { mode: 'block', language: 'en', serverUrl: 'https://elsewhere.example/' },
    );
    expect(s.policy).toMatchObject({
      mode: 'warn',
      internalDomains: ['chu-exemple.fr'],
      whitelist: { maxAgeDays: 7, serverUrl: 'https://vigie.chu-exemple.fr/api/liste-blanche' },
      documents: { productReference: 'REF-1', operatorSizeLimitMB: 20 },
    });
    expect(s.serverUrl).toBe('https://vigie.chu-exemple.fr/');
    expect(s.language).toBe('en');
    expect([...s.locked].sort()).toEqual(['documents', 'internalDomains', 'mode', 'serverUrl', 'whitelist']);
  });

  it('drops an invalid key whole (reported with where it came from) without losing the valid ones', () => {
    const s = effectiveSettings(
      { serverUrl: 'http://vigie.chu-exemple.fr', mode: 'sometimes', colour: 'red', healthData: { consumerSender: 'block', consumerRecipient: 'never' } },
      { serverUrl: 'https://ok.example', internalDomains: ['not a domain!'] },
    );
    expect(s.serverUrl).toBe('https://ok.example/');
    expect(s.policy.mode).toBe('block');
    expect(s.policy.internalDomains).toEqual([]);
    // Never half-applied: the valid sub-key of a refused object is not taken either.
    expect(s.policy.healthData).toEqual(defaultPolicy().healthData);
    expect(s.locked).toEqual([]);
    expect(s.problems).toEqual([
      { key: 'mode', source: 'managed', reason: 'invalid value' },
      { key: 'internalDomains', source: 'user', reason: 'invalid value' },
      { key: 'healthData', source: 'managed', reason: 'invalid value' },
      { key: 'serverUrl', source: 'managed', reason: 'invalid value' },
      { key: 'colour', source: 'managed', reason: 'unknown setting' },
    ]);
  });

  it('takes http:// only for a server on this machine', () => {
    expect(effectiveSettings({}, { serverUrl: 'http://127.0.0.1:8443' }).serverUrl).toBe('http://127.0.0.1:8443/');
    expect(effectiveSettings({}, { serverUrl: 'http://10.0.0.2/' }).problems).toEqual([{ key: 'serverUrl', source: 'user', reason: 'invalid value' }]);
  });

  it('fills the sub-keys a nested setting leaves out', () => {
    expect(effectiveSettings({ healthData: { consumerSender: 'block' } }, {}).policy.healthData).toEqual({
      ...defaultPolicy().healthData,
      consumerSender: 'block',
    });
  });

  it('takes the MSSanté webmails IT declares, with their selectors, and refuses a bad host', () => {
    const s = effectiveSettings({ webmailProviders: [{ hosts: ['messagerie.sante-exemple.fr'], selectors: { sendButton: '#send' } }] }, {});
    expect(s.policy.webmailProviders).toEqual([{ hosts: ['messagerie.sante-exemple.fr'], selectors: { sendButton: '#send' } }]);
    expect(effectiveSettings({ webmailProviders: [{ hosts: ['bad host/'] }] }, {}).problems).toEqual([
      { key: 'webmailProviders', source: 'managed', reason: 'invalid value' },
    ]);
  });

  it('saves the user’s choices without locked keys, and refuses the whole save for one bad value', () => {
    expect(userSettingsToSave({ serverUrl: 'https://mine.example/', mode: 'warn' }, ['serverUrl'])).toEqual({ ok: true, values: { mode: 'warn' } });
    expect(userSettingsToSave({ mode: 'never', language: 'fr', colour: 1 }, [])).toEqual({
      ok: false,
      errors: [
        { key: 'mode', reason: 'invalid value' },
        { key: 'colour', reason: 'unknown setting' },
      ],
    });
  });

  it('language auto follows the host UI, French unless clearly English', () => {
    expect(languageFor(effectiveSettings({}, {}), 'en-GB')).toBe('en');
    expect(languageFor(effectiveSettings({}, {}), undefined)).toBe('fr');
    expect(languageFor(effectiveSettings({}, { language: 'fr' }), 'en')).toBe('fr');
  });
});

describe('the schema check agrees with ajv on the organisation policy', () => {
  const root = policySchema as unknown as SchemaNode;
  const value = fc.oneof(
    fc.constantFrom(
      'block',
      'warn',
      'allow',
      'mode',
      'sometimes',
      'chu-exemple.fr',
      '*.chu.fr',
      'bad domain',
      'https://vigie.fr',
      'x'.repeat(130),
      0,
      20,
      2000,
      7.5,
      -1,
      true,
      null,
    ),
    fc.array(fc.constantFrom('chu-exemple.fr', '*.chu.fr', 'a', 'chu-exemple.fr', 42), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom('consumerSender', 'consumerRecipient', 'externalRecipient', 'maxAgeDays', 'operatorSizeLimitMB', 'fr', 'en', 'other'),
      fc.constantFrom('warn', 'block', 'allow', 3, 'x'),
      { maxKeys: 3 },
    ),
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
