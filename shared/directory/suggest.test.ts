import { buildIndex, type DirectoryIndex } from './directory-index';
import { parseExtractionText } from './extraction';
import { aMailbox } from '../testing/builders';
import { suggest } from './suggest';
import { syntheticExtraction, type SyntheticMailbox } from './synthetic';

const person = (p: Partial<SyntheticMailbox> & { address: string }): SyntheticMailbox => aMailbox({ postcode: '69003', city: 'Lyon', department: '69', ...p });
const planted = [
  person({ address: 'helene.quertier@medecin.mssante.fr', familyName: 'Quertier', givenName: 'Hélène', rpps: '10009990001' }),
  person({ address: 'h.quertier@chu-lyon.mssante.fr', familyName: 'Quertier', givenName: 'Hélène', rpps: '10009990001', organisation: 'CHU DE LYON' }),
  person({
    address: 'secretariat.pneumologie@chu-lyon.mssante.fr',
    type: 'ORG',
    civility: '',
    professionCode: '',
    profession: '',
    service: 'Pneumologie',
    organisation: 'CHU DE LYON',
  }),
  person({ address: 'bruno.vasquier@chu-nantes.mssante.fr', familyName: 'Vasquier', givenName: 'Bruno', rpps: '10009990002' }),
];

describe('suggest', () => {
  let index: DirectoryIndex;
  beforeAll(() => {
    index = buildIndex(parseExtractionText([...syntheticExtraction({ count: 20000, seed: 9, planted })].join('')).rows);
  });

  it('says when the address is listed, whatever its case', () => {
    const r = suggest(index, 'Helene.Quertier@MEDECIN.mssante.fr');
    expect(r).toMatchObject({ found: true, entry: { address: 'helene.quertier@medecin.mssante.fr' }, suggestions: [] });
  });

  it('proposes the close spelling in the same domain first, then the same person elsewhere', () => {
    const r = suggest(index, 'helene.quertiez@medecin.mssante.fr');
    expect(r.found).toBe(false);
    expect(r.suggestions[0]).toMatchObject({ address: 'helene.quertier@medecin.mssante.fr', reason: 'close-spelling', distance: 1 });
    expect(r.suggestions[0]!.label.fr).toContain('Vous vouliez dire helene.quertier@medecin.mssante.fr');
    expect(r.suggestions).toContainEqual(expect.objectContaining({ address: 'h.quertier@chu-lyon.mssante.fr', reason: 'same-person-other-domain' }));
    expect(r.note?.fr).toMatch(/liste rouge/);
    expect(r.note?.en).toMatch(/red-listed/i);
  });

  it('finds a swapped or missing letter in an organisational mailbox', () => {
    expect(suggest(index, 'secretariat.pneumolgoie@chu-lyon.mssante.fr').suggestions[0]?.address).toBe('secretariat.pneumologie@chu-lyon.mssante.fr');
    expect(suggest(index, 'secretariat.pneumlogie@chu-lyon.mssante.fr').suggestions[0]?.address).toBe('secretariat.pneumologie@chu-lyon.mssante.fr');
  });

  it('finds the same local part on another domain, and the person the local part names', () => {
    const r = suggest(index, 'bruno.vasquier@chu-lyon.mssante.fr');
    expect(r.suggestions[0]).toMatchObject({ address: 'bruno.vasquier@chu-nantes.mssante.fr', reason: 'same-address-other-domain' });
    const named = suggest(index, 'vasquier.bruno@pro.mssante.fr');
    expect(named.suggestions).toContainEqual(expect.objectContaining({ address: 'bruno.vasquier@chu-nantes.mssante.fr', reason: 'same-person-other-domain' }));
  });

  it('looks in a close domain when the typed domain has no mailbox', () => {
    const r = suggest(index, 'helene.quertier@medecin.msante.fr');
    expect(r.suggestions[0]).toMatchObject({ address: 'helene.quertier@medecin.mssante.fr', reason: 'close-domain' });
  });

  it('proposes nothing when nothing is close, and never invents an address', () => {
    const r = suggest(index, 'xqzw.plmk@medecin.mssante.fr');
    expect(r).toMatchObject({ found: false, suggestions: [] });
    expect(suggest(index, 'not an address').suggestions).toEqual([]);
    const all = suggest(index, 'jean.martin@medecin.mssante.fr', { limit: 50 }).suggestions;
    for (const s of all) expect(index.get(s.address)).toBeDefined();
  });
});

describe('suggest with numbered addresses', () => {
  it('finds the same numbered local part on another domain', () => {
    const rows = parseExtractionText(
      [
        ...syntheticExtraction({
          count: 500,
          seed: 2,
          planted: [person({ address: 'jean.martin7@chu-lyon.mssante.fr', familyName: 'Martin', givenName: 'Jean' })],
        }),
      ].join(''),
    ).rows;
    const index = buildIndex(rows);
    const r = suggest(index, 'jean.martin7@chu-nantes.mssante.fr');
    expect(r.suggestions).toContainEqual(expect.objectContaining({ address: 'jean.martin7@chu-lyon.mssante.fr', reason: 'same-address-other-domain' }));
  });
});
