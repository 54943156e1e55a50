import Ajv from 'ajv';
import data from './data/vocabulary.json';
import schema from './data/vocabulary.schema.json';
import { PROFESSIONS } from './synthetic';
import { formsOf, PROFESSION_LABELS, SPECIALTY_LABELS } from './vocabulary';

describe('the search vocabulary (data)', () => {
  it('validates against its schema, each code once', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect([validate(data), validate.errors]).toEqual([true, null]);
    for (const list of [data.professions, data.specialties]) expect(new Set(list.map((e) => e.code)).size).toBe(list.length);
  });

  it('follows the ANS nomenclatures: SM54 is general medicine, endocrinology is SM16 and SM62, Médecin is 10', () => {
    expect(SPECIALTY_LABELS.SM54).toBe('Médecine générale');
    expect(SPECIALTY_LABELS.SM16).toMatch(/^Endocrinologie/);
    expect(SPECIALTY_LABELS.SM62).toMatch(/^Endocrinologie, diabétologie/);
    expect(PROFESSION_LABELS['10']).toBe('Médecin');
    expect(PROFESSION_LABELS['60']).toBe('Infirmier');
    expect(formsOf('SM54', '')).toContain('generaliste');
    // By label when the code is missing (a FHIR display, an older file).
    expect(formsOf('', 'Cardiologie et maladies vasculaires')).toContain('cardiologue');
    expect(formsOf('', 'Inconnue')).toEqual([]);
  });

  it('gives the synthetic generator its codes and labels', () => {
    for (const p of PROFESSIONS) {
      expect(PROFESSION_LABELS[p.code]).toBe(p.label);
      for (const s of p.specs) if (s.code) expect(SPECIALTY_LABELS[s.code]).toBe(s.label);
    }
  });
});
