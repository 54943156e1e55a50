/** @jest-environment ./test/support/jsdom-environment.cjs */
import { render, screen, fireEvent, waitFor } from '@testing-library/preact';
import { unzipSync } from 'fflate';
import { DocumentChooser, type DocumentApi } from './DocumentChooser';
import { DocumentSourceError, type DocumentSummary } from '../../ports/document-source';
import { sha1Hex } from '../../documents/hash';

const INS = '279035121518989';
const pdf = new TextEncoder().encode('%PDF-1.4\n% compte rendu\n%%EOF\n');
const summary: DocumentSummary = { id: 'doc-1', title: 'Compte rendu de consultation', status: 'current', date: '2026-11-20T10:00:00Z', contentType: 'application/pdf', url: 'Binary/b1', size: pdf.length, patient: { ins: { matricule: INS, qualified: true } }, type: { system: 'http://loinc.org', code: '11488-4', codingScheme: '2.16.840.1.113883.6.1', display: 'Note de consultation' } };

function api(overrides: Partial<DocumentApi> = {}): DocumentApi {
  return {
    listDocuments: jest.fn(async () => [summary]),
    fetchDocument: jest.fn(async () => pdf),
    getPatient: jest.fn(async () => ({ family: 'Durand', given: 'Marie', birthDate: '1979-03-15' })),
    ...overrides,
  };
}

const sender = { organisation: 'CHU Exemple', application: { name: 'Vigie MSSanté', version: '0.1.0', vendor: 'CHU Exemple' } };

describe('DocumentChooser', () => {
  it('finds the patient’s documents, packs the chosen one as IHE_XDM.ZIP + PDF and gives subject and headers', async () => {
    const onAttach = jest.fn();
    render(<DocumentChooser api={api()} lang="fr" sender={sender} policy={{ nil: 'VIGIE-TEST' }} onAttach={onAttach} />);
    fireEvent.input(screen.getByLabelText('Matricule INS du patient'), { target: { value: INS } });
    fireEvent.click(screen.getByRole('button', { name: 'Chercher les documents' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /Compte rendu de consultation/ }));
    expect((screen.getByLabelText('Nom de naissance') as HTMLInputElement).value).toBe('Durand');
    fireEvent.click(screen.getByRole('button', { name: 'Joindre au message' }));
    await waitFor(() => expect(onAttach).toHaveBeenCalled());
    const [files, meta] = onAttach.mock.calls[0]!;
    expect(files.map((f: { name: string }) => f.name)[0]).toBe('IHE_XDM.ZIP');
    expect(files[1].name).toMatch(/DURAND_Marie.*\.pdf$/);
    const zip = unzipSync(files[0].bytes);
    expect(sha1Hex(zip['IHE_XDM/SUBSET01/DOC0001.PDF']!)).toBe(sha1Hex(pdf));
    expect(meta.subject).toBe('XDM/1.0/DDM+Compte rendu de consultation DURAND Marie 15/03/1979');
    expect(meta.headers['X-MSS-NIL']).toBe('VIGIE-TEST');
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it('refuses an invalid INS before asking the DI', async () => {
    const a = api();
    render(<DocumentChooser api={a} lang="fr" sender={sender} onAttach={jest.fn()} />);
    fireEvent.input(screen.getByLabelText('Matricule INS du patient'), { target: { value: '279035121518988' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chercher les documents' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/INS invalide/);
    expect(a.listDocuments).not.toHaveBeenCalled();
  });

  it('says to log in when the DI answers 401', async () => {
    const a = api({ listDocuments: jest.fn(async () => { throw new DocumentSourceError('unauthorized', { fr: 'Connectez-vous avec Pro Santé Connect pour lire le dossier patient.', en: 'Log in' }, 401); }) });
    render(<DocumentChooser api={a} lang="fr" sender={sender} onAttach={jest.fn()} />);
    fireEvent.input(screen.getByLabelText('Matricule INS du patient'), { target: { value: INS } });
    fireEvent.click(screen.getByRole('button', { name: 'Chercher les documents' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Pro Santé Connect/);
  });
});
