// Attach documents from the patient record (DI): find the patient's documents, pick some, and hand the host the
// files packaged as MSSanté expects (IHE_XDM.ZIP + PDF copy), with the subject and X-MSS headers to set.
import { useMemo, useState } from 'preact/hooks';
import type { Language } from '../../model';
import type { DocumentSummary } from '../../ports/document-source';
import { DocumentSourceError } from '../../ports/document-source';
import { checkMatriculeIns } from '../../recipient-policy/ins';
import { packXdm, PatientError, XdmError, type PatientIdentity, type SenderInfo } from '../../documents';
import { sha1Hex } from '../../documents/hash';
import { toXdmDocument } from '../../documents/mhd/to-xdm';
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

export interface DocumentChooserProps {
  api: DocumentApi;
  lang: Language;
  /** Who sends: the organisation and the product, for INDEX.HTM and README.TXT. */
  sender: SenderInfo;
  /** The message's recipients (for X-MSS-MES and the patient size rule). */
  recipients?: string[];
  policy?: { nil?: string; operatorLimitBytes?: number };
  onAttach: (files: AttachedFile[], meta: { subject: string; headers: Record<string, string> }) => void | Promise<void>;
}

type Phase = { kind: 'form' } | { kind: 'searching' } | { kind: 'list'; docs: DocumentSummary[] } | { kind: 'attaching' } | { kind: 'done'; count: number };

let instances = 0;

export function DocumentChooser(props: DocumentChooserProps) {
  const { api, lang } = props;
  const t = chooserText[lang];
  const id = useMemo(() => `vigie-docs-${++instances}`, []);
  const [ins, setIns] = useState('');
  const [family, setFamily] = useState('');
  const [given, setGiven] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [title, setTitle] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
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
      setSelected(new Set());
      setPhase({ kind: 'list', docs });
      if (docs[0] && !title) setTitle(docs[0].title);
    } catch (err) {
      setError(err instanceof DocumentSourceError ? err.text[lang] : t.failed);
      setPhase({ kind: 'form' });
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
    try {
      const fetched = [];
      for (const d of chosen) {
        const bytes = await api.fetchDocument(check.matricule, d.id);
        fetched.push(toXdmDocument({ summary: d, bytes, sha1Hex: sha1Hex(bytes) }));
      }
      // The INS counts as qualified only when the DI says so for this very matricule (typed INS are not qualified).
      const fromDi = chosen[0]!.patient;
      const qualified = chosen.every((d) => d.patient.ins?.matricule?.toUpperCase() === check.matricule && d.patient.ins.qualified === true);
      const patient: PatientIdentity = { ins: { matricule: check.matricule, qualified }, ...(fromDi.ipp ? { ipp: fromDi.ipp } : {}), family, given, birthDate, ...(caseNumber ? { caseNumber } : {}) };
      const result = packXdm({ patient, documents: fetched, title: title || chosen[0]!.title, author: {}, sender: props.sender, ...(props.recipients ? { recipients: props.recipients } : {}), ...(props.policy ? { policy: props.policy } : {}) });
      if (result.size.level === 'refuse') {
        setError(result.size.message[lang]);
        setPhase({ kind: 'list', docs });
        return;
      }
      const headers: Record<string, string> = {};
      for (const h of result.headers) headers[h.name] = h.value;
      await props.onAttach(result.attachments.map((a) => ({ name: a.name, bytes: a.bytes, contentType: a.contentType })), { subject: result.subject, headers });
      setPhase({ kind: 'done', count: result.attachments.length });
    } catch (err) {
      const message = err instanceof DocumentSourceError || err instanceof PatientError || err instanceof XdmError ? err.text[lang] : t.failed;
      setError(message);
      setPhase({ kind: 'list', docs });
    }
  };

  const docs = phase.kind === 'list' ? phase.docs : [];
  return (
    <section class="vigie-docs" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="vigie-title">{t.title}</h2>
      <form onSubmit={search} class="vigie-form">
        <label for={`${id}-ins`} class="vigie-label">{t.ins}</label>
        <input id={`${id}-ins`} class="vigie-input" value={ins} maxLength={25} autoComplete="off" aria-invalid={check !== undefined && !check.valid} onInput={(e) => setIns((e.currentTarget as HTMLInputElement).value)} />
        <div class="vigie-row">
          <span class="vigie-field">
            <label for={`${id}-family`} class="vigie-label">{t.family}</label>
            <input id={`${id}-family`} class="vigie-input" value={family} autoComplete="off" onInput={(e) => setFamily((e.currentTarget as HTMLInputElement).value)} />
          </span>
          <span class="vigie-field">
            <label for={`${id}-given`} class="vigie-label">{t.given}</label>
            <input id={`${id}-given`} class="vigie-input" value={given} autoComplete="off" onInput={(e) => setGiven((e.currentTarget as HTMLInputElement).value)} />
          </span>
        </div>
        <div class="vigie-row">
          <span class="vigie-field">
            <label for={`${id}-birth`} class="vigie-label">{t.birthDate}</label>
            <input id={`${id}-birth`} class="vigie-input" type="date" value={birthDate} onInput={(e) => setBirthDate((e.currentTarget as HTMLInputElement).value)} />
          </span>
          <span class="vigie-field">
            <label for={`${id}-case`} class="vigie-label">{t.caseNumber}</label>
            <input id={`${id}-case`} class="vigie-input" value={caseNumber} autoComplete="off" onInput={(e) => setCaseNumber((e.currentTarget as HTMLInputElement).value)} />
          </span>
        </div>
        <button type="submit" class="vigie-button vigie-primary" disabled={phase.kind === 'searching'}>{phase.kind === 'searching' ? t.searching : t.search}</button>
      </form>
      {error && <p class="vigie-status vigie-error" role="alert">{error}</p>}
      {phase.kind === 'list' && docs.length === 0 && <p class="vigie-status" role="status">{t.noDocuments}</p>}
      {docs.length > 0 && (
        <fieldset class="vigie-doclist">
          <legend>{t.documents(docs.length)}</legend>
          {docs.map((d) => (
            <label class="vigie-doc" key={d.id}>
              <input
                type="checkbox"
                checked={selected.has(d.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if ((e.currentTarget as HTMLInputElement).checked) next.add(d.id);
                  else next.delete(d.id);
                  setSelected(next);
                }}
              />
              <span class="vigie-doc-title">{d.title}</span>
              <span class="vigie-doc-meta">{[d.date?.slice(0, 10), d.type?.display ?? d.type?.code, d.size ? `${Math.ceil(d.size / 1024)} Ko` : ''].filter(Boolean).join(' · ')}</span>
            </label>
          ))}
          <label for={`${id}-libelle`} class="vigie-label">{t.libelle}</label>
          <input id={`${id}-libelle`} class="vigie-input" value={title} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
          <button type="button" class="vigie-button vigie-primary" onClick={() => void attach(docs)}>{t.attach}</button>
        </fieldset>
      )}
      {phase.kind === 'attaching' && <p class="vigie-status" role="status">{t.attaching}</p>}
      {phase.kind === 'done' && <p class="vigie-status vigie-ok" role="status">{t.attached(phase.count)}</p>}
    </section>
  );
}
