import '../index';
import { reportSubjectDetector } from './report-subject';
import { TextContext } from '../text-context';

const found = (text: string) => reportSubjectDetector.detect(new TextContext(text)).map((s) => text.slice(s.start, s.end));

describe('report-subject detector', () => {
  it('ties a clinical document title to the person it is about', () => {
    expect(found('vous trouverez ci-joint le CR d’imagerie de M.Dupont')).toEqual(['CR d’imagerie de M']);
    expect(found('ci-joint le compte rendu d’hospitalisation de M. Dupont')).toEqual(['compte rendu d’hospitalisation de M']);
    expect(found('Ordonnance pour Mme Petit Claire')).toEqual(['Ordonnance pour Mme']);
    expect(found('Objet : Compte rendu d’examens biologiques — PAT-TROIS Dominique')).toHaveLength(1);
    expect(found('la lettre de liaison de votre patiente')).toEqual(['lettre de liaison de votre patiente']);
    expect(found('Please find the discharge summary for Mrs Khan')).toEqual(['discharge summary for Mrs']);
  });

  it('needs the person right after the title, on the same line', () => {
    expect(found('La lettre de liaison doit permettre au médecin')).toEqual([]);
    expect(found('La lettre de sortie\nC’est la lettre par laquelle')).toEqual([]);
    expect(found('Le compte rendu de la réunion de Mme Durand')).toEqual([]);
  });
});
