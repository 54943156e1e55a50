// The age of one person, not of a population.
import '../index';
import { ageDetector } from './age';
import { TextContext } from '../text-context';

const ages = (text: string) => ageDetector.detect(new TextContext(text)).map((s) => ({ weight: s.weight, excerpt: s.excerpt }));
const kinds = (text: string) => ageDetector.detect(new TextContext(text)).map((s) => s.kind);

describe('age detector', () => {
  it('finds French and English ages of a person but not of a population', () => {
    expect(kinds('âgée de 67 ans')).toEqual(['age']);
    expect(kinds('a 54-year-old man')).toEqual(['age']);
    expect(kinds('Bed 7 - 68 y/o F, day 1 post-op')).toEqual(['age']);
    expect(kinds('54 yo male')).toEqual(['age']);
    // An age with a person noun designates someone, as "un garçon de 4 ans" does.
    expect(ages('this 4-year-old boy').map((p) => p.weight)).toEqual([1]);
    expect(ages('a 4-year-old').map((p) => p.weight)).toEqual([0.8]);
    expect(kinds('il y a 3 ans, y/o')).toEqual([]);
    expect(kinds('Mrs Morris, aged 58.')).toEqual(['age']);
    expect(kinds('un homme de 45 ans')).toEqual(['age']);
    expect(kinds('Mme X, 72 ans,')).toContain('age');
    expect(kinds('patients âgés de 18 à 75 ans')).toEqual([]);
    expect(kinds('adults aged 65 and over')).toEqual([]);
    expect(kinds('patients aged 18-65')).toEqual([]);
    expect(kinds('median age 71')).toEqual([]);
    expect(kinds('âge moyen 78 ans')).toEqual([]);
    expect(kinds('depuis 10 ans')).toEqual([]);
  });

  it('reads the ways English case reports and transcriptions write an age', () => {
    expect(ages('a 33-year-old man')).toEqual([{ weight: 1, excerpt: '**-year-old man' }]);
    expect(ages('A 33-year man working abroad')).toEqual([{ weight: 1, excerpt: '**-year man' }]);
    expect(ages('29 y.o. female')).toEqual([{ weight: 1, excerpt: '** y.o female' }]);
    expect(ages('a 50-years-old woman')).toEqual([{ weight: 1, excerpt: '**-year-old woman' }]);
    expect(ages('It is the case of a 29 years old woman')).toEqual([{ weight: 1, excerpt: '**-year-old woman' }]);
    expect(ages('a gentleman who is 42 years old')).toEqual([{ weight: 0.8, excerpt: '**-year-old' }]);
    expect(ages('a 45-year-old patient')).toEqual([{ weight: 1, excerpt: '**-year-old patient' }]);
    expect(kinds('a 54-yr-old')).toEqual(['age']);
    expect(ages('This 23-year-old white female presents with')).toEqual([{ weight: 1, excerpt: '**-year-old white female' }]);
    expect(ages('a 45-year-old Caucasian male')).toEqual([{ weight: 1, excerpt: '**-year-old Caucasian male' }]);
    expect(ages('a 45-year-old. The man')).toEqual([{ weight: 0.8, excerpt: '**-year-old' }]);
  });

  it('reads French ages with a person noun', () => {
    expect(ages('une fillette de 2 ans')).toEqual([{ weight: 1, excerpt: 'fillette de ** ans' }]);
    expect(ages('un adolescent de 16 ans')).toEqual([{ weight: 1, excerpt: 'adolescent de ** ans' }]);
    expect(ages('Une femme de 51 ans, ménopausée')).toEqual([{ weight: 1, excerpt: 'femme de ** ans' }]);
  });

  it('leaves durations, bounds and populations alone', () => {
    expect(kinds('overweight for 10 years')).toEqual([]);
    expect(kinds('children under 5 years old')).toEqual([]);
    expect(kinds('women over 50 years old')).toEqual([]);
    expect(kinds('un enfant de 6 à 12 ans')).toEqual([]);
    expect(kinds('a 10-year follow-up')).toEqual([]);
  });
});
