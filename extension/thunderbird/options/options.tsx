// Vigie's options page: what the user may set; what IT set by policy is shown greyed out with who set it.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browserStorage, type WebExtensionApi } from '../../browser-api';
import { thunderbird } from '../messenger';
import { loadSettings, saveUserSettings } from '../../browser-api/settings';
import type { EffectiveSettings as LoadedSettings } from '../../../shared/client/settings';
import { languageFor } from '../context';
import { text } from '../text';

const api = thunderbird();
const storage = browserStorage(api as unknown as WebExtensionApi);

interface Form {
  serverUrl: string;
  mode: string;
  language: string;
  internalDomains: string;
  helpdesk: string;
  organisation: string;
}

const formOf = (l: LoadedSettings): Form => ({
  serverUrl: l.serverUrl,
  mode: l.policy.mode,
  language: l.language,
  internalDomains: l.policy.internalDomains.join(', '),
  helpdesk: l.policy.helpdesk ?? '',
  organisation: l.organisation,
});

/** The form as setting values (only what the user filled in; empty text means "not set"). */
function valuesOf(f: Form): Record<string, unknown> {
  const out: Record<string, unknown> = {
    mode: f.mode,
    language: f.language,
    internalDomains: f.internalDomains
      .split(/[\s,;]+/)
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
  };
  for (const k of ['serverUrl', 'helpdesk', 'organisation'] as const) if (f[k].trim()) out[k] = f[k].trim();
  return out;
}

function Options(props: { initial: LoadedSettings }) {
  const [loaded, setLoaded] = useState(props.initial);
  const [form, setForm] = useState(formOf(props.initial));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  const lang = languageFor(loaded, api.i18n?.getUILanguage());
  const t = text[lang].options;
  const locked = (k: keyof Form) => loaded.locked.includes(k);
  const lockNote = (k: keyof Form) => (locked(k) ? <span class="locked">{t.locked}</span> : null);
  const set = (k: keyof Form) => (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });

  const save = async (e: Event) => {
    e.preventDefault();
    const r = await saveUserSettings(storage, valuesOf(form), loaded.locked);
    if (!r.ok) {
      setStatus({ ok: false, text: r.errors.map((x) => t.problem(x.key, t.reason[x.reason] ?? x.reason)).join(' ') });
      return;
    }
    const next = await loadSettings(storage);
    setLoaded(next);
    setForm(formOf(next));
    setStatus({ ok: true, text: t.saved });
  };

  const field = (k: keyof Form, label: string, type = 'text') => (
    <>
      <label for={k}>
        {label}
        {lockNote(k)}
      </label>
      <input type={type} id={k} value={form[k]} disabled={locked(k)} onInput={set(k)} />
    </>
  );

  return (
    <form onSubmit={(e) => void save(e)}>
      <h1>{t.title}</h1>
      {loaded.locked.length > 0 && (
        <p class="hint" id="locked-note">
          {t.lockedNote}
        </p>
      )}
      {loaded.problems.map((p) => (
        <p class="problem">{t.problem(p.key, t.reason[p.reason] ?? p.reason)}</p>
      ))}
      {field('serverUrl', t.serverUrl, 'url')}
      <p class="hint">{t.serverHint}</p>
      <label for="mode">
        {t.mode}
        {lockNote('mode')}
      </label>
      <select id="mode" value={form.mode} disabled={locked('mode')} onChange={set('mode')}>
        <option value="block">{t.modeBlock}</option>
        <option value="warn">{t.modeWarn}</option>
      </select>
      <label for="language">
        {t.language}
        {lockNote('language')}
      </label>
      <select id="language" value={form.language} disabled={locked('language')} onChange={set('language')}>
        <option value="auto">{t.languageAuto}</option>
        <option value="fr">Français</option>
        <option value="en">English</option>
      </select>
      {field('internalDomains', t.internalDomains)}
      {field('helpdesk', t.helpdesk)}
      {field('organisation', t.organisation)}
      {loaded.policy.documents.productReference && (
        <p class="hint" id="product-reference">
          {t.productReference} : {loaded.policy.documents.productReference}
        </p>
      )}
      <button type="submit" id="save">
        {t.save}
      </button>
      <p class={status && !status.ok ? 'status problem' : 'status'} role="status" id="status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}

void loadSettings(storage).then((initial) => {
  document.documentElement.lang = languageFor(initial, api.i18n?.getUILanguage());
  render(<Options initial={initial} />, document.getElementById('app')!);
});
