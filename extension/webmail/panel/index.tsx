// The picker panel: the shared ContactPicker (and DocumentChooser) over the companion server, inserting into the
// compose of the tab it serves. Embedded in the page by the banner, or opened as the toolbar popup.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ContactPicker } from '../../../shared/ui/contact-picker';
import { DocumentChooser } from '../../../shared/ui/document-chooser';
import { ServerDirectoryClient } from '../../../shared/directory/server-client';
import { ServerDocumentApi } from '../../../shared/documents/server-api';
import { xdmPolicyOf, type XdmAuthor } from '../../../shared/documents';
import { browserStorage, getBrowser, uiLanguage } from '../../browser-api';
import { send, type Envelope, type MessageType, type RequestOf, type ResponseOf } from '../../messaging';
import { languageFor, loadSettings, type EffectiveSettings } from '../settings';
import { say, ui } from '../messages';

/** Sends a compose message to the page's top frame through the background (which knows this panel's tab). */
async function toCompose<T extends 'compose/insert-recipient' | 'compose/attach' | 'compose/status'>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const browser = getBrowser();
  const transport = (m: Envelope) => browser.runtime.sendMessage(m) as Promise<unknown>;
  const inner = (await send(transport, 'background/to-tab', { message: { type, payload } as Envelope<MessageType> as never })) as
    { ok?: boolean; value?: unknown; error?: string } | undefined;
  if (!inner || inner.ok !== true) throw new Error(inner?.error ?? 'no compose');
  return inner.value as ResponseOf<T>;
}

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function Panel({ settings, lang }: { settings: EffectiveSettings; lang: 'fr' | 'en' }) {
  const [note, setNote] = useState('');
  const [download, setDownload] = useState<{ files: { name: string; url: string }[]; subject: string; headers: Record<string, string> } | null>(null);
  const [tab, setTab] = useState<'directory' | 'documents'>('directory');
  const [headers, setHeaders] = useState<Record<string, string> | null>(null);
  useEffect(() => () => download?.files.forEach((f) => URL.revokeObjectURL(f.url)), [download]);
  const server = settings.serverUrl;
  // One client per server: the picker searches again when its client changes.
  const client = useMemo(() => (server ? new ServerDirectoryClient(server, (url, init) => fetch(url, init)) : undefined), [server]);
  const documents = useMemo(() => (server ? new ServerDocumentApi(server, (url, init) => fetch(url, init)) : undefined), [server]);
  const [author, setAuthor] = useState<XdmAuthor | undefined>();
  useEffect(() => void documents?.getAuthor().then(setAuthor), [documents]);
  if (!server || !client || !documents)
    return (
      <p class="vigie-note" role="status">
        {say(ui.noServer, lang)}
      </p>
    );
  const fieldName = { to: lang === 'fr' ? 'À' : 'To', cc: 'Cc', bcc: lang === 'fr' ? 'Cci' : 'Bcc' };
  return (
    <div class="vigie-panel">
      <div role="tablist" class="vigie-tabs">
        <button role="tab" aria-selected={tab === 'directory'} onClick={() => setTab('directory')}>
          {say(ui.directory, lang)}
        </button>
        <button role="tab" aria-selected={tab === 'documents'} onClick={() => setTab('documents')}>
          {lang === 'fr' ? 'Documents DI' : 'DI documents'}
        </button>
      </div>
      {tab === 'directory' ? (
        <ContactPicker
          client={client}
          lang={lang}
          onInsert={async (r, field) => {
            try {
              const { inserted } = await toCompose('compose/insert-recipient', { address: r.address, displayName: r.displayName, field });
              setNote(inserted ? say(ui.inserted, lang, { address: r.address, field: fieldName[field] }) : say(ui.noCompose, lang));
            } catch {
              setNote(say(ui.noCompose, lang));
            }
          }}
        />
      ) : (
        <DocumentChooser
          api={documents}
          lang={lang}
          host="webmail"
          sender={{
            organisation: settings.organisation ?? 'Vigie MSSanté',
            application: { name: 'Vigie MSSanté (webmail)', version: VERSION, vendor: 'Vigie MSSanté' },
          }}
          {...(author ? { author } : {})}
          recipients={async () => (await toCompose('compose/status', {}).catch(() => undefined))?.recipients ?? []}
          policy={xdmPolicyOf(settings.policy.documents)}
          onAttach={async (files, meta) => {
            let attached = false;
            try {
              ({ attached } = await toCompose('compose/attach', {
                subject: meta.subject,
                files: files.map((f) => ({ name: f.name, contentType: f.contentType, base64: base64(f.bytes) })),
              }));
            } catch {
              attached = false;
            }
            if (attached) setHeaders(meta.headers);
            else {
              setDownload({
                files: files.map((f) => ({ name: f.name, url: URL.createObjectURL(new Blob([f.bytes as BlobPart], { type: f.contentType })) })),
                subject: meta.subject,
                headers: meta.headers,
              });
            }
          }}
        />
      )}
      {download && (
        <div class="vigie-download" role="status">
          <p>{say(ui.attachDownload, lang)}</p>
          <ul>
            {download.files.map((f) => (
              <li key={f.name}>
                <a href={f.url} download={f.name}>
                  {f.name}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <strong>{lang === 'fr' ? 'Objet' : 'Subject'} :</strong> {download.subject}
          </p>
          <pre>
            {Object.entries(download.headers)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n')}
          </pre>
        </div>
      )}
      {headers && Object.keys(headers).length > 0 && (
        <div class="vigie-download" role="status">
          <p>{say(ui.headersNote, lang)}</p>
          <pre>
            {Object.entries(headers)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n')}
          </pre>
        </div>
      )}
      <p class="vigie-note" role="status" aria-live="polite">
        {note}
      </p>
    </div>
  );
}

async function main() {
  const storage = browserStorage();
  const settings = await loadSettings(storage);
  const lang = languageFor(settings, uiLanguage());
  document.documentElement.lang = lang;
  const root = document.getElementById('app');
  if (root) render(<Panel settings={settings} lang={lang} />, root);
}

void main();
