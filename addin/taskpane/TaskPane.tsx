// The Outlook task pane: the Annuaire Santé picker and the DI document chooser, over the item being composed.
import { useState } from 'preact/hooks';
import type { Language } from '../../shared/model';
import type { DirectoryClient } from '../../shared/ports/directory-client';
import { ContactPicker } from '../../shared/ui/contact-picker';
import { DocumentChooser, type DocumentApi } from '../../shared/ui/document-chooser';
import type { SenderInfo, XdmAuthor, XdmPolicy } from '../../shared/documents';
import type { OfficeComposeActions } from '../office/office-compose-actions';
import type { ComposeSession } from '../../shared/ports/compose-session';
import type { OrgPolicy } from '../../shared/config/policy';
import { OverrideReason, type OverrideItem } from './OverrideReason';

export interface TaskPaneProps {
  lang: Language;
  directory: DirectoryClient;
  documents: DocumentApi;
  actions: OfficeComposeActions;
  session: ComposeSession;
  sender: SenderInfo;
  isAppointment: boolean;
  policy?: XdmPolicy;
  /** The Pro Santé Connect identity of the user (the documents' sender), when logged in. */
  author?: XdmAuthor;
  /** The mailbox the user writes from (read receipts come back to it). */
  senderAddress?: string;
  /** Opened from a warning's Smart Alerts button: the reason to send anyway is asked first. */
  override?: { policy: OrgPolicy; item: OverrideItem; canSend: boolean };
}

const words = {
  fr: {
    tabs: 'Vigie MSSanté',
    picker: 'Annuaire Santé',
    docs: 'Documents du dossier',
    attachFailed: 'Outlook n’a pas pu joindre les documents : ',
    insertFailed: 'Outlook n’a pas pu ajouter le destinataire : ',
  },
  en: {
    tabs: 'Vigie MSSanté',
    picker: 'Annuaire Santé',
    docs: 'Record documents',
    attachFailed: 'Outlook could not attach the documents: ',
    insertFailed: 'Outlook could not add the recipient: ',
  },
};

export function TaskPane(props: TaskPaneProps) {
  const w = words[props.lang];
  const [tab, setTab] = useState<'picker' | 'docs'>('picker');
  const [problem, setProblem] = useState('');
  const tabs = [
    ['picker', w.picker],
    ['docs', w.docs],
  ] as const;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const next = tab === 'picker' ? 'docs' : 'picker';
      setTab(next);
      (e.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>(`#vigie-tab-${next}`)?.focus();
    }
  };
  return (
    <main class="vigie-root vigie-pane">
      {props.override && <OverrideReason lang={props.lang} {...props.override} />}
      <div role="tablist" aria-label={w.tabs} class="vigie-tabs">
        {tabs.map(([id, label]) => (
          <button
            id={`vigie-tab-${id}`}
            role="tab"
            type="button"
            class="vigie-tab"
            aria-selected={tab === id}
            aria-controls={`vigie-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={onKey}
          >
            {label}
          </button>
        ))}
      </div>
      {problem && (
        <p class="vigie-status vigie-error" role="alert">
          {problem}
        </p>
      )}
      <div id="vigie-panel-picker" role="tabpanel" aria-labelledby="vigie-tab-picker" hidden={tab !== 'picker'}>
        <ContactPicker
          client={props.directory}
          lang={props.lang}
          fields={props.isAppointment ? ['to', 'cc'] : ['to', 'cc', 'bcc']}
          onInsert={async (r, field) => {
            setProblem('');
            try {
              await props.session.addRecipient(field, r);
            } catch (e) {
              setProblem(w.insertFailed + (e as Error).message);
            }
          }}
        />
      </div>
      <div id="vigie-panel-docs" role="tabpanel" aria-labelledby="vigie-tab-docs" hidden={tab !== 'docs'}>
        <DocumentChooser
          api={props.documents}
          lang={props.lang}
          host="outlook"
          sender={props.sender}
          {...(props.author ? { author: props.author } : {})}
          {...(props.senderAddress ? { readReceiptTo: props.senderAddress } : {})}
          recipients={() => props.actions.recipients()}
          {...(props.policy ? { policy: props.policy } : {})}
          onAttach={async (files, meta) => {
            setProblem('');
            try {
              await props.actions.deliverDocuments(files, meta);
            } catch (e) {
              setProblem(w.attachFailed + (e as Error).message);
              throw e;
            }
          }}
        />
      </div>
    </main>
  );
}
