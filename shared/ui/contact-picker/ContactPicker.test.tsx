/** @jest-environment ./test/support/jsdom-environment.cjs */
import { render, screen, fireEvent, waitFor } from '@testing-library/preact';
import { ContactPicker } from './ContactPicker';
import { FakeDirectoryClient } from '../../testing/fake-directory';
import { DirectoryError } from '../../ports/directory-client';
import { buildIndex } from '../../directory/directory-index';
import { parseExtractionText } from '../../directory/extraction';
import { LocalDirectoryClient } from '../../directory/local-client';
import { syntheticExtraction } from '../../directory/synthetic';

function setup(client = new FakeDirectoryClient(), lang: 'fr' | 'en' = 'fr') {
  const onInsert = jest.fn();
  render(<ContactPicker client={client} lang={lang} onInsert={onInsert} debounceMs={0} />);
  const input = screen.getByRole('combobox');
  return { onInsert, input, client };
}

describe('ContactPicker', () => {
  it('searches as the user types and shows name, profession, organisation, city and BAL type', async () => {
    const { input } = setup();
    fireEvent.input(input, { target: { value: 'lefevre cardio' } });
    const option = await screen.findByRole('option');
    expect(option.textContent).toContain('Dr Claire Lefèvre');
    expect(option.textContent).toContain('Cardiologie');
    expect(option.textContent).toContain('Hospices Civils de Lyon');
    expect(option.textContent).toContain('69003 Lyon');
    expect(option.textContent).toContain('Pers.');
    expect(screen.getByRole('status').textContent).toBe('1 résultat');
  });

  it('inserts with the keyboard: arrows to choose, Enter to To, Shift+Enter to Cc', async () => {
    const { input, onInsert } = setup();
    fireEvent.input(input, { target: { value: 'lyon' } });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    expect(input.getAttribute('aria-activedescendant')).toMatch(/opt-0$/);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toMatch(/opt-1$/);
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onInsert).toHaveBeenCalledWith(expect.objectContaining({ address: 'cardiologie@chu-lyon.mssante.fr' }), 'to'));
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    await waitFor(() => expect(onInsert).toHaveBeenLastCalledWith(expect.objectContaining({ address: 'cardiologie@chu-lyon.mssante.fr' }), 'cc'));
  });

  it('offers To/Cc/Bcc buttons with spoken labels', async () => {
    const { input, onInsert } = setup();
    fireEvent.input(input, { target: { value: 'bonnaventure' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter Jean Lefèvre-Bonnaventure en Cci' }));
    expect(onInsert).toHaveBeenCalledWith(expect.objectContaining({ address: 'jean.lefevre-bonnaventure@pharmacien.mssante.fr' }), 'bcc');
  });

  it('says when nothing is found, and that red-listed boxes are not published', async () => {
    const { input } = setup();
    fireEvent.input(input, { target: { value: 'zzzz' } });
    expect((await screen.findAllByText(/liste rouge/)).length).toBeGreaterThan(0);
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('shows the server’s trouble in words, not a crash', async () => {
    const down = new FakeDirectoryClient(
      [],
      new DirectoryError('unreachable', { fr: 'Le serveur Vigie ne répond pas.', en: 'The Vigie server does not answer.' }),
    );
    const { input } = setup(down, 'en');
    fireEvent.input(input, { target: { value: 'lefevre' } });
    expect((await screen.findByRole('alert')).textContent).toBe('The Vigie server does not answer.');
  });

  it('waits for two characters before searching', async () => {
    const { input, client } = setup();
    fireEvent.input(input, { target: { value: 'l' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(client.queries).toHaveLength(0);
  });

  it('builds a patient address only from a valid INS', async () => {
    const { onInsert } = setup();
    const ins = screen.getByLabelText(/Matricule INS qualifié/);
    fireEvent.input(ins, { target: { value: '2 79 03 51 215 189 88' } });
    expect(screen.getByText(/Clé de contrôle fausse/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ajouter en À' })).toBeNull();
    fireEvent.input(ins, { target: { value: '2 79 03 51 215 189 89' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter en À' }));
    expect(onInsert).toHaveBeenCalledWith({ address: '279035121518989@patient.mssante.fr', displayName: '279035121518989@patient.mssante.fr' }, 'to');
  });
});

describe('ContactPicker on a real directory index', () => {
  const index = buildIndex(
    parseExtractionText(
      [
        ...syntheticExtraction({
          count: 3000,
          seed: 5,
          planted: [
            {
              type: 'PER',
              address: 'h.quaresma@medecin.mssante.fr',
              rpps: '10001234000',
              civility: 'DR',
              familyName: 'Quaresma',
              givenName: 'Hélène',
              professionCode: '10',
              profession: 'Médecin',
              specialtyCode: 'SM54',
              specialty: 'Médecine générale',
              service: '',
              organisation: 'CABINET DU PORT',
              postcode: '29000',
              city: 'Quimper',
              department: '29',
              structId: '1',
              street: '',
            },
          ],
        }),
      ].join(''),
    ).rows,
  );
  const client = new LocalDirectoryClient(index);

  it('finds “Dr <name>” and “généraliste <city>”', async () => {
    const { input } = setup(client as unknown as FakeDirectoryClient);
    fireEvent.input(input, { target: { value: 'Dr Quaresma' } });
    expect((await screen.findAllByRole('option'))[0]!.textContent).toContain('Dr Hélène QUARESMA');
    fireEvent.input(input, { target: { value: 'généraliste quimper' } });
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('option')
          .map((o) => o.textContent)
          .join(),
      ).toContain('h.quaresma@medecin.mssante.fr'),
    );
  });

  it('offers “Vouliez-vous dire …” when nothing is found, and searches the suggestion when chosen', async () => {
    const { input } = setup(client as unknown as FakeDirectoryClient);
    fireEvent.input(input, { target: { value: 'generalistte quaresmaa' } });
    // French typography: no-break spaces inside « », a narrow one before ?.
    const suggestion = await screen.findByRole('button', { name: '«\u00a0généraliste quaresma\u00a0»' });
    expect(suggestion.parentElement!.textContent).toBe('Vouliez-vous dire «\u00a0généraliste quaresma\u00a0»\u202f?');
    expect(screen.getByRole('status').textContent).toMatch(/^Vouliez-vous dire «\u00a0généraliste quaresma\u00a0»\u202f\? Aucune boîte/);
    fireEvent.click(suggestion);
    expect((input as HTMLInputElement).value).toBe('généraliste quaresma');
    expect(document.activeElement).toBe(input);
    expect((await screen.findAllByRole('option'))[0]!.textContent).toContain('h.quaresma@medecin.mssante.fr');
  });
});
