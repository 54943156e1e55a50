// The DI documents section of the Vigie page: the shared document chooser (IHE_XDM.ZIP + PDF copy, subject and X-MSS
// headers), attaching through the compose session.
import { DocumentChooser, type AttachedFile, type AttachMeta } from '../../../shared/ui/document-chooser';
import { xdmPolicyOf, type XdmAuthor } from '../../../shared/documents';
import type { OrgPolicy } from '../../../shared/config/policy';
import type { DocumentsApi } from '../di-client';

export interface DocumentsPanelProps {
  api: DocumentsApi;
  lang: 'fr' | 'en';
  organisation: string;
  documentsPolicy: Partial<OrgPolicy['documents']>;
  version: string;
  /** The compose window's recipients and sender as they stand when attaching. */
  draft(): Promise<{ recipients: string[]; from?: string }>;
  author?: XdmAuthor;
  onAttach(files: AttachedFile[], meta: AttachMeta): Promise<void>;
}

export function DocumentsPanel(props: DocumentsPanelProps) {
  return (
    <DocumentChooser
      api={props.api}
      lang={props.lang}
      host="thunderbird"
      sender={{
        organisation: props.organisation || 'Vigie MSSanté',
        application: { name: 'Vigie MSSanté (Thunderbird)', version: props.version, vendor: 'Vigie MSSanté' },
      }}
      {...(props.author ? { author: props.author } : {})}
      recipients={async () => (await props.draft()).recipients}
      policy={xdmPolicyOf(props.documentsPolicy)}
      onAttach={props.onAttach}
    />
  );
}
