// Manifest checks. The XML manifest is checked element by element, not against Microsoft's XSD: the
// [MS-OXMANIFEST] schema files are not published in any package this project can install offline, so each element
// and attribute the add-in relies on is asserted here. The unified manifest is validated against the JSON schema
// that @microsoft/app-manifest ships.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { renderXmlManifest, renderUnifiedManifest, LAUNCH_EVENTS, PICKER_CONTROL_IDS, fourPartVersion } from './render';

const BASE = 'https://vigie.chu-exemple.fr';
const O = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const VO11 = 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function parse(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}
const all = (doc: Document, ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name)) as unknown as Element[];

describe('XML add-in-only manifest', () => {
  const xml = renderXmlManifest({ baseUrl: BASE, version: '0.1.0' });
  const doc = parse(xml);
  const root = doc.documentElement!;

  it('states where Outlook reads it that the launch events need Mailbox 1.12 (Smart Alerts)', () => {
    const doc = parse(xml);
    const vo = all(doc, VO11, 'VersionOverrides')[0]!;
    const req = Array.from(vo.childNodes).find((n) => (n as Element).localName === 'Requirements') as Element;
    const sets = all(req as unknown as Document, BT, 'Sets')[0]!;
    expect(sets.getAttribute('DefaultMinVersion')).toBe('1.12');
    expect(all(sets as unknown as Document, BT, 'Set').map((e) => e.getAttribute('Name'))).toEqual(['Mailbox']);
    // The event handlers are declared only under these overrides, never at the top level (which stays at 1.1 for the task pane).
    expect(all(doc, VO11, 'LaunchEvent').length).toBe(LAUNCH_EVENTS.length);
  });

  it('is a MailApp with id, four-part version, French default and English overrides', () => {
    expect(root.namespaceURI).toBe(O);
    expect(root.getAttributeNS(XSI, 'type')).toBe('MailApp');
    expect(all(doc, O, 'Version')[0]!.textContent).toBe('0.1.0.0');
    expect(all(doc, O, 'DefaultLocale')[0]!.textContent).toBe('fr-FR');
    expect(all(doc, O, 'Id')[0]!.textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(all(doc, O, 'Permissions')[0]!.textContent).toBe('ReadWriteItem');
    // Element order matters in the XSD's sequence: the ones the add-in uses, in that order.
    const order = Array.from(root.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => (n as unknown as Element).localName);
    expect(order).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'FormSettings',
      'Permissions',
      'Rule',
      'DisableEntityHighlighting',
      'VersionOverrides',
    ]);
  });

  it('declares every launch event, associated by the bundle, with the send mode asked for', () => {
    const events = all(doc, VO11, 'LaunchEvent').map((e) => [e.getAttribute('Type'), e.getAttribute('FunctionName'), e.getAttribute('SendMode')]);
    expect(events).toEqual([
      ['OnMessageSend', 'onMessageSendHandler', 'SoftBlock'],
      ['OnAppointmentSend', 'onAppointmentSendHandler', 'SoftBlock'],
      ['OnMessageRecipientsChanged', 'onMessageRecipientsChangedHandler', null],
    ]);
    const blocked = parse(renderXmlManifest({ baseUrl: BASE, version: '0.1.0', sendMode: 'Block' }));
    expect(all(blocked, VO11, 'LaunchEvent').filter((e) => e.getAttribute('SendMode') === 'Block')).toHaveLength(2);
    const bundle = readFileSync(join(__dirname, '../../dist/outlook/launch-event.js'), 'utf8');
    for (const e of LAUNCH_EVENTS) expect(bundle).toContain(`"${e.functionName}"`);
  });

  it('points the JavaScript runtime override and the HTML runtime at the built files; the LaunchEvent source is the runtime', () => {
    const runtime = all(doc, VO11, 'Runtime')[0]!;
    expect(runtime.getAttribute('resid')).toBe('WebViewRuntime.Url');
    const override = all(doc, VO11, 'Override')[0]!;
    expect(override.getAttribute('type')).toBe('javascript');
    const urls = Object.fromEntries(all(doc, BT, 'Url').map((u) => [u.getAttribute('id'), u.getAttribute('DefaultValue')]));
    expect(urls[override.getAttribute('resid')!]).toBe(`${BASE}/outlook/launch-event.js`);
    expect(urls['WebViewRuntime.Url']).toBe(`${BASE}/outlook/commands.html`);
    const launchPoint = all(doc, VO11, 'ExtensionPoint').find((e) => e.getAttributeNS(XSI, 'type') === 'LaunchEvent')!;
    expect(all(launchPoint.ownerDocument!, VO11, 'SourceLocation').some((s) => s.getAttribute('resid') === 'WebViewRuntime.Url')).toBe(true);
    for (const r of all(doc, VO11, 'Override')) expect(r.getAttribute('resid')!.length).toBeLessThanOrEqual(32);
  });

  it('every resid resolves and every URL is under the base URL, over HTTPS', () => {
    const defined = new Set(
      all(doc, BT, 'Url')
        .concat(all(doc, BT, 'Image'), all(doc, BT, 'String'))
        .map((e) => e.getAttribute('id'))
        .filter(Boolean),
    );
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const r of used) expect(defined.has(r!)).toBe(true);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!).concat(all(doc, O, 'AppDomain').map((a) => a.textContent!));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(BASE)).toBe(true);
  });

  it('has the task-pane buttons the Smart Alerts dialog opens', () => {
    const ids = all(doc, VO11, 'Control').map((c) => c.getAttribute('id'));
    expect(ids).toEqual([...PICKER_CONTROL_IDS]);
  });

  it('refuses a base URL that is not HTTPS', () => {
    expect(() => renderXmlManifest({ baseUrl: 'http://vigie.local', version: '1.0.0' })).toThrow(/HTTPS/);
    expect(fourPartVersion('1.2.3-beta.4')).toBe('1.2.3.4');
  });
});

describe('unified manifest', () => {
  const manifest = renderUnifiedManifest({ baseUrl: BASE, version: '0.1.0', sendMode: 'Block' });

  it('validates against the Microsoft 365 app manifest schema 1.24', () => {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.24/MicrosoftTeams.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('runs the same handlers, with the send mode asked for', () => {
    const ext = (
      manifest.extensions as {
        autoRunEvents: { events: { type: string; actionId: string; options?: { sendMode: string } }[] }[];
        runtimes: { actions: { id: string }[] }[];
      }[]
    )[0]!;
    expect(ext.autoRunEvents[0]!.events.map((e) => [e.type, e.actionId, e.options?.sendMode])).toEqual([
      ['messageSending', 'onMessageSendHandler', 'block'],
      ['appointmentSending', 'onAppointmentSendHandler', 'block'],
      ['messageRecipientsChanged', 'onMessageRecipientsChangedHandler', undefined],
    ]);
    expect(ext.runtimes[0]!.actions.map((a) => a.id)).toEqual(LAUNCH_EVENTS.map((e) => e.functionName));
    for (const u of JSON.stringify(manifest)
      .match(/https:\/\/[^"]+/g)!
      .filter((x) => !x.includes('developer.microsoft.com')))
      expect(u.startsWith(BASE)).toBe(true);
  });
});
