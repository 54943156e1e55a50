// A DirectoryClient over a small list of entries, for tests of the picker.
import type { DirectoryEntry } from '../model';
import type { DirectoryClient, DirectoryQuery, DirectorySearchResult } from '../ports/directory-client';

export const SAMPLE_ENTRIES: DirectoryEntry[] = [
  {
    address: 'claire.lefevre@medecin.mssante.fr',
    type: 'PER',
    displayName: 'Dr Claire Lefèvre',
    familyName: 'Lefèvre',
    givenName: 'Claire',
    profession: 'Médecin',
    specialty: 'Cardiologie',
    organisation: 'Hospices Civils de Lyon',
    city: 'Lyon',
    postcode: '69003',
    rpps: '10001234567',
  },
  {
    address: 'cardiologie@chu-lyon.mssante.fr',
    type: 'ORG',
    displayName: 'Secrétariat de cardiologie',
    profession: 'Service',
    organisation: 'Hospices Civils de Lyon',
    service: 'Cardiologie',
    city: 'Lyon',
    postcode: '69003',
  },
  {
    address: 'jean.lefevre-bonnaventure@pharmacien.mssante.fr',
    type: 'PER',
    displayName: 'Jean Lefèvre-Bonnaventure',
    profession: 'Pharmacien',
    organisation: 'Pharmacie du Rhône',
    city: 'Villeurbanne',
    postcode: '69100',
  },
];

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export class FakeDirectoryClient implements DirectoryClient {
  queries: DirectoryQuery[] = [];
  constructor(
    private readonly entries: DirectoryEntry[] = SAMPLE_ENTRIES,
    private readonly failure?: Error,
  ) {}
  async search(query: DirectoryQuery): Promise<DirectorySearchResult> {
    this.queries.push(query);
    if (this.failure) throw this.failure;
    const words = fold(query.q).split(/\s+/).filter(Boolean);
    const results = this.entries.filter((e) => {
      const hay = fold([e.displayName, e.profession, e.specialty, e.organisation, e.city, e.address].join(' '));
      return words.every((w) => hay.split(/[^a-z0-9@.-]+/).some((t) => t.startsWith(w)) || hay.includes(w));
    });
    return { results: results.slice(0, query.limit ?? 20) };
  }
}
