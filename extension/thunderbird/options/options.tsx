// Vigie's options page: what the user may set; what IT set by policy is shown greyed out with who set it.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { thunderbird } from '../messenger';
import { loadSettings, saveUserSettings, thunderbirdSettingsStorage, type LoadedSettings, type SettingKey } from '../settings';
import { languageFor } from '../context';
import { text } from '../text';

const api = thunderbird();
const storage = thunderbirdSettingsStorage(api.storage);

function Options(props: { initial: LoadedSettings }) {
  const [loaded, setLoaded] = useState(props.initial);
  const [values, setValues] = useState({ ...props.initial.settings, internalDomains: props.initial.settings.internalDomains.join(', ') });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  const lang = languageFor(loaded.settings, api.i18n?.getUILanguage());
  const t = text[lang].options;
  const locked = (k: SettingKey) => loaded.locked.includes(k);
  const lockNote = (k: SettingKey) => (locked(k) ? <span class="locked">{t.locked}</span> : null);
  const set = (k: SettingKey) => (e: Event) => setValues({ ...values, [k]: (e.currentTarget as HTMLInputElement).value });

  const save = async (e: Event) => {
    e.preventDefault();
    const r = await saveUserSettings(storage, values);
    if (r.ok) {
      setLoaded(r.loaded);
      setStatus({ ok: true, text: t.saved });
    } else setStatus({ ok: false, text: r.errors.map((x) => t.problem(x.key, x.reason)).join(' ') });
  };

  return (
    <form onSubmit={(e) => void save(e)}>
      <h1>{t.title}</h1>
      {loaded.locked.length > 0 && <p class="hint" id="locked-note">{t.lockedNote}</p>}
      {loaded.problems.map((p) => (
        <p class="problem">{t.problem(p.key, p.reason)}</p>
      ))}
      <label for="serverUrl">
        {t.serverUrl}
        {lockNote('serverUrl')}
      </label>
      <input type="url" id="serverUrl" value={values.serverUrl} disabled={locked('serverUrl')} onInput={set('serverUrl')} />
      <p class="hint">{t.serverHint}</p>
      <label for="mode">
        {t.mode}
        {lockNote('mode')}
      </label>
      <select id="mode" value={values.mode} disabled={locked('mode')} onChange={set('mode')}>
        <option value="block">{t.modeBlock}</option>
        <option value="warn">{t.modeWarn}</option>
      </select>
      <label for="language">
        {t.language}
        {lockNote('language')}
      </label>
      <select id="language" value={values.language} disabled={locked('language')} onChange={set('language')}>
        <option value="auto">{t.languageAuto}</option>
        <option value="fr">Français</option>
        <option value="en">English</option>
      </select>
      <label for="internalDomains">
        {t.internalDomains}
        {lockNote('internalDomains')}
      </label>
      <input type="text" id="internalDomains" value={values.internalDomains} disabled={locked('internalDomains')} onInput={set('internalDomains')} />
      <label for="helpdesk">
        {t.helpdesk}
        {lockNote('helpdesk')}
      </label>
      <input type="text" id="helpdesk" value={values.helpdesk} disabled={locked('helpdesk')} onInput={set('helpdesk')} />
      <label for="organisation">
        {t.organisation}
        {lockNote('organisation')}
      </label>
      <input type="text" id="organisation" value={values.organisation} disabled={locked('organisation')} onInput={set('organisation')} />
      <label for="productReference">
        {t.productReference}
        {lockNote('productReference')}
      </label>
      <input type="text" id="productReference" value={values.productReference} disabled={locked('productReference')} onInput={set('productReference')} />
      <button type="submit" id="save">{t.save}</button>
      <p class={status && !status.ok ? 'status problem' : 'status'} role="status" id="status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}

void loadSettings(storage).then((initial) => {
  document.documentElement.lang = languageFor(initial.settings, api.i18n?.getUILanguage());
  render(<Options initial={initial} />, document.getElementById('app')!);
});
