// The Vigie page of a compose tab: opened from the compose toolbar button (compose_action popup) or, when a send was
// stopped, as its own window (?tab=N&reason=send). It shows the verdict with the fix (remove the recipients, find
// the right MSSanté address in the Annuaire Santé), lets the user confirm a warning, and attaches DI documents.
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ContactPicker } from '../../../shared/ui/contact-picker';
import type { Verdict } from '../../../shared/model';
import { verdictView } from '../../../shared/client/verdict-view';
import { overrideChoices, overrideReminder } from '../../../shared/audit/override';
import { OVERRIDE_REASON_MAX } from '../../../shared/audit/event';
import type { OrgPolicy } from '../../../shared/config/policy';
import { thunderbird } from '../messenger';
import { send as sendMessage, type Envelope } from '../../messaging';
import type { CheckReply } from '../messages';
import { ThunderbirdComposeSession } from '../compose-session';
import { directoryClientOf, languageFor } from '../context';
import { serverDocumentsApi } from '../di-client';
import { text } from '../text';
import type { EffectiveSettings as LoadedSettings } from '../../../shared/client/settings';
import { DocumentsPanel } from './documents';
import type { XdmAuthor } from '../../../shared/documents';
import { VigieWindows } from '../vigie-window';

const api = thunderbird();
const params = new URLSearchParams(location.search);
const fromSend = params.get('reason') === 'send';
const transport = (m: Envelope) => api.runtime.sendMessage(m);
const version = (api.runtime as { getManifest?(): { version: string } }).getManifest?.().version ?? '';

async function composeTabId(): Promise<number | undefined> {
  const given = Number(params.get('tab'));
  if (Number.isInteger(given) && given >= 0 && params.get('tab') !== null) return given;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** "Envoyer quand même" asks why: a reason from the organisation's list, or typed (never patient data). */
function OverrideReason(props: {
  policy: OrgPolicy;
  lang: 'fr' | 'en';
  busy: boolean;
  onConfirm(reason: { code?: string; text?: string }): void;
  onCancel(): void;
}) {
  const t = text[props.lang];
  const [code, setCode] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  return (
    <form
      class="vigie-override"
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm({ ...(code ? { code } : {}), ...(typed.trim() ? { text: typed } : {}) });
      }}
    >
      <fieldset>
        <legend>{t.overrideTitle}</legend>
        {overrideChoices(props.policy, props.lang).map((c) => (
          <label class="vigie-choice">
            <input type="radio" name="vigie-reason" id={`vigie-reason-${c.code}`} value={c.code} checked={code === c.code} onChange={() => setCode(c.code)} />{' '}
            {c.label}
          </label>
        ))}
        <label for="vigie-reason-text">{t.overrideText}</label>
        <input
          id="vigie-reason-text"
          type="text"
          maxLength={OVERRIDE_REASON_MAX}
          value={typed}
          aria-describedby="vigie-reason-hint"
          onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
        />
        <p id="vigie-reason-hint" class="vigie-hint">
          {overrideReminder(props.policy)[props.lang]}
        </p>
      </fieldset>
      <div class="vigie-buttons">
        <button type="submit" id="vigie-confirm-send" class="vigie-primary" disabled={props.busy}>
          {t.overrideConfirm}
        </button>
        <button type="button" class="vigie-secondary" disabled={props.busy} onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function VerdictPanel(props: {
  reply: CheckReply;
  policy: OrgPolicy;
  lang: 'fr' | 'en';
  busy: boolean;
  onRemove(addresses: string[]): void;
  onSend(reason?: { code?: string; text?: string }): void;
  onRecheck(): void;
  onSwitchIdentity(email: string): void;
}) {
  const t = text[props.lang];
  const [asking, setAsking] = useState(false);
  const v: Verdict = props.reply.verdict;
  // How the verdict reads is the core's (shared/client/verdict-view): the same headline and message in every host.
  const view = verdictView(v, props.lang);
  const problems = view.recipients.filter((r) => r.category !== 'mssante');
  return (
    <section class={`vigie-verdict vigie-verdict-${v.verdict}`} role={v.verdict === 'allow' ? 'status' : 'alert'} aria-labelledby="vigie-verdict-title">
      <h1 id="vigie-verdict-title">{view.headline}</h1>
      <p class="vigie-message" data-testid="verdict-message">
        {view.message}
      </p>
      {v.verdict === 'allow' && view.notices.map((n) => <p class="vigie-notice">{n}</p>)}
      {props.reply.expandedLists.map((l) => (
        <p class="vigie-notice">{t.listExpanded(l.name, l.members)}</p>
      ))}
      {view.recipients.length > 0 && (
        <>
          <h2>{t.recipientsTitle}</h2>
          <ul class="vigie-problems">
            {view.recipients.map((r) => (
              <li>
                <strong>{r.address}</strong> <span class={`vigie-cat vigie-cat-${r.category}`}>{t.category[r.category]}</span>
                <div class="vigie-reason">{r.reason}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="vigie-buttons">
        {problems.some((r) => r.category !== 'invalid') && (
          <button
            type="button"
            id="vigie-remove"
            disabled={props.busy}
            onClick={() => props.onRemove(v.recipients.filter((r) => r.category !== 'mssante' && r.category !== 'patient' && r.address).map((r) => r.address!))}
          >
            {t.removeOutside}
          </button>
        )}
        {v.switchIdentity && (
          <button
            type="button"
            id="vigie-switch-identity"
            class="vigie-primary"
            disabled={props.busy}
            onClick={() => props.onSwitchIdentity(v.switchIdentity!)}
          >
            {t.switchIdentity(v.switchIdentity)}
          </button>
        )}
        {view.actions.includes('send-anyway') && !asking && (
          <button type="button" id="vigie-send-anyway" class="vigie-secondary" disabled={props.busy} onClick={() => setAsking(true)}>
            {t.sendAnyway}
          </button>
        )}
        {v.verdict === 'allow' && fromSend && (
          <button type="button" id="vigie-send-now" class="vigie-primary" disabled={props.busy} onClick={() => props.onSend()}>
            {t.sendNow}
          </button>
        )}
        <button type="button" id="vigie-recheck" class="vigie-secondary" disabled={props.busy} onClick={props.onRecheck}>
          {t.recheck}
        </button>
      </div>
      {asking && (
        <OverrideReason policy={props.policy} lang={props.lang} busy={props.busy} onConfirm={(r) => props.onSend(r)} onCancel={() => setAsking(false)} />
      )}
    </section>
  );
}

function App(props: { tabId: number | undefined; loaded: LoadedSettings }) {
  const lang = languageFor(props.loaded, api.i18n?.getUILanguage());
  const t = text[lang];
  const [reply, setReply] = useState<CheckReply | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const session = useMemo(() => (props.tabId === undefined ? undefined : new ThunderbirdComposeSession(api, props.tabId)), [props.tabId]);
  const client = useMemo(() => directoryClientOf(props.loaded), [props.loaded]);
  const documents = useMemo(() => (props.loaded.serverUrl ? serverDocumentsApi(props.loaded.serverUrl, (u, i) => fetch(u, i)) : undefined), [props.loaded]);
  const [author, setAuthor] = useState<XdmAuthor | undefined>();
  useEffect(() => void documents?.getAuthor().then(setAuthor), [documents]);

  const recheck = useCallback(async () => {
    if (props.tabId === undefined) return;
    try {
      setReply(await sendMessage(transport, 'background/check-compose', { tabId: props.tabId }));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setReply(undefined);
    }
  }, [props.tabId]);

  useEffect(() => {
    void recheck();
    // Brought forward by a second stopped send, or back from the compose window: check what is there now.
    const onFocus = () => void recheck();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [recheck]);

  if (props.tabId === undefined || !session) return <p>{t.noTab}</p>;

  const onSend = async (reason?: { code?: string; text?: string }) => {
    setBusy(true);
    setNote(t.sending);
    const r = await sendMessage(transport, 'background/confirm-send', { tabId: props.tabId!, ...(reason ? { reason } : {}) }).catch((e: unknown) => ({
      ok: false as const,
      error: e instanceof Error ? e.message : String(e),
    }));
    setBusy(false);
    if (r.ok) {
      if (fromSend) window.close();
      else setNote('');
      return;
    }
    setNote(t.sendFailed(r.error));
    await recheck();
  };
  const onSwitchIdentity = async (email: string) => {
    setBusy(true);
    setNote((await session.useIdentity(email)) ? t.identitySwitched(email) : '');
    await recheck();
    setBusy(false);
  };
  const onRemove = async (addresses: string[]) => {
    setBusy(true);
    const n = await session.removeRecipients(addresses);
    setNote(t.removed(n));
    await recheck();
    setBusy(false);
  };

  return (
    <main class="vigie-root">
      <header class="vigie-header">
        <img src="../icons/32.png" alt="" width={24} height={24} />
        <span>{t.appName}</span>
      </header>
      {error && (
        <section class="vigie-verdict vigie-verdict-block" role="alert">
          <h1>{t.errorTitle}</h1>
          <p class="vigie-message">{error}</p>
        </section>
      )}
      {reply && (fromSend || reply.verdict.verdict !== 'allow') && (
        <VerdictPanel
          reply={reply}
          policy={props.loaded.policy}
          lang={lang}
          busy={busy}
          onRemove={(a) => void onRemove(a)}
          onSend={(r) => void onSend(r)}
          onRecheck={() => void recheck()}
          onSwitchIdentity={(e) => void onSwitchIdentity(e)}
        />
      )}
      <p class="vigie-note" role="status" aria-live="polite" data-testid="note">
        {note}
      </p>
      {client ? (
        <ContactPicker
          client={client}
          lang={lang}
          onInsert={async (r, field) => {
            await session.addRecipient(field, r);
            setNote(t.inserted(r.displayName || r.address));
            await recheck();
          }}
        />
      ) : (
        <p class="vigie-notice">
          {t.noServer}{' '}
          <a
            href="#"
            onClick={(e) => {
              e.preventDefault();
              void api.runtime.openOptionsPage?.();
            }}
          >
            {t.openOptions}
          </a>
        </p>
      )}
      {documents && (
        <DocumentsPanel
          api={documents}
          lang={lang}
          organisation={props.loaded.organisation}
          documentsPolicy={props.loaded.policy.documents}
          version={version}
          {...(author ? { author } : {})}
          draft={async () => {
            const d = await session.readDraft();
            return { recipients: [...d.to, ...d.cc, ...d.bcc], from: d.from };
          }}
          onAttach={async (files, meta) => {
            await session.attachDocuments(files, meta);
            setNote(t.attached(files.length));
            await recheck();
          }}
        />
      )}
    </main>
  );
}

async function main() {
  const root = document.getElementById('app')!;
  if (fromSend) {
    // This window is the Vigie window of that compose tab: a second stopped send brings it forward.
    const tab = Number(params.get('tab'));
    void api.windows
      .getCurrent?.()
      .then((w) => (w.id !== undefined ? new VigieWindows(api).register(tab, w.id) : undefined))
      .catch(() => undefined);
  }
  const [tabId, loaded] = await Promise.all([composeTabId(), sendMessage(transport, 'background/settings', {})]);
  document.documentElement.lang = languageFor(loaded, api.i18n?.getUILanguage());
  render(<App tabId={tabId} loaded={loaded} />, root);
}

void main();
