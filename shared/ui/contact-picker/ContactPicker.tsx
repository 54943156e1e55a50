// The Annuaire Santé contact picker, shared by every host: search as you type, keyboard navigation, insert into
// To/Cc/Bcc, and the patient address builder from an INS. Props in, callbacks out; no host API here.
import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DirectoryEntry, Language } from '../../model';
import { DirectoryError, type DirectoryClient } from '../../ports/directory-client';
import { checkMatriculeIns } from '../../recipient-policy/ins';
import { text, type PickerText } from './text';

export type RecipientField = 'to' | 'cc' | 'bcc';

export interface PickedRecipient {
  address: string;
  displayName: string;
  entry?: DirectoryEntry;
}

export interface ContactPickerProps {
  client: DirectoryClient;
  lang: Language;
  fields?: RecipientField[];
  onInsert: (recipient: PickedRecipient, field: RecipientField) => void | Promise<void>;
  /** Delay before searching after a keystroke. */
  debounceMs?: number;
  limit?: number;
  initialQuery?: string;
}

type Status = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; count: number } | { kind: 'error'; message: string };

let instances = 0;

function subtitle(e: DirectoryEntry): string {
  return [e.profession, e.specialty].filter(Boolean).join(' · ');
}

function place(e: Pick<DirectoryEntry, 'organisation' | 'service' | 'postcode' | 'city'>): string {
  const city = [e.postcode, e.city].filter(Boolean).join(' ');
  return [e.organisation, e.service, city].filter(Boolean).join(' — ');
}

/** An address that wraps in a narrow pane only after « @ » and the dots of its domain, never inside a word. */
function breakable(address: string) {
  return address.split(/(?<=[@.])/).flatMap((part, i) => (i ? [<wbr />, part] : [part]));
}

export function ContactPicker(props: ContactPickerProps) {
  const { client, lang, onInsert } = props;
  const fields = props.fields ?? ['to', 'cc', 'bcc'];
  const t: PickerText = text[lang];
  const id = useMemo(() => `vigie-picker-${++instances}`, []);
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [results, setResults] = useState<DirectoryEntry[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [hints, setHints] = useState<string[]>([]);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [announce, setAnnounce] = useState('');
  const controller = useRef<AbortController | null>(null);
  const listRef = useRef<HTMLUListElement | null>(null);

  useEffect(() => {
    const q = query.trim();
    controller.current?.abort();
    setHints([]);
    if (q.length < 2) {
      setResults([]);
      setStatus({ kind: 'idle' });
      setActive(-1);
      return;
    }
    const ac = new AbortController();
    controller.current = ac;
    const timer = setTimeout(() => {
      setStatus({ kind: 'loading' });
      client.search({ q, limit: props.limit ?? 20 }, ac.signal).then(
        (r) => {
          if (ac.signal.aborted) return;
          const suggested = r.results.length ? [] : (r.didYouMean ?? []).slice(0, 3);
          setResults(r.results);
          setHints(suggested);
          setActive(r.results.length ? 0 : -1);
          setStatus({ kind: 'done', count: r.results.length });
          setAnnounce(r.results.length ? t.count(r.results.length) : suggested.length ? `${t.didYouMeanSentence(suggested)} ${t.none}` : t.none);
        },
        (e: unknown) => {
          if (ac.signal.aborted) return;
          const message = e instanceof DirectoryError ? e.text[lang] : t.failed;
          setResults([]);
          setStatus({ kind: 'error', message });
          setAnnounce(message);
        },
      );
    }, props.debounceMs ?? 200);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  // A suggestion replaces the query and searches again; the focus goes back to the field.
  const choose = (hint: string) => {
    setQuery(hint);
    inputRef.current?.focus();
  };

  const insert = async (entry: DirectoryEntry, field: RecipientField) => {
    await onInsert({ address: entry.address, displayName: entry.displayName, entry }, field);
    setAnnounce(t.inserted(entry.displayName, t.field[field]));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(results.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Home' && results.length && e.ctrlKey) {
      setActive(0);
    } else if (e.key === 'End' && results.length && e.ctrlKey) {
      setActive(results.length - 1);
    } else if (e.key === 'Enter') {
      const entry = results[active];
      if (entry) {
        e.preventDefault();
        // Enter adds to the first field; Shift+Enter to Cc, Ctrl+Enter to Bcc when offered.
        const field: RecipientField = e.shiftKey && fields.includes('cc') ? 'cc' : (e.ctrlKey || e.metaKey) && fields.includes('bcc') ? 'bcc' : fields[0]!;
        void insert(entry, field);
      }
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  };

  const listId = `${id}-list`;
  const activeId = active >= 0 ? `${id}-opt-${active}` : undefined;

  return (
    <section class="vigie-picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="vigie-title">
        {t.title}
      </h2>
      <label for={`${id}-input`} class="vigie-label">
        {t.label}
      </label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        class="vigie-input"
        type="search"
        role="combobox"
        list={undefined}
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={`${id}-hint`}
        placeholder={t.placeholder}
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} class="vigie-hint">
        {t.hint}
      </p>
      <div role="status" aria-live="polite" class="vigie-sr-only">
        {announce}
      </div>
      {status.kind === 'loading' && <p class="vigie-status">{t.loading}</p>}
      {status.kind === 'error' && (
        <p class="vigie-status vigie-error" role="alert">
          {status.message}
        </p>
      )}
      {status.kind === 'done' && status.count === 0 && hints.length > 0 && (
        <p class="vigie-status vigie-did-you-mean">
          {t.didYouMean}{' '}
          {hints.map((h, i) => (
            <Fragment key={h}>
              {i > 0 && ` ${t.or} `}
              <button type="button" class="vigie-suggestion" onClick={() => choose(h)}>
                {t.quoted(h)}
              </button>
            </Fragment>
          ))}
          {t.questionMark}
        </p>
      )}
      {status.kind === 'done' && status.count === 0 && <p class="vigie-status">{t.none}</p>}
      <ul id={listId} ref={listRef} role="listbox" class="vigie-results" aria-label={t.results} hidden={results.length === 0}>
        {results.map((e, i) => (
          <li
            id={`${id}-opt-${i}`}
            key={e.address}
            data-index={i}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'vigie-result vigie-active' : 'vigie-result'}
            onClick={() => setActive(i)}
            onDblClick={() => void insert(e, fields[0]!)}
          >
            <div class="vigie-result-main">
              <span class="vigie-name">{e.displayName}</span>
              <span class={`vigie-badge vigie-badge-${e.type.toLowerCase()}`} title={t.typeLong(e.type)}>
                {t.typeShort(e.type)}
              </span>
            </div>
            {subtitle(e) && <div class="vigie-sub">{subtitle(e)}</div>}
            {place(e) && <div class="vigie-place">{place(e)}</div>}
            {e.otherPlaces?.map((p) => (
              <div class="vigie-place">
                {t.alsoAt}
                {place(p)}
              </div>
            ))}
            <div class="vigie-address">{breakable(e.address)}</div>
          </li>
        ))}
      </ul>
      {results[active] && (
        // Listbox options may not hold buttons: the actions apply to the chosen result.
        <div class="vigie-actions" role="group" aria-label={t.addChosen}>
          <span class="vigie-actions-label" aria-hidden="true">
            {t.addName(results[active]!.displayName)}
          </span>
          {fields.map((f) => (
            <button
              type="button"
              class="vigie-button"
              aria-label={t.addTo(results[active]!.displayName, t.field[f])}
              onClick={() => void insert(results[active]!, f)}
            >
              {t.fieldShort[f]}
            </button>
          ))}
        </div>
      )}
      <PatientAddressBuilder
        lang={lang}
        fields={fields}
        onInsert={async (r, f) => {
          await onInsert(r, f);
          setAnnounce(t.inserted(r.address, t.field[f]));
        }}
      />
    </section>
  );
}

export function PatientAddressBuilder(props: {
  lang: Language;
  fields: RecipientField[];
  onInsert: (r: PickedRecipient, f: RecipientField) => void | Promise<void>;
}) {
  const t = text[props.lang];
  const id = useMemo(() => `vigie-ins-${++instances}`, []);
  const [ins, setIns] = useState('');
  const compact = ins.replace(/[\s.-]/g, '').toUpperCase();
  const check = compact.length === 0 ? undefined : checkMatriculeIns(compact);
  const address = check?.valid ? `${check.matricule.toLowerCase()}@patient.mssante.fr` : undefined;
  return (
    <details class="vigie-patient">
      <summary>{t.patientTitle}</summary>
      <label for={`${id}-input`} class="vigie-label">
        {t.insLabel}
      </label>
      <input
        id={`${id}-input`}
        class="vigie-input"
        inputMode="text"
        autoComplete="off"
        maxLength={25}
        value={ins}
        aria-describedby={`${id}-msg`}
        aria-invalid={check !== undefined && !check.valid}
        onInput={(e) => setIns((e.currentTarget as HTMLInputElement).value)}
      />
      <p id={`${id}-msg`} class={check && !check.valid ? 'vigie-hint vigie-error' : 'vigie-hint'}>
        {check === undefined ? t.insHint : check.valid ? address : t.insInvalid[check.reason]}
      </p>
      {address && (
        <div class="vigie-actions">
          {props.fields.map((f) => (
            <button type="button" class="vigie-button" onClick={() => void props.onInsert({ address, displayName: address }, f)}>
              {t.addPatient(t.field[f])}
            </button>
          ))}
        </div>
      )}
    </details>
  );
}
