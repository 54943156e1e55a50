// The DI documents section of the Vigie page: the shared document chooser (IHE_XDM.ZIP + PDF copy, subject and X-MSS
// headers), attaching through the compose session.
import { DocumentChooser, type AttachedFile } from '../../../shared/ui/document-chooser';
import type { DocumentsApi } from '../di-client';

export interface DocumentsPanelProps {
  api: DocumentsApi;
  lang: 'fr' | 'en';
  organisation: string;
  documentsPolicy: { productReference?: string; operatorSizeLimitMB: number };
  version: string;
  recipients: string[];
  onAttach(files: AttachedFile[], meta: { subject: string; headers: Record<string, string> }): Promise<void>;
}

export function DocumentsPanel(props: DocumentsPanelProps) {
  return (
    <DocumentChooser
      api={props.api}
      lang={props.lang}
      sender={{ organisation: props.organisation || 'Vigie MSSanté', application: { name: 'Vigie MSSanté (Thunderbird)', version: props.version, vendor: 'Vigie MSSanté' } }}
      recipients={props.recipients}
      policy={{ ...(props.documentsPolicy.productReference ? { nil: props.documentsPolicy.productReference } : {}), operatorLimitBytes: props.documentsPolicy.operatorSizeLimitMB * 1024 * 1024 }}
      onAttach={props.onAttach}
    />
  );
}
