import '../index';
import { headerNameDetector } from './header-name';
import { TextContext } from '../text-context';

const names = (text: string) =>
  headerNameDetector.detect(new TextContext(text)).map((s) => ({ text: text.slice(s.start, s.end), excerpt: s.excerpt, weight: s.weight }));

describe('header-name detector', () => {
  it('reads a name after an identity label, masked', () => {
    expect(names('Patient(e) : PAT-TROIS DOMINIQUE MARIE-LOUISE, né(e) le 28/03/1979')).toEqual([
      { text: 'Patient(e) : PAT-TROIS DOMINIQUE MARIE', excerpt: 'Patient: P.', weight: 1 },
    ]);
    expect(names('Nom : Durand\nPrénom : Claire')[0]).toMatchObject({ excerpt: 'Nom: D.', weight: 1 });
    expect(names('Patient name: Jane Roe')[0]).toMatchObject({ excerpt: 'Patient: J.' });
    expect(names('Nom : non renseigné')).toEqual([]);
  });

  it('reads a name in capitals with a given name in a header line or the first line', () => {
    expect(names('Objet : CR d’imagerie — PAT-TROIS Dominique\n\nBonjour')).toEqual([{ text: 'PAT-TROIS Dominique', excerpt: 'en-tête: P.', weight: 1 }]);
    expect(names('DUPONT Jean - résultats\nBonjour')).toEqual([{ text: 'DUPONT Jean', excerpt: 'en-tête: D.', weight: 1 }]);
    expect(names('Bonjour,\n\nRe: Jean MARTIN / bilan')).toEqual([{ text: 'Jean MARTIN', excerpt: 'en-tête: J.', weight: 1 }]);
  });

  it('reads no name in acronyms, institutions, header words or the body', () => {
    expect(names('Objet : FRCP ONCO PAYS DE LA LOIRE / 3C CHU Angers / Sein')).toEqual([]);
    expect(names('Subject: RE: Abstract submission - ERS Congress')).toEqual([]);
    expect(names('Objet : réunion — AP-HP Paris')).toEqual([]);
    expect(names('Bonjour,\n\nLa réunion avec DUPONT Jean est annulée.')).toEqual([]);
  });
});
