// Attach documents from the patient record (DI): find the patient's documents, pick some, and hand the host the
// files packaged as MSSanté expects (IHE_XDM.ZIP + PDF copy), with the subject and X-MSS headers to set.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Language, LocalizedText } from '../../model';
import type { DocumentSummary } from '../../ports/document-source';
import { DocumentSourceError } from '../../ports/document-source';
import { checkMatriculeIns } from '../../recipient-policy/ins';
import {
  HeaderError,
  PatientError,
  XdmError,
  maskingOfCodes,
  type DeliveryHost,
  type Masking,
  type PatientIdentity,
  type SenderInfo,
  type XdmAuthor,
  type XdmPolicy,
} from '../../documents';
import { prepareAttachment, type Prepared } from './prepare';
import { chooserText } from './text';

export interface DocumentApi {
  listDocuments(ins: string): Promise<DocumentSummary[]>;
  fetchDocument(ins: string, id: string): Promise<Uint8Array>;
  /** The patient's identity as the DI knows it (prefills the form), when the server offers it. */
  getPatient?(ins: string): Promise<Partial<PatientIdentity> | undefined>;
}

export interface AttachedFile {
  name: string;
  bytes: Uint8Array;
  contentType: string;
}

export interface AttachMeta {
  subject: string;
  /** Headers this mail client sets (already filtered by what it can). */
  headers: Record<string, string>;
  /** Tick the client's own read-receipt option. */
  readReceipt: boolean;
}

export interface DocumentChooserProps {
  api: DocumentApi;
  lang: Language;
  /** Which mail client: what it can set decides what is said before attaching. */
  host: DeliveryHost;
  /** Who sends: the organisation and the product, for INDEX.HTM and README.TXT. */
  sender: SenderInfo;
  /** The sender's Pro Santé Connect identity (national id, names, structure): the submission's author. */
  author?: XdmAuthor;
  /** The message's recipients as they stand when attaching (X-MSS-MES, intendedRecipient, size and visibility rules). */
  recipients: () => Promise<string[]> | string[];
  /** The sender's address, for the read receipt. */
  readReceiptTo?: string;
  policy?: XdmPolicy;
  onAttach: (files: AttachedFile[], meta: AttachMeta) => void | Promise<void>;
}

type Phase =
  | { kind: 'form' }
  | { kind: 'searching' }
  | { kind: 'list'; docs: DocumentSummary[] }
  | { kind: 'attaching' }
  | { kind: 'confirm'; docs: DocumentSummary[]; prepared: Prepared }
  | { kind: 'done'; count: number; notices: LocalizedText[] };

let instances = 0;

export function DocumentChooser(props: DocumentChooserProps) {
  const { api, lang } = props;
  const t = chooserText[lang];
  const id = useMemo(() => `vigie-docs-${++instances}`, []);
  const [ins, setIns] = useState('');
  const [family, setFamily] = useState('');
  const [given, setGiven] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<'' | 'M' | 'F'>('');
  const [caseNumber, setCaseNumber] = useState('');
  const [title, setTitle] = useState('');
  const [masking, setMasking] = useState<Masking>({});
  const [readReceipt, setReadReceipt] = useState(props.policy?.readReceipt === true);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The warning about what this client cannot set takes the focus: it is read and answered before anything is attached.
  useEffect(() => {
    if (phase.kind === 'confirm') confirmRef.current?.focus();
  }, [phase.kind]);
  const compact = ins.replace(/[\s.-]/g, '').toUpperCase();
  const check = compact ? checkMatriculeIns(compact) : undefined;

  const search = async (e: Event) => {
    e.preventDefault();
    setError('');
    if (!check?.valid) {
      setError(t.insInvalid);
      return;
    }
    setPhase({ kind: 'searching' });
    try {
      const [docs, known] = await Promise.all([api.listDocuments(check.matricule), api.getPatient?.(check.matricule) ?? Promise.resolve(undefined)]);
      if (known?.family && !family) setFamily(known.family);
      if (known?.given && !given) setGiven(known.given);
      if (known?.birthDate && !birthDate) setBirthDate(known.birthDate);
      if ((known?.sex === 'M' || known?.sex === 'F') && !sex) setSex(known.sex);
      setSelected(new Set());
      setPhase({ kind: 'list', docs });
      if (docs[0] && !title) setTitle(docs[0].title);
    } catch (err) {
      setError(err instanceof DocumentSourceError ? err.text[lang] : t.failed);
      setPhase({ kind: 'form' });
    }
  };

  const toggle = (d: DocumentSummary, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(d.id);
    else next.delete(d.id);
    setSelected(next);
    // The DI's visibility flags of a picked document are shown ticked: a mask is never dropped silently.
    if (on && d.securityLabels?.length) setMasking({ ...masking, ...maskingOfCodes(d.securityLabels) });
  };

  const deliver = async (prepared: Prepared, docs: DocumentSummary[]) => {
    const { result, plan } = prepared;
    try {
      await props.onAttach(
        result.attachments.map((a) => ({ name: a.name, bytes: a.bytes, contentType: a.contentType })),
        { subject: result.subject, headers: plan.headers, readReceipt: plan.readReceipt },
      );
      setPhase({ kind: 'done', count: result.attachments.length, notices: result.notices });
    } catch (err) {
      setError((err as Error).message || t.failed);
      setPhase({ kind: 'list', docs });
    }
  };

  const attach = async (docs: DocumentSummary[]) => {
    setError('');
    if (!check?.valid) return;
    const chosen = docs.filter((d) => selected.has(d.id));
    if (!chosen.length) {
      setError(t.noneSelected);
      return;
    }
    if (!family.trim() || !given.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
      setError(t.identityMissing);
      return;
    }
    setPhase({ kind: 'attaching' });
    let prepared: Prepared;
    try {
      prepared = await prepareAttachment({
        fetchDocument: (i, d) => api.fetchDocument(i, d),
        ins: check.matricule,
        chosen,
        patient: { family, given, birthDate, ...(sex ? { sex } : {}), ...(caseNumber ? { caseNumber } : {}) },
        title,
        ...(props.author ? { author: props.author } : {}),
        sender: props.sender,
        recipients: await props.recipients(),
        masking,
        readReceipt,
        ...(props.readReceiptTo ? { readReceiptTo: props.readReceiptTo } : {}),
        policy: props.policy ?? {},
        host: props.host,
      });
    } catch (err) {
      const known = err instanceof DocumentSourceError || err instanceof PatientError || err instanceof XdmError || err instanceof HeaderError;
      setError(known ? err.text[lang] : t.failed);
      setPhase({ kind: 'list', docs });
      return;
    }
    if (prepared.result.size.level === 'refuse') {
      setError(prepared.result.size.message[lang]);
      setPhase({ kind: 'list', docs });
      return;
    }
    // What this client cannot set is said now, before anything is attached, and the user decides.
    if (prepared.plan.missing.length > 0) setPhase({ kind: 'confirm', docs, prepared });
    else await deliver(prepared, docs);
  };

  const docs = phase.kind === 'list' || phase.kind === 'confirm' ? phase.docs : [];
  return (
    <section class="vigie-docs" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="vigie-title">
        {t.title}
      </h2>
      <form onSubmit={search} class="vigie-form">
        <label for={`${id}-ins`} class="vigie-label">
          {t.ins}
        </label>
        <input
          id={`${id}-ins`}
          class="vigie-input"
          value={ins}
          maxLength={25}
          autoComplete="off"
          aria-invalid={check !== undefined && !check.valid}
          onInput={(e) => setIns((e.currentTarget as HTMLInputElement).value)}
        />
        <div class="vigie-row">
          <span class="vigie-field">
            <label for={`${id}-family`} class="vigie-label">
              {t.family}
            </label>
            <input
              id={`${id}-family`}
              class="vigie-input"
              value={family}
              autoComplete="off"
              onInput={(e) => setFamily((e.currentTarget as HTMLInputElement).value)}
            />
          </span>
          <span class="vigie-field">
            <label for={`${id}-given`} class="vigie-label">
              {t.given}
            </label>
            <input
              id={`${id}-given`}
              class="vigie-input"
              value={given}
              autoComplete="off"
              onInput={(e) => setGiven((e.currentTarget as HTMLInputElement).value)}
            />
          </span>
        </div>
        <div class="vigie-row">
          <span class="vigie-field">
            <label for={`${id}-birth`} class="vigie-label">
              {t.birthDate}
            </label>
            <input
              id={`${id}-birth`}
              class="vigie-input"
              type="date"
              value={birthDate}
              onInput={(e) => setBirthDate((e.currentTarget as HTMLInputElement).value)}
            />
          </span>
          <span class="vigie-field">
            <label for={`${id}-sex`} class="vigie-label">
              {t.sex}
            </label>
            <select id={`${id}-sex`} class="vigie-input" value={sex} onChange={(e) => setSex((e.currentTarget as HTMLSelectElement).value as '' | 'M' | 'F')}>
              <option value="">{t.sexUnknown}</option>
              <option value="F">{t.female}</option>
              <option value="M">{t.male}</option>
            </select>
          </span>
        </div>
        <div class="vigie-row">
          <span class="vigie-field">
            <label for={`${id}-case`} class="vigie-label">
              {t.caseNumber}
            </label>
            <input
              id={`${id}-case`}
              class="vigie-input"
              value={caseNumber}
              autoComplete="off"
              onInput={(e) => setCaseNumber((e.currentTarget as HTMLInputElement).value)}
            />
          </span>
        </div>
        <button type="submit" class="vigie-button vigie-primary" disabled={phase.kind === 'searching'}>
          {phase.kind === 'searching' ? t.searching : t.search}
        </button>
      </form>
      {error && (
        <p class="vigie-status vigie-error" role="alert">
          {error}
        </p>
      )}
      {phase.kind === 'list' && docs.length === 0 && (
        <p class="vigie-status" role="status">
          {t.noDocuments}
        </p>
      )}
      {docs.length > 0 && (
        <fieldset class="vigie-doclist">
          <legend>{t.documents(docs.length)}</legend>
          {docs.map((d) => (
            <label class="vigie-doc" key={d.id}>
              <input type="checkbox" checked={selected.has(d.id)} onChange={(e) => toggle(d, (e.currentTarget as HTMLInputElement).checked)} />
              <span class="vigie-doc-title">{d.title}</span>
              <span class="vigie-doc-meta">
                {[d.date?.slice(0, 10), d.type?.display ?? d.type?.code, d.size ? `${Math.ceil(d.size / 1024)} Ko` : ''].filter(Boolean).join(' · ')}
              </span>
            </label>
          ))}
          <label for={`${id}-libelle`} class="vigie-label">
            {t.libelle}
          </label>
          <input id={`${id}-libelle`} class="vigie-input" value={title} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
          <fieldset class="vigie-visibility">
            <legend>{t.visibility}</legend>
            {(['hiddenFromProfessionals', 'invisibleToPatient', 'invisibleToLegalRepresentatives'] as const).map((k) => (
              <label class="vigie-check" key={k}>
                <input
                  type="checkbox"
                  checked={masking[k] === true}
                  onChange={(e) => setMasking({ ...masking, [k]: (e.currentTarget as HTMLInputElement).checked })}
                />{' '}
                {t[k]}
              </label>
            ))}
          </fieldset>
          <label class="vigie-check">
            <input type="checkbox" checked={readReceipt} onChange={(e) => setReadReceipt((e.currentTarget as HTMLInputElement).checked)} /> {t.readReceipt}
          </label>
          <p class="vigie-note">{props.author?.family ? t.author([props.author.given, props.author.family].filter(Boolean).join(' ')) : t.noAuthor}</p>
          <button type="button" class="vigie-button vigie-primary" disabled={phase.kind === 'confirm'} onClick={() => void attach(docs)}>
            {t.attach}
          </button>
        </fieldset>
      )}
      {phase.kind === 'confirm' && (
        <div class="vigie-status vigie-warn" role="alert">
          <p>{t.missingTitle}</p>
          <ul>
            {phase.prepared.plan.missing.map((m) => (
              <li key={m.header}>
                <strong>{m.header}</strong> — {m.advice[lang]}
              </li>
            ))}
          </ul>
          <button ref={confirmRef} type="button" class="vigie-button vigie-primary" onClick={() => void deliver(phase.prepared, phase.docs)}>
            {t.attachAnyway}
          </button>{' '}
          <button type="button" class="vigie-button" onClick={() => setPhase({ kind: 'list', docs: phase.docs })}>
            {t.cancel}
          </button>
        </div>
      )}
      {phase.kind === 'attaching' && (
        <p class="vigie-status" role="status">
          {t.attaching}
        </p>
      )}
      {phase.kind === 'done' && (
        <div class="vigie-status vigie-ok" role="status">
          <p>{t.attached(phase.count)}</p>
          {phase.notices.map((n) => (
            <p class="vigie-note" key={n.en}>
              {n[lang]}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
