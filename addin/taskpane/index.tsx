// Composition root of the Outlook task pane: office-js, the companion server that serves this page, the shared UI.
import { render } from 'preact';
import { ServerDirectoryClient } from '../../shared/directory/server-client';
import { ServerDocumentApi } from '../../shared/documents/server-api';
import { xdmPolicyOf, type XdmPolicy } from '../../shared/documents';
import type { OrgPolicy } from '../../shared/config/policy';
import { languageOf } from '../../shared/i18n/messages';
import { OfficeComposeActions, type OfficeWritableItem } from '../office/office-compose-actions';
import { OfficeComposeSession, type OfficeComposeItem } from '../office/office-compose-session';
import { TaskPane } from './TaskPane';
import { applyOfficeTheme, type OfficeTheme } from './office-theme';
import { effectiveSettings } from '../../shared/client/settings';
import { readStamped, WARNED_KEY } from '../office/override-session';
import type { OverrideItem } from './OverrideReason';

declare const Office: {
  onReady(): Promise<unknown>;
  EventType?: { OfficeThemeChanged?: string };
  context: {
    displayLanguage?: string;
    officeTheme?: OfficeTheme;
    mailbox?: {
      item?: OfficeWritableItem & OfficeComposeItem & OverrideItem;
      userProfile?: { emailAddress?: string };
      addHandlerAsync?(type: string, handler: (e: { officeTheme?: OfficeTheme }) => void): void;
    };
    requirements?: { isSetSupported(name: string, version: string): boolean };
  };
};

const VERSION = process.env.VIGIE_VERSION ?? '0.0.0';

/** The org policy the server publishes (its DI document settings: X-MSS-NIL, sourceId, read receipt, size limit…). */
async function serverPolicy(origin: string): Promise<{ policy: OrgPolicy; documents: XdmPolicy }> {
  let managed: unknown = {};
  try {
    const res = await window.fetch(`${origin}/policy.json`, { credentials: 'omit' });
    if (res.ok) managed = await res.json();
  } catch {
    /* the defaults */
  }
  return { policy: effectiveSettings(managed, {}).policy, documents: xdmPolicyOf((managed as Partial<OrgPolicy>).documents) };
}

void Office.onReady().then(async () => {
  const root = document.getElementById('root')!;
  applyOfficeTheme(Office.context.officeTheme);
  const themeChanged = Office.EventType?.OfficeThemeChanged;
  if (themeChanged) Office.context.mailbox?.addHandlerAsync?.(themeChanged, (e) => applyOfficeTheme(e.officeTheme ?? Office.context.officeTheme));
  const item = Office.context.mailbox?.item;
  const lang = languageOf(Office.context.displayLanguage ?? navigator.language);
  document.documentElement.lang = lang;
  if (!item) {
    root.textContent = lang === 'fr' ? 'Ouvrez un message en rédaction pour utiliser Vigie.' : 'Open a message being written to use Vigie.';
    return;
  }
  const origin = window.location.origin;
  const fetchFn = (url: string, init?: RequestInit) => window.fetch(url, init);
  const documents = new ServerDocumentApi(origin, fetchFn);
  const [{ policy: orgPolicy, documents: policy }, author, warned] = await Promise.all([
    serverPolicy(origin),
    documents.getAuthor(),
    readStamped(item.sessionData, WARNED_KEY),
  ]);
  // Opened from a warning's Smart Alerts button: the reason comes first; Mailbox 1.15 lets the pane send (sendAsync).
  const canSend = Office.context.requirements?.isSetSupported('Mailbox', '1.15') ?? false;
  const senderAddress = Office.context.mailbox?.userProfile?.emailAddress;
  render(
    <TaskPane
      lang={lang}
      directory={new ServerDirectoryClient(origin, fetchFn)}
      documents={documents}
      actions={new OfficeComposeActions(item)}
      session={new OfficeComposeSession(item, Office.context.mailbox?.userProfile?.emailAddress)}
      sender={{ organisation: window.location.hostname, application: { name: 'Vigie MSSanté', version: VERSION, vendor: 'Vigie MSSanté' } }}
      isAppointment={item.itemType === 'appointment'}
      policy={policy}
      {...(author ? { author } : {})}
      {...(senderAddress ? { senderAddress } : {})}
      {...(warned ? { override: { policy: orgPolicy, item, canSend } } : {})}
    />,
    root,
  );
});
