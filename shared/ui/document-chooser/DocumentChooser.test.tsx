/** @jest-environment ./test/support/jsdom-environment.cjs */
import { render, screen, fireEvent, waitFor } from '@testing-library/preact';
import { unzipSync, strFromU8 } from 'fflate';
import { DocumentChooser, type DocumentApi, type DocumentChooserProps } from './DocumentChooser';
import { DocumentSourceError, type DocumentSummary } from '../../ports/document-source';
import { readCda } from '../../documents';

const INS = '279035121518989';
const pdf = new TextEncoder().encode('%PDF-1.4\n% compte rendu\n%%EOF\n');
const summary: DocumentSummary = {
  id: 'doc-1',
  title: 'Compte rendu de consultation',
  status: 'current',
  date: '2026-11-20T10:00:00Z',
  contentType: 'application/pdf',
  url: 'Binary/b1',
  size: pdf.length,
  patient: { ins: { matricule: INS, oid: '1.2.250.1.213.1.4.10', qualified: true } },
  type: { system: 'http://loinc.org', code: '11488-4', codingScheme: '2.16.840.1.113883.6.1', display: 'Note de consultation' },
  securityLabels: ['INVISIBLE_REPRESENTANTS_LEGAUX'],
};

function api(overrides: Partial<DocumentApi> = {}): DocumentApi {
  return {
    listDocuments: jest.fn(async () => [summary]),
    fetchDocument: jest.fn(async () => pdf),
    getPatient: jest.fn(async () => ({ family: 'Pat-Trois', given: 'Dominique', birthDate: '1979-03-28' })),
    ...overrides,
  };
}

const sender = { organisation: 'CHU Exemple', application: { name: 'Vigie MSSanté', version: '0.1.0', vendor: 'CHU Exemple' } };
const author = { idNat: '810001234567', family: 'MARTIN', given: 'Jeanne', institution: { name: 'CHU Exemple' } };
const base = (over: Partial<DocumentChooserProps> = {}): DocumentChooserProps => ({
  api: api(),
  lang: 'fr',
  host: 'outlook',
  sender,
  author,
  recipients: () => ['Dr Durand <durand@medecin.mssante.fr>'],
  policy: { nil: 'VIGIE-TEST', sourceId: '1.2.3' },
  onAttach: jest.fn(),
  ...over,
});

async function pick() {
  fireEvent.input(screen.getByLabelText('Matricule INS du patient'), { target: { value: INS } });
  fireEvent.click(screen.getByRole('button', { name: 'Chercher les documents' }));
  fireEvent.click(await screen.findByRole('checkbox', { name: /Compte rendu de consultation/ }));
}

describe('DocumentChooser', () => {
  it('packs the chosen PDF wrapped in a CDA with the PSC author, the sex, the DI’s INS authority, masks and recipients', async () => {
    const onAttach = jest.fn();
    render(<DocumentChooser {...base({ onAttach })} />);
    await pick();
    expect((screen.getByLabelText('Nom de naissance') as HTMLInputElement).value).toBe('Pat-Trois');
    expect((screen.getByRole('checkbox', { name: 'Non visible par les représentants légaux' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Sexe'), { target: { value: 'F' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Masqué aux professionnels de santé' }));
    fireEvent.click(screen.getByRole('button', { name: 'Joindre au message' }));
    await waitFor(() => expect(onAttach).toHaveBeenCalled());
    const [files, meta] = onAttach.mock.calls[0]!;
    expect(files.map((f: { name: string }) => f.name)).toEqual(['IHE_XDM.ZIP', '20261120_Note_de_consultation_PAT-TROIS_DOMINIQUE.pdf']);
    const zip = unzipSync(files[0].bytes);
    const cda = readCda(zip['IHE_XDM/SUBSET01/DOC0001.XML']!)!;
    expect(cda.patient.ids).toEqual([{ root: '1.2.250.1.213.1.4.10', extension: INS }]);
    expect(cda.authors[0]).toMatchObject({ id: { extension: '810001234567' }, family: 'MARTIN' });
    const metadata = strFromU8(zip['IHE_XDM/SUBSET01/METADATA.XML']!);
    expect(metadata).toContain('nodeRepresentation="MASQUE_PS"');
    expect(metadata).toContain('nodeRepresentation="INVISIBLE_REPRESENTANTS_LEGAUX"');
    expect(metadata).toContain('||^^Internet^durand@medecin.mssante.fr');
    expect(meta).toEqual({
      subject: 'XDM/1.0/DDM+Compte rendu de consultation PAT-TROIS Dominique 28/03/1979',
      headers: { 'X-MSS-CODECDA': '11488-4', 'X-MSS-INS': 'O', 'X-MSS-NIL': 'VIGIE-TEST' },
      readReceipt: false,
    });
  });

  it('says before attaching what a webmail cannot set, and attaches only when the user agrees', async () => {
    const onAttach = jest.fn();
    render(
      <DocumentChooser
        {...base({
          host: 'webmail',
          onAttach,
          policy: { nil: 'VIGIE-TEST', sourceId: '1.2.3', readReceipt: true },
          readReceiptTo: 'jeanne.martin@chu-exemple.mssante.fr',
        })}
      />,
    );
    await pick();
    expect((screen.getByRole('checkbox', { name: 'Demander un accusé de lecture' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Joindre au message' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/X-MSS-CODECDA/);
    expect(alert.textContent).toMatch(/Disposition-Notification-To.*accusé de lecture/);
    expect(onAttach).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Joindre quand même' }));
    await waitFor(() => expect(onAttach).toHaveBeenCalled());
    expect(onAttach.mock.calls[0]![1]).toMatchObject({ headers: {}, readReceipt: false });
  });

  it('asks Thunderbird to tick its read-receipt option instead of a header it cannot set', async () => {
    const onAttach = jest.fn();
    render(<DocumentChooser {...base({ host: 'thunderbird', onAttach, readReceiptTo: 'jeanne.martin@chu-exemple.mssante.fr' })} />);
    await pick();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Demander un accusé de lecture' }));
    fireEvent.click(screen.getByRole('button', { name: 'Joindre au message' }));
    await waitFor(() => expect(onAttach).toHaveBeenCalled());
    expect(onAttach.mock.calls[0]![1].readReceipt).toBe(true);
    expect(Object.keys(onAttach.mock.calls[0]![1].headers)).toEqual(['X-MSS-CODECDA', 'X-MSS-INS', 'X-MSS-NIL']);
  });

  it('refuses an invalid INS before asking the DI', async () => {
    const a = api();
    render(<DocumentChooser {...base({ api: a })} />);
    fireEvent.input(screen.getByLabelText('Matricule INS du patient'), { target: { value: '279035121518988' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chercher les documents' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/INS invalide/);
    expect(a.listDocuments).not.toHaveBeenCalled();
  });

  it('says to log in when the DI answers 401', async () => {
    const a = api({
      listDocuments: jest.fn(async () => {
        throw new DocumentSourceError('unauthorized', { fr: 'Connectez-vous avec Pro Santé Connect pour lire le dossier patient.', en: 'Log in' }, 401);
      }),
    });
    render(<DocumentChooser {...base({ api: a })} />);
    fireEvent.input(screen.getByLabelText('Matricule INS du patient'), { target: { value: INS } });
    fireEvent.click(screen.getByRole('button', { name: 'Chercher les documents' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Pro Santé Connect/);
  });
});
