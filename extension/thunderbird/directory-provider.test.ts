import { directorySearchListener, searchTextOf } from './directory-provider';
import { entryToVCard, foldLine } from './vcard';
import { DirectoryError, type DirectoryClient } from '../../shared/ports/directory-client';
import type { DirectoryEntry } from '../../shared/model';
import { buildIndex } from '../../shared/directory/directory-index';
import { parseExtractionText } from '../../shared/directory/extraction';
import { LocalDirectoryClient } from '../../shared/directory/local-client';
import { syntheticExtraction } from '../../shared/directory/synthetic';

const durand: DirectoryEntry = {
  address: 'paul.durand@chu-lyon.mssante.fr',
  type: 'PER',
  civility: 'Dr',
  familyName: 'DURAND',
  givenName: 'Paul',
  displayName: 'Dr Paul DURAND',
  profession: 'Médecin',
  specialty: 'Cardiologie; vasculaire',
  rpps: '10001234567',
  organisation: 'CHU de Lyon, HCL',
  service: 'Cardiologie',
  postcode: '69003',
  city: 'LYON',
};

describe('entryToVCard', () => {
  it('writes a vCard 4.0 with the name, mailbox, organisation, profession, specialty and RPPS, escaped', () => {
    const v = entryToVCard(durand);
    expect(v.endsWith('\r\n')).toBe(true);
    const lines = v.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Dr Paul DURAND',
      'N:DURAND;Paul;;Dr;',
      'EMAIL;PREF=1:paul.durand@chu-lyon.mssante.fr',
      'ORG:CHU de Lyon\\, HCL;Cardiologie',
      'TITLE:Médecin',
      'ROLE:Cardiologie\\; vasculaire',
      'ADR;TYPE=work:;;;LYON;;69003;France',
      'NOTE:RPPS 10001234567 · BAL personnelle · Annuaire Santé',
      'END:VCARD',
      '',
    ]);
  });

  it('folds long lines at 75 octets without cutting a character', () => {
    const long = `NOTE:${'é'.repeat(60)}`;
    const folded = foldLine(long);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });
});

describe('the Annuaire Santé address book', () => {
  const client = (impl: DirectoryClient['search']): DirectoryClient => ({ search: impl });

  it('answers Thunderbird’s autocomplete with vCards, never a complete result', async () => {
    const queries: string[] = [];
    const listener = directorySearchListener(async () => ({
      client: client(async (q) => (queries.push(q.q), { results: [durand, { ...durand, address: 'no-at-sign' }] })),
      lang: 'fr',
    }));
    const r = await listener({ id: 'x', name: 'Annuaire Santé' }, 'durand');
    expect(queries).toEqual(['durand']);
    expect(r.isCompleteResult).toBe(false);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toContain('EMAIL;PREF=1:paul.durand@chu-lyon.mssante.fr');
  });

  it('proposes the mailboxes of the corrected query when nothing matches (“Vouliez-vous dire …”), on a real index', async () => {
    const index = buildIndex(
      parseExtractionText(
        [
          ...syntheticExtraction({
            count: 2000,
            seed: 9,
            planted: [
              {
                type: 'PER',
                address: 'h.quaresma@medecin.mssante.fr',
                rpps: '',
                civility: 'DR',
                familyName: 'Quaresma',
                givenName: 'Hélène',
                professionCode: '10',
                profession: 'Médecin',
                specialtyCode: 'SM54',
                specialty: 'Médecine générale',
                service: '',
                organisation: '',
                postcode: '29000',
                city: 'Quimper',
                department: '29',
                structId: '',
                street: '',
              },
            ],
          }),
        ].join(''),
      ).rows,
    );
    const local = new LocalDirectoryClient(index);
    const queries: string[] = [];
    const spy: DirectoryClient = { search: (q) => (queries.push(q.q), local.search(q)) };
    const r = await directorySearchListener(async () => ({ client: spy, lang: 'fr' }))({ id: 'x', name: 'Annuaire Santé' }, 'quaresmaa generalistte');
    expect(queries).toEqual(['quaresmaa generalistte', 'quaresma généraliste']);
    expect(r.results).toHaveLength(1);
    const card = r.results[0]!.replace(/\r\n /g, '');
    expect(card).toContain('EMAIL;PREF=1:h.quaresma@medecin.mssante.fr');
    expect(card).toContain('NOTE:Vouliez-vous dire «\u00a0quaresma généraliste\u00a0»\u202f? · BAL personnelle');
    // A query that matches gives its own cards, without a note.
    const direct = await directorySearchListener(async () => ({ client: local, lang: 'fr' }))({ id: 'x', name: 'A' }, 'quaresma');
    expect(direct.results[0]).not.toContain('Vouliez-vous dire');
  });

  it('reads the address-book window’s query when there is no search string', async () => {
    expect(searchTextOf(undefined, '?(or(DisplayName,c,house)(FirstName,c,house))')).toBe('house');
    expect(searchTextOf('  dupont ', '?(or(DisplayName,c,x))')).toBe('dupont');
    expect(searchTextOf(undefined, undefined)).toBe('');
  });

  it('answers nothing (and never throws) for one letter, without a server, or when the server fails', async () => {
    const failing = directorySearchListener(async () => ({
      client: client(async () => {
        throw new DirectoryError('unreachable', { fr: 'x', en: 'x' });
      }),
      lang: 'fr',
    }));
    expect(await failing({ id: 'x', name: 'A' }, 'durand')).toEqual({ isCompleteResult: false, results: [] });
    const never = jest.fn();
    expect(await directorySearchListener(async () => ({ client: client(never), lang: 'fr' }))({ id: 'x', name: 'A' }, 'd')).toEqual({
      isCompleteResult: false,
      results: [],
    });
    expect(never).not.toHaveBeenCalled();
    expect(await directorySearchListener(async () => undefined)({ id: 'x', name: 'A' }, 'durand')).toEqual({ isCompleteResult: false, results: [] });
  });
});
