import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { managedSchema, mergePatch, renderManifest, type Json } from './render';
import policySchema from '../../shared/config/policy.schema.json';
import { builtInHosts } from '../../extension/webmail/providers';

const read = (f: string) => JSON.parse(readFileSync(join(__dirname, f), 'utf8')) as Json;
const version = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

describe('JSON Merge Patch', () => {
  it('merges objects, replaces arrays and scalars, deletes on null, leaves the target untouched', () => {
    const target = { a: 1, b: { c: 2, d: [1, 2] }, e: 'x' };
    expect(mergePatch(target, { b: { d: [3], f: true }, e: null, g: 'new' })).toEqual({ a: 1, b: { c: 2, d: [3], f: true }, g: 'new' });
    expect(target).toEqual({ a: 1, b: { c: 2, d: [1, 2] }, e: 'x' });
  });
});

describe('extension manifests', () => {
  const chrome = renderManifest(read('base.json'), read('chrome.json'), { version, hosts: builtInHosts() });
  const firefox = renderManifest(read('base.json'), read('firefox.json'), { version, hosts: builtInHosts() });

  it('Chrome runs a service worker and declares the managed schema; Firefox an event page with its gecko id', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.storage).toEqual({ managed_schema: 'managed-schema.json' });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect((firefox.browser_specific_settings as { gecko: { id: string } }).gecko.id).toMatch(/@/);
    expect(firefox.storage).toBeUndefined();
  });

  it('injects the content script on exactly the hosts the provider registry serves, over HTTPS only', () => {
    for (const m of [chrome, firefox]) {
      const cs = (m.content_scripts as { matches: string[] }[])[0]!;
      expect(cs.matches).toEqual(builtInHosts().map((h) => `https://${h}/*`));
      expect(cs.matches).toContain('https://mail.google.com/*');
      expect(cs.matches).toContain('https://*.mssante.fr/*');
      expect(m.host_permissions).toEqual(cs.matches);
      expect(m.version).toBe(version);
      expect(m.manifest_version).toBe(3);
    }
  });

  it('refuses a version browsers would reject', () => {
    expect(() => renderManifest(read('base.json'), read('chrome.json'), { version: '1.0.0-beta', hosts: [] })).toThrow(/manifest version/);
  });

  it('every __MSG_ key exists in both locales', () => {
    const keys = [...JSON.stringify(chrome).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    for (const lang of ['fr', 'en']) {
      const messages = read(`_locales/${lang}/messages.json`) as Record<string, unknown>;
      for (const k of keys) expect(messages).toHaveProperty(k);
    }
  });
});

describe('managed_schema generated from the organisation policy schema', () => {
  const schema = managedSchema(policySchema as never);
  const props = schema.properties as Record<string, Record<string, unknown>>;

  it('has one top-level property per policy key and per extension setting', () => {
    const expected = Object.keys(policySchema.properties).filter((k) => k !== '$schema');
    expect(Object.keys(props).sort()).toEqual(expected.sort());
    expect(schema).not.toHaveProperty('additionalProperties');
  });

  it('keeps only what Chrome accepts: a type on every node, no boolean additionalProperties, ranges on integers only, no $ref', () => {
    const walk = (n: Record<string, unknown>, path: string) => {
      expect([path, typeof n.type]).toEqual([path, 'string']);
      expect(n).not.toHaveProperty('$ref');
      expect(n).not.toHaveProperty('default');
      if (typeof n.additionalProperties === 'boolean') throw new Error(`${path}: boolean additionalProperties`);
      if (n.type !== 'integer') expect([path, n.minimum, n.maximum]).toEqual([path, undefined, undefined]);
      for (const [k, c] of Object.entries((n.properties as Record<string, Record<string, unknown>>) ?? {})) walk(c, `${path}/${k}`);
      if (n.items) walk(n.items as Record<string, unknown>, `${path}[]`);
      if (n.additionalProperties) walk(n.additionalProperties as Record<string, unknown>, `${path}/*`);
    };
    walk(schema as Record<string, unknown>, '');
    expect(props.mode).toMatchObject({ type: 'string', enum: ['block', 'warn', 'audit'] });
    expect((props.internalDomains!.items as { pattern: string }).pattern).toBe(policySchema.definitions.domainPattern.pattern);
  });

  it('refuses a key defined twice rather than letting one schema silently win', () => {
    expect(() => managedSchema(policySchema as never, policySchema as never)).toThrow(/defined twice/);
  });
});
