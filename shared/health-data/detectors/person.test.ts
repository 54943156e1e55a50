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

  it('weighs a clinician or a named staff member low', () => {
    expect(persons('le Pr Martin présentera')).toEqual([{ kind: 'clinician-name', weight: 0.2, excerpt: 'Pr M.' }]);
    expect(kinds('Mme Duval, pharmacienne, rappelle')).toEqual(['staff-name']);
    expect(kinds('la pharmacienne Mme Duval rappelle')).toEqual(['staff-name']);
    expect(kinds('Mrs Jane Cooper, our new Director of Nursing')).toEqual(['staff-name']);
    expect(kinds('Mme Duval rappelle')).toEqual(['person-name']);
  });

  it('tells a specific patient from the generic one of a protocol', () => {
    expect(persons('votre patiente a été vue')[0]).toMatchObject({ kind: 'patient-designation', weight: 1 });
    expect(persons('Patient : Jean Roux')[0]).toMatchObject({ kind: 'patient-designation', weight: 1 });
    expect(persons('une patiente de 84 ans')[0]).toMatchObject({ kind: 'patient-designation', weight: 1, excerpt: 'patiente de ** ans' });
    expect(persons('le patient doit être à jeun')[0]).toMatchObject({ kind: 'patient-mention', weight: 0.35 });
    expect(kinds('les patients hospitalisés')).toEqual([]);
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

  it('finds ages of a person but not of a population', () => {
    expect(kinds('âgée de 67 ans')).toEqual(['age']);
    expect(kinds('a 54-year-old man')).toEqual(['age']);
    expect(kinds('Bed 7 - 68 y/o F, day 1 post-op')).toEqual(['patient-location', 'age']);
    expect(kinds('54 yo male')).toEqual(['age']);
    // An age with a person noun designates someone, as "un garçon de 4 ans" does.
    expect(persons('this 4-year-old boy').map((p) => p.weight)).toEqual([1]);
    expect(persons('a 4-year-old').map((p) => p.weight)).toEqual([0.8]);
    expect(kinds('il y a 3 ans, y/o')).toEqual([]);
    expect(kinds('Mrs Morris, aged 58.')).toEqual(['person-name', 'age']);
    expect(kinds('un homme de 45 ans')).toEqual(['age']);
    expect(kinds('Mme X, 72 ans,')).toContain('age');
    expect(kinds('patients âgés de 18 à 75 ans')).toEqual([]);
    expect(kinds('adults aged 65 and over')).toEqual([]);
    expect(kinds('patients aged 18-65')).toEqual([]);
    expect(kinds('median age 71')).toEqual([]);
    expect(kinds('âge moyen 78 ans')).toEqual([]);
    expect(kinds('depuis 10 ans')).toEqual([]);
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
