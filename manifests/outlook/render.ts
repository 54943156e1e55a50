// The Outlook add-in manifests, rendered for a base URL and a version: the XML add-in-only manifest (the whole fleet,
// on-premises Exchange and perpetual Office included) and the unified JSON manifest (Microsoft 365).
import { create } from 'xmlbuilder2';

export type SendMode = 'PromptUser' | 'SoftBlock' | 'Block';

export interface ManifestOptions {
  /** Where the companion server serves the add-in, e.g. `https://vigie.chu-exemple.fr` (no trailing slash needed). */
  baseUrl: string;
  /** Semantic version `1.2.3`; the XML manifest wants four parts. */
  version: string;
  /** SoftBlock for sideloading and user installs; Block only when IT deploys the add-in centrally. */
  sendMode?: SendMode;
  /** Stable add-in id (GUID). */
  id?: string;
}

export const ADDIN_ID = '5f1d2a7c-3b4e-4c1a-9d7e-8a6b2c0e4f11';
export const LAUNCH_EVENTS = [
  { type: 'OnMessageSend', unified: 'messageSending', functionName: 'onMessageSendHandler', send: true },
  { type: 'OnAppointmentSend', unified: 'appointmentSending', functionName: 'onAppointmentSendHandler', send: true },
  { type: 'OnMessageRecipientsChanged', unified: 'messageRecipientsChanged', functionName: 'onMessageRecipientsChangedHandler', send: false },
] as const;
/** The task-pane button ids (the Smart Alerts dialog's commandId names the first). */
export const PICKER_CONTROL_IDS = ['vigieOpenPicker', 'vigieOpenPickerAppointment'] as const;

const NS = {
  office: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  mailappor: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.0',
  vo10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  vo11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
};

const TEXT = {
  name: { fr: 'Vigie MSSanté', en: 'Vigie MSSanté' },
  description: {
    fr: 'Vérifie chaque envoi depuis une boîte MSSanté (destinataires hors de l’espace de confiance, INS patient, données de santé) et trouve les adresses dans l’Annuaire Santé.',
    en: 'Checks every message sent from an MSSanté mailbox (recipients outside the trusted space, patient INS, health data) and finds addresses in the Annuaire Santé.',
  },
  group: { fr: 'Vigie MSSanté', en: 'Vigie MSSanté' },
  button: { fr: 'Annuaire Santé', en: 'Annuaire Santé' },
  tooltip: {
    fr: 'Chercher un destinataire dans l’Annuaire Santé, joindre un document du dossier patient.',
    en: 'Find a recipient in the Annuaire Santé, attach a document from the patient record.',
  },
};

export function normaliseBase(baseUrl: string): string {
  const u = new URL(baseUrl);
  if (u.protocol !== 'https:') throw new Error(`the add-in must be served over HTTPS (got ${u.protocol})`);
  return u.toString().replace(/\/+$/, '');
}

export function fourPartVersion(v: string): string {
  const parts = v
    .split(/[.+-]/)
    .filter((p) => /^\d+$/.test(p))
    .slice(0, 4);
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

export function addinUrls(baseUrl: string) {
  const base = `${normaliseBase(baseUrl)}/outlook`;
  return {
    taskpane: `${base}/taskpane.html`,
    commands: `${base}/commands.html`,
    script: `${base}/launch-event.js`,
    icon: (size: number) => `${base}/assets/icon-${size}.png`,
    support: `${normaliseBase(baseUrl)}/`,
  };
}

export function renderXmlManifest(opts: ManifestOptions): string {
  const urls = addinUrls(opts.baseUrl);
  const sendMode = opts.sendMode ?? 'SoftBlock';
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const app = doc.ele(NS.office, 'OfficeApp', { 'xmlns:xsi': NS.xsi, 'xmlns:bt': NS.bt, 'xmlns:mailappor': NS.mailappor, 'xsi:type': 'MailApp' });
  app.ele('Id').txt(opts.id ?? ADDIN_ID);
  app.ele('Version').txt(fourPartVersion(opts.version));
  app.ele('ProviderName').txt('Vigie MSSanté');
  app.ele('DefaultLocale').txt('fr-FR');
  app.ele('DisplayName', { DefaultValue: TEXT.name.fr }).ele('Override', { Locale: 'en-US', Value: TEXT.name.en });
  app.ele('Description', { DefaultValue: TEXT.description.fr }).ele('Override', { Locale: 'en-US', Value: TEXT.description.en });
  app.ele('IconUrl', { DefaultValue: urls.icon(64) });
  app.ele('HighResolutionIconUrl', { DefaultValue: urls.icon(128) });
  app.ele('SupportUrl', { DefaultValue: urls.support });
  app.ele('AppDomains').ele('AppDomain').txt(normaliseBase(opts.baseUrl));
  app.ele('Hosts').ele('Host', { Name: 'Mailbox' });
  app.ele('Requirements').ele('Sets').ele('Set', { Name: 'Mailbox', MinVersion: '1.1' });
  app.ele('FormSettings').ele('Form', { 'xsi:type': 'ItemEdit' }).ele('DesktopSettings').ele('SourceLocation', { DefaultValue: urls.taskpane });
  app.ele('Permissions').txt('ReadWriteItem');
  const rule = app.ele('Rule', { 'xsi:type': 'RuleCollection', Mode: 'Or' });
  rule.ele('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Edit' });
  rule.ele('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Appointment', FormType: 'Edit' });
  app.ele('DisableEntityHighlighting').txt('false');

  const vo = app
    .ele(NS.vo10, 'VersionOverrides', { 'xsi:type': 'VersionOverridesV1_0' })
    .ele(NS.vo11, 'VersionOverrides', { 'xsi:type': 'VersionOverridesV1_1' });
  vo.ele('Requirements').ele(NS.bt, 'bt:Sets', { DefaultMinVersion: '1.12' }).ele(NS.bt, 'bt:Set', { Name: 'Mailbox' });
  const host = vo.ele('Hosts').ele('Host', { 'xsi:type': 'MailHost' });
  host.ele('Runtimes').ele('Runtime', { resid: 'WebViewRuntime.Url' }).ele('Override', { type: 'javascript', resid: 'JSRuntime.Url' });
  const desktop = host.ele('DesktopFormFactor');
  desktop.ele('FunctionFile', { resid: 'Commands.Url' });
  const surfaces = [
    ['MessageComposeCommandSurface', PICKER_CONTROL_IDS[0], 'vigieComposeGroup'],
    ['AppointmentOrganizerCommandSurface', PICKER_CONTROL_IDS[1], 'vigieAppointmentGroup'],
  ] as const;
  for (const [surface, controlId, groupId] of surfaces) {
    const group = desktop.ele('ExtensionPoint', { 'xsi:type': surface }).ele('OfficeTab', { id: 'TabDefault' }).ele('Group', { id: groupId });
    group.ele('Label', { resid: 'Group.Label' });
    const control = group.ele('Control', { 'xsi:type': 'Button', id: controlId });
    control.ele('Label', { resid: 'PickerButton.Label' });
    const tip = control.ele('Supertip');
    tip.ele('Title', { resid: 'PickerButton.Label' });
    tip.ele('Description', { resid: 'PickerButton.Tooltip' });
    const icon = control.ele('Icon');
    for (const s of [16, 32, 80]) icon.ele(NS.bt, 'bt:Image', { size: String(s), resid: `Icon.${s}x${s}` });
    control.ele('Action', { 'xsi:type': 'ShowTaskpane' }).ele('SourceLocation', { resid: 'Taskpane.Url' });
  }
  const launch = desktop.ele('ExtensionPoint', { 'xsi:type': 'LaunchEvent' });
  const events = launch.ele('LaunchEvents');
  for (const e of LAUNCH_EVENTS) events.ele('LaunchEvent', { Type: e.type, FunctionName: e.functionName, ...(e.send ? { SendMode: sendMode } : {}) });
  launch.ele('SourceLocation', { resid: 'WebViewRuntime.Url' });

  const res = vo.ele('Resources');
  const images = res.ele(NS.bt, 'bt:Images');
  for (const s of [16, 32, 80]) images.ele(NS.bt, 'bt:Image', { id: `Icon.${s}x${s}`, DefaultValue: urls.icon(s) });
  const u = res.ele(NS.bt, 'bt:Urls');
  u.ele(NS.bt, 'bt:Url', { id: 'Commands.Url', DefaultValue: urls.commands });
  u.ele(NS.bt, 'bt:Url', { id: 'Taskpane.Url', DefaultValue: urls.taskpane });
  u.ele(NS.bt, 'bt:Url', { id: 'WebViewRuntime.Url', DefaultValue: urls.commands });
  u.ele(NS.bt, 'bt:Url', { id: 'JSRuntime.Url', DefaultValue: urls.script });
  const short = res.ele(NS.bt, 'bt:ShortStrings');
  short.ele(NS.bt, 'bt:String', { id: 'Group.Label', DefaultValue: TEXT.group.fr }).ele(NS.bt, 'bt:Override', { Locale: 'en-US', Value: TEXT.group.en });
  short
    .ele(NS.bt, 'bt:String', { id: 'PickerButton.Label', DefaultValue: TEXT.button.fr })
    .ele(NS.bt, 'bt:Override', { Locale: 'en-US', Value: TEXT.button.en });
  res
    .ele(NS.bt, 'bt:LongStrings')
    .ele(NS.bt, 'bt:String', { id: 'PickerButton.Tooltip', DefaultValue: TEXT.tooltip.fr })
    .ele(NS.bt, 'bt:Override', { Locale: 'en-US', Value: TEXT.tooltip.en });
  return doc.end({ prettyPrint: true });
}

/** The unified manifest (Microsoft 365 app manifest, schema 1.24) for the same add-in. */
export function renderUnifiedManifest(opts: ManifestOptions): Record<string, unknown> {
  const urls = addinUrls(opts.baseUrl);
  const sendMode = ({ PromptUser: 'promptUser', SoftBlock: 'softBlock', Block: 'block' } as const)[opts.sendMode ?? 'SoftBlock'];
  const base = normaliseBase(opts.baseUrl);
  const mailbox = (minVersion: string) => ({ capabilities: [{ name: 'Mailbox', minVersion }] });
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
    manifestVersion: '1.24',
    id: opts.id ?? ADDIN_ID,
    version: opts.version,
    name: { short: TEXT.name.fr, full: TEXT.name.fr },
    description: { short: TEXT.description.fr.slice(0, 80), full: TEXT.description.fr },
    developer: { name: 'Vigie MSSanté', websiteUrl: urls.support, privacyUrl: urls.support, termsOfUseUrl: urls.support },
    icons: { outline: 'assets/icon-32.png', color: 'assets/icon-128.png' },
    accentColor: '#0F6CBD',
    localizationInfo: { defaultLanguageTag: 'fr-fr' },
    validDomains: [new URL(base).host],
    authorization: { permissions: { resourceSpecific: [{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }] } },
    extensions: [
      {
        requirements: { scopes: ['mail'], ...mailbox('1.12') },
        runtimes: [
          {
            id: 'autorun_runtime',
            type: 'general',
            lifetime: 'short',
            requirements: mailbox('1.12'),
            code: { page: urls.commands, script: urls.script },
            actions: LAUNCH_EVENTS.map((e) => ({ id: e.functionName, type: 'executeFunction' })),
          },
          {
            id: 'taskpane_runtime',
            type: 'general',
            requirements: mailbox('1.1'),
            code: { page: urls.taskpane },
            lifetime: 'long',
            actions: [{ id: 'vigieShowPicker', type: 'openPage', view: 'picker' }],
          },
        ],
        ribbons: [
          {
            contexts: ['mailCompose', 'meetingDetailsOrganizer'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  {
                    id: 'vigieComposeGroup',
                    label: TEXT.group.fr,
                    icons: [16, 32, 80].map((size) => ({ size, url: urls.icon(size) })),
                    controls: [
                      {
                        id: PICKER_CONTROL_IDS[0],
                        type: 'button',
                        label: TEXT.button.fr,
                        icons: [16, 32, 80].map((size) => ({ size, url: urls.icon(size) })),
                        supertip: { title: TEXT.button.fr, description: TEXT.tooltip.fr },
                        actionId: 'vigieShowPicker',
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        autoRunEvents: [
          {
            requirements: { scopes: ['mail'], ...mailbox('1.12') },
            events: LAUNCH_EVENTS.map((e) => ({ type: e.unified, actionId: e.functionName, ...(e.send ? { options: { sendMode } } : {}) })),
          },
        ],
      },
    ],
  };
}
