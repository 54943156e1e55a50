// « Envoyer quand même » in Outlook: Smart Alerts never tells an add-in that the user chose to send anyway, so the
// warning's button opens this pane, where the reason is asked (the policy's list, or typed without patient data).
// The reason is left on the item for the send check, which lets that message go once and records it. Where Outlook
// has Mailbox 1.15 the pane sends the message itself (item.sendAsync); elsewhere the user clicks Send again.
import { useState } from 'preact/hooks';
import type { OrgPolicy } from '../../shared/config/policy';
import type { Language } from '../../shared/model';
import { OVERRIDE_REASON_MAX } from '../../shared/audit/event';
import { overrideChoices, overrideReason, overrideReminder } from '../../shared/audit/override';
import { OVERRIDE_KEY, writeStamped, type SessionDataLike } from '../office/override-session';

export interface OverrideItem {
  sessionData?: SessionDataLike;
  sendAsync?(cb: (r: { status: string; error?: { message: string } }) => void): void;
}

const words = {
  fr: {
    title: 'Envoyer quand même\u202f?',
    legend: 'Pourquoi envoyer quand même\u202f?',
    other: 'Autre motif (facultatif si un motif est coché)',
    confirm: 'Confirmer l’envoi',
    sending: 'Envoi du message…',
    noSend:
      'Votre version d’Outlook ne permet pas à Vigie d’envoyer le message (Mailbox 1.15)\u00a0: confirmez le motif ici, puis cliquez sur Envoyer dans le message. Vigie le laisse partir avec ce motif, noté au journal de l’établissement. Sans motif, le bouton « Envoyer quand même » d’Outlook l’envoie sans motif noté.',
    saved: 'Motif enregistré. Cliquez maintenant sur Envoyer dans le message.',
    notSaved: 'Outlook n’a pas pu garder le motif\u00a0: utilisez « Envoyer quand même » dans l’alerte d’Outlook.',
    sendFailed: 'Outlook n’a pas pu envoyer le message\u00a0: ',
  },
  en: {
    title: 'Send anyway?',
    legend: 'Why send anyway?',
    other: 'Other reason (optional when one is ticked)',
    confirm: 'Confirm sending',
    sending: 'Sending the message…',
    noSend:
      'Your version of Outlook does not let Vigie send the message (Mailbox 1.15): confirm the reason here, then click Send in the message. Vigie lets it go with that reason, noted in the organisation’s log. Without a reason, Outlook’s “Send anyway” button sends it with no reason noted.',
    saved: 'Reason saved. Now click Send in the message.',
    notSaved: 'Outlook could not keep the reason: use “Send anyway” in Outlook’s alert.',
    sendFailed: 'Outlook could not send the message: ',
  },
};

export function OverrideReason(props: { lang: Language; policy: OrgPolicy; item: OverrideItem; canSend: boolean }) {
  const w = words[props.lang];
  const [code, setCode] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const send = props.canSend && typeof props.item.sendAsync === 'function';
  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    const given = overrideReason(props.policy, { ...(code ? { code } : {}), ...(typed.trim() ? { text: typed } : {}) });
    if (!given.ok) return setError(given.error[props.lang]);
    setError('');
    setBusy(true);
    if (!(await writeStamped(props.item.sessionData, OVERRIDE_KEY, { reason: given.reason }))) {
      setBusy(false);
      return setError(w.notSaved);
    }
    if (!send) {
      setBusy(false);
      return setStatus(w.saved);
    }
    setStatus(w.sending);
    props.item.sendAsync!((r) => {
      setBusy(false);
      if (r.status !== 'succeeded') {
        setStatus('');
        setError(w.sendFailed + (r.error?.message ?? r.status));
      }
    });
  };
  return (
    <section class="vigie-override" aria-labelledby="vigie-override-title">
      <h2 id="vigie-override-title">{w.title}</h2>
      {!send && <p class="vigie-hint">{w.noSend}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend class="vigie-label">{w.legend}</legend>
          {overrideChoices(props.policy, props.lang).map((c) => (
            <label class="vigie-choice">
              <input type="radio" name="vigie-reason" value={c.code} checked={code === c.code} onChange={() => (setCode(c.code), setError(''))} /> {c.label}
            </label>
          ))}
          <label class="vigie-label" for="vigie-reason-text">
            {w.other}
          </label>
          <input
            id="vigie-reason-text"
            class="vigie-input"
            type="text"
            maxLength={OVERRIDE_REASON_MAX}
            value={typed}
            aria-invalid={!!error}
            aria-describedby="vigie-reason-hint vigie-reason-error"
            onInput={(e) => (setTyped((e.currentTarget as HTMLInputElement).value), setError(''))}
          />
          <p id="vigie-reason-hint" class="vigie-hint">
            {overrideReminder(props.policy)[props.lang]}
          </p>
          <p id="vigie-reason-error" class="vigie-status vigie-error" role="alert">
            {error}
          </p>
        </fieldset>
        <button type="submit" class="vigie-button vigie-primary" disabled={busy}>
          {w.confirm}
        </button>
        <p class="vigie-status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
