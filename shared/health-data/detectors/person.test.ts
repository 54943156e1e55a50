// The library's entry: the hand-written vocabulary and its extensions (English roles among them).
import '../index';
import { personDetector, dateLengthAt } from './person';
import { TextContext } from '../text-context';

const persons = (text: string) => personDetector.detect(new TextContext(text)).map((s) => ({ kind: s.kind, weight: s.weight, excerpt: s.excerpt }));
const kinds = (text: string) => persons(text).map((p) => p.kind);

describe('person detector', () => {
  it('finds a civility followed by a capitalised name, and masks the name', () => {
    expect(persons('Je vous adresse Monsieur Karim Benali pour avis.')).toEqual([{ kind: 'person-name', weight: 1, excerpt: 'Monsieur K.' }]);
    expect(persons('Mme LEROY est sortie.')[0]!.excerpt).toBe('Mme L.');
    expect(persons('M. Dupont va mieux.')[0]!.excerpt).toBe('M. D.');
    expect(kinds('Dear Mrs Khan,')).toEqual(['person-name']);
  });

  it('ignores salutations and titles without a name', () => {
    expect(kinds('Madame, Monsieur,')).toEqual([]);
    expect(kinds('Monsieur le Directeur, madame la présidente')).toEqual([]);
    expect(kinds('m dupont')).toEqual([]);
    expect(kinds('M Dupont')).toEqual([]); // "M" alone is not a civility without its dot
  });

  it('reads a name glued to its title ("M.Dupont"), but not initials', () => {
    expect(persons('le CR d’imagerie de M.Dupont')).toEqual([{ kind: 'person-name', weight: 1, excerpt: 'M. D.' }]);
    expect(persons('Mme.Durand est sortie')).toEqual([{ kind: 'person-name', weight: 1, excerpt: 'Mme. D.' }]);
    expect(kinds('Dr.Martin')).toEqual(['clinician-name']);
    expect(kinds('M.D. degree')).toEqual([]);
  });

  it('weighs a clinician or a named staff member low', () => {
    expect(persons('le Pr Martin présentera')).toEqual([{ kind: 'clinician-name', weight: 0.2, excerpt: 'Pr M.' }]);
    expect(kinds('Mme Duval, pharmacienne, rappelle')).toEqual(['staff-name']);
    expect(kinds('la pharmacienne Mme Duval rappelle')).toEqual(['staff-name']);
    expect(kinds('Mrs Jane Cooper, our new Director of Nursing')).toEqual(['staff-name']);
    expect(kinds('Mme Duval rappelle')).toEqual(['person-name']);
    // A name once given a role keeps it further on.
    expect(kinds('our lead nurse, Mrs Karen Doyle. Enquiries to Mrs Doyle on extension 5521.')).toEqual(['staff-name', 'staff-name']);
  });

  it('tells a specific patient from the generic one of a protocol', () => {
    expect(persons('votre patiente a été vue')[0]).toMatchObject({ kind: 'patient-designation', weight: 1 });
    expect(persons('Patient : Jean Roux')[0]).toMatchObject({ kind: 'patient-designation', weight: 1 });
    expect(persons('une patiente de 84 ans')[0]).toMatchObject({ kind: 'patient-designation', weight: 1, excerpt: 'patiente de ** ans' });
    expect(persons('le patient doit être à jeun')[0]).toMatchObject({ kind: 'patient-mention', weight: 0.35 });
    expect(kinds('les patients hospitalisés')).toEqual([]);
    // A heading in title case is no patient's name.
    expect(kinds('Patient Information Leaflet')).toEqual(['patient-mention']);
    expect(kinds('Patient DUPONT')).toEqual(['patient-designation']);
  });

  it('reads a sentence describing one person', () => {
    expect(persons('He is a very pleasant gentleman.')).toContainEqual({ kind: 'person-described', weight: 1, excerpt: 'gentleman' });
    expect(kinds('A is a young lady, who came here')).toContain('person-described');
    expect(kinds('This is a patient, who today presents')).toContain('person-described');
    expect(kinds('Il s’agit d’une patiente suivie pour')).toContain('person-described');
    expect(kinds('The PIL is a patient-friendly version')).not.toContain('person-described');
    expect(kinds('a man with a plan')).not.toContain('person-described');
  });

  it('finds birth dates in French and English forms, masked', () => {
    expect(persons('née le 14/02/1941')[0]).toMatchObject({ kind: 'birth-date', weight: 1, excerpt: 'née le **/**/****' });
    expect(kinds('né le 3 juillet 1938')).toEqual(['birth-date']);
    expect(kinds('Date de naissance : 12.03.1956')).toEqual(['birth-date']);
    expect(kinds('DOB 22/09/1949')).toEqual(['birth-date']);
    expect(kinds('born on March 3, 1950')).toEqual(['birth-date']);
    expect(kinds('il ne le savait pas')).toEqual([]);
    expect(kinds('Date de naissance :')).toEqual([]);
    expect(kinds('Mme Martin née Durand')).toEqual(['person-name', 'birth-name']);
  });

  it('finds a patient designated by room or bed', () => {
    expect(persons('le patient de la chambre 12')).toContainEqual({ kind: 'patient-location', weight: 0.6, excerpt: 'chambre **' });
    expect(kinds('Bed 4 spiked a temperature')).toEqual(['patient-location']);
    expect(kinds('une chambre double')).toEqual([]);
  });

  it('reads dates with bounded work whatever follows', () => {
    expect(dateLengthAt(' le 12/03/1956', 0)).toBe(14);
    expect(dateLengthAt(`${' '.repeat(100000)}12/03/1956`, 0)).toBe(0);
  });
});
