import { scanDraft, scanText } from './index';

const draft = (subject: string, body: string, attachments: string[] = []) => ({ subject, body, attachments: attachments.map((name) => ({ name })) });

describe('scanText / scanDraft', () => {
  it('reports no health data, and no finding, for ordinary mail', () => {
    const r = scanDraft(draft('Réunion de service', 'Bonjour, la réunion est déplacée à jeudi 14 h en salle Pasteur. Merci.'));
    expect(r).toEqual({ containsHealthData: false, findings: [], score: 0 });
  });

  it('a NIR alone is health data, reported first with its label and a masked excerpt', () => {
    const text = 'Bonjour, NIR du patient : 1 85 06 75 112 345 45, merci.';
    const r = scanText(text);
    expect(r.containsHealthData).toBe(true);
    const start = text.indexOf('1 85');
    expect(r.findings[0]).toMatchObject({
      kind: 'nir',
      source: 'body',
      start,
      end: start + 21,
      excerpt: '1 85 ** ** *** *** **',
      label: { fr: 'NIR détecté', en: 'NIR detected' },
    });
  });

  it('a bare 15-digit number with a valid key needs a person or clinical content near it', () => {
    expect(scanText('Référence de commande 185067511234545.').containsHealthData).toBe(false);
    expect(scanText('Mme Roux, 185067511234545.').containsHealthData).toBe(true);
  });

  it('a person alone, or clinical talk alone, is not health data; together and near, it is', () => {
    expect(scanText('Mme Colette Roux a appelé pour son rendez-vous.').containsHealthData).toBe(false);
    expect(scanText('Le diabète de type 2 et l’insuffisance cardiaque seront au programme, avec la metformine 1000 mg.').containsHealthData).toBe(false);
    expect(scanText('Mme Colette Roux, diabétique, est sous metformine 1000 mg.').containsHealthData).toBe(true);
    // Beyond a message's length (REACH), clinical content is no longer about the person named at the top.
    const far = `Mme Colette Roux a appelé.${' Nous vous remercions de votre attention.'.repeat(60)} Diabète de type 2 sous metformine 1000 mg.`;
    expect(scanText(far).containsHealthData).toBe(false);
  });

  it('reads clinical content past 300 characters after a strong designation at the top, not before a weak one', () => {
    const filler = ' Nous vous remercions de votre attention.'.repeat(10);
    expect(scanText(`Mme Colette Roux a appelé.${filler} Diabète de type 2 sous metformine 1000 mg.`).containsHealthData).toBe(true);
    expect(scanText(`Objet : CR — ROUX Colette\n\n${filler} Diabète de type 2 sous metformine 1000 mg.`).containsHealthData).toBe(true);
    // A patient mentioned in passing (weak) reaches 300 characters only.
    expect(scanText(`le patient a appelé.${filler} Diabète de type 2 sous metformine 1000 mg.`).containsHealthData).toBe(false);
  });

  it('adds designations: a name with a birth date needs one clinical fact, a name alone needs two', () => {
    expect(scanText('Mme Martin Claire, née le 02/02/1960 : cystite.').containsHealthData).toBe(true);
    expect(scanText('Mme Martin Claire : cystite.').containsHealthData).toBe(false);
    expect(scanText('Madame Durand, née le 12/03/1941, hospitalisée pour décompensation cardiaque.').containsHealthData).toBe(true);
    expect(scanText('Ordonnance pour Mme Petit Claire née le 21/08/1979 : amoxicilline 1 g 3 fois par jour pendant 7 jours.').containsHealthData).toBe(true);
  });

  it('a covering mail naming the report and its patient is health data', () => {
    expect(scanText('Cher confrère, vous trouverez ci-joint le CR d’imagerie de M.Dupont').containsHealthData).toBe(true);
    expect(scanText('Bonjour, ci-joint le compte rendu d’hospitalisation de M. Dupont. Bien cordialement').containsHealthData).toBe(true);
    expect(scanText('Bonjour, ci-joint le compte rendu de la réunion du 12 mars. M. Dupont sera absent.').containsHealthData).toBe(false);
  });

  it('an HL7 v2 message naming a patient is health data by itself', () => {
    const hl7 = 'MSH|^~\\&|LABO|CH|DPI|CH|20250312||ADT^A01|1|P|2.5\rPID|1||42^^^CH^PI||ROUX^Colette||19410312|F';
    expect(scanText(hl7).containsHealthData).toBe(true);
  });

  it('reads subject and body together, and places each finding back in its field', () => {
    const r = scanDraft(draft('Résultats de Mme Colette Roux', 'Kaliémie 6,1 mmol/l, créatinine 180 µmol/l.'));
    expect(r.containsHealthData).toBe(true);
    const person = r.findings.find((f) => f.kind === 'person-name')!;
    expect(person).toMatchObject({ source: 'subject', start: 'Résultats de '.length, end: 'Résultats de Mme Colette Roux'.length, excerpt: 'Mme C.' });
    const lab = r.findings.find((f) => f.kind === 'lab-result')!;
    expect(lab.source).toBe('body');
    expect('Kaliémie 6,1 mmol/l, créatinine 180 µmol/l.'.slice(lab.start, lab.end)).toMatch(/mol\/l$/);
  });

  it('a report attachment is enough; a suggestive one only with a person in the message', () => {
    expect(scanDraft(draft('', 'ci-joint', ['CR_consultation.pdf'])).containsHealthData).toBe(true);
    expect(scanDraft(draft('', 'ci-joint', ['bilan.pdf'])).containsHealthData).toBe(false);
    const body = 'Voici pour Mme Colette Roux, sous metformine.';
    expect(scanDraft(draft('', body)).containsHealthData).toBe(false);
    const r = scanDraft(draft('', body, ['bilan.pdf']));
    expect(r.containsHealthData).toBe(true);
    expect(r.findings.find((f) => f.source === 'attachment')).toMatchObject({ kind: 'attachment-possible-report', start: 0, end: 5 });
  });

  it('never returns a name, a NIR or a value in an excerpt', () => {
    const body = 'Votre patiente Mme Colette ROUX, née le 14/02/1941, NIR 2 41 02 75 056 123 xx, kaliémie 6,1 mmol/l, 279035121518989@patient.mssante.fr';
    const r = scanText(body);
    const all = r.findings.map((f) => f.excerpt).join(' | ');
    for (const secret of ['ROUX', 'Colette', '1941', '14/02', '6,1', '279035121518989']) expect(all).not.toContain(secret);
  });
});

describe('scanDraft with what a host may hand over', () => {
  it('reads a draft with missing fields or a nameless attachment as empty, without throwing', () => {
    const partial = { subject: undefined, body: 'NIR 1 85 06 75 112 345 45', attachments: [{}] } as unknown as Parameters<typeof scanDraft>[0];
    expect(scanDraft(partial).containsHealthData).toBe(true);
    const empty = {} as unknown as Parameters<typeof scanDraft>[0];
    expect(scanDraft(empty)).toEqual({ containsHealthData: false, findings: [], score: 0 });
  });
});
