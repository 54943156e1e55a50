// The library's entry: the hand-written vocabulary and its extensions (English terms among them).
import '../index';
import { measurementsDetector } from './measurements';
import { clinicalTermsDetector } from './clinical-terms';
import { TextContext } from '../text-context';
import { maskClinical } from '../mask';
import type { Signal } from '../types';

// Clinical signals carry no excerpt: the scan masks their span of text when it reports them.
const shown = (text: string) => (s: Signal) => `${s.kind} ${s.excerpt ?? maskClinical(text.slice(s.start, s.end))}`;
const measures = (text: string) => measurementsDetector.detect(new TextContext(text)).map(shown(text));
const terms = (text: string) => clinicalTermsDetector.detect(new TextContext(text)).map(shown(text));

describe('measurements detector', () => {
  it('finds doses, lab results and vital signs with their units, numbers masked', () => {
    expect(measures('Metformine 1000 mg matin et soir')).toEqual(['dose **** mg']);
    expect(measures('Lévothyrox 75 µg, apixaban 5mg')).toEqual(['dose ** µg', 'dose *mg']);
    expect(measures('Kaliémie 5,6 mmol/l')).toEqual(['lab-result *,* mmol/l']);
    expect(measures('CD4 à 650/mm3')).toEqual(['lab-result ***/mm3']);
    expect(measures('TA 148/96 mmHg')).toEqual(['vital-sign ***/** mmHg']);
  });

  it('reads a value after a lab test name or a vital sign, keeping the name readable', () => {
    expect(measures('HbA1c à 8,4 %')).toEqual(['lab-result HbA1c à *,* %']);
    expect(measures('CRP 87')).toEqual(['lab-result CRP **']);
    expect(measures('TA 95/60, pouls 102')).toEqual(['vital-sign TA **/**', 'vital-sign pouls ***']);
  });

  it('ignores numbers that are not measurements', () => {
    expect(measures('Poids total : 14,5 kg, 54 % de femmes, 12 places, 20 personnes')).toEqual([]);
    expect(measures('la CRP est un marqueur')).toEqual([]);
  });
});

describe('clinical terms detector', () => {
  it('matches vocabulary in French and English, with or without accents, multi-word first', () => {
    expect(terms('insuffisance cardiaque et diabete')).toEqual(['diagnosis insuffisance cardiaque', 'diagnosis diabete']);
    expect(terms('DIABÈTE DE TYPE 2')).toEqual(['diagnosis DIABÈTE DE TYPE *']);
    expect(terms('history of bipolar disorder')).toEqual(['sensitive-condition bipolar disorder']);
    expect(terms('traité par ramipril')).toEqual(['clinical-narrative traité par', 'medication ramipril']);
    // One-word clinical terms match their plural; short ones do not ("pas" is not "PA").
    expect(terms('des hypoglycémies récurrentes, des métastases')).toEqual(['diagnosis hypoglycémies', 'diagnosis métastases']);
    expect(terms('pas de tas')).toEqual([]);
    // Medicine names generated from the public medicines database.
    expect(terms('sous Doliprane et Tahor')).toEqual(['medication Doliprane', 'medication Tahor']);
  });

  it('matches drug-name suffixes and prefixes, not ordinary words', () => {
    expect(terms('sous bisoprolol et rosuvastatine')).toEqual(['medication bisoprolol', 'medication rosuvastatine']);
    expect(terms('en avril, le contrôle du protocole')).toEqual([]);
  });
});
