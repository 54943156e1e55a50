import { attachmentNamesDetector } from './attachment-names';
import type { AttachmentInfo } from '../../model';

const scan = (a: AttachmentInfo | string) =>
  attachmentNamesDetector.detect(typeof a === 'string' ? { name: a } : a, 0).map((s) => ({ kind: s.kind, weight: s.weight, excerpt: s.excerpt }));
const kinds = (a: AttachmentInfo | string) => scan(a).map((s) => s.kind);

describe('attachment names detector', () => {
  it('recognises reports, prescriptions, lab results and imaging by name, in any case and separator style', () => {
    expect(kinds('CR_consultation_DURAND_Paul.pdf')).toEqual(['attachment-report']);
    expect(kinds('compte-rendu opératoire.docx')).toEqual(['attachment-report']);
    expect(kinds('CRH_LEROY_Monique_20240312.pdf')).toEqual(['attachment-report']);
    expect(kinds('Ordonnance_2024-03-12.pdf')).toEqual(['attachment-prescription']);
    expect(kinds('resultats_biologie_mars.pdf')).toEqual(['attachment-lab']);
    expect(kinds('IRM genou droit.pdf')).toEqual(['attachment-imaging']);
    expect(kinds('Discharge_summary_Smith_J.pdf')).toEqual(['attachment-report']);
  });

  it('masks what is not the matched word or the extension', () => {
    expect(scan('CR_consultation_DURAND_Paul.pdf')[0]!.excerpt).toBe('CR_consultation_******_****.pdf');
    expect(scan('Ordonnance_2024-03-12.pdf')[0]!.excerpt).toBe('Ordonnance_****-**-**.pdf');
  });

  it('recognises structured health formats by extension, content type or archive name', () => {
    expect(kinds('IHE_XDM.ZIP')).toEqual(['attachment-health-format']);
    expect(kinds('RES_240312_0045.hpr')).toEqual(['attachment-health-format']);
    expect(kinds('message.hl7')).toEqual(['attachment-health-format']);
    expect(kinds('IM000001.dcm')).toEqual(['attachment-health-format']);
    expect(kinds('DICOMDIR')).toEqual(['attachment-health-format']);
    expect(kinds('CDA_R2_lettre.xml')).toEqual(['attachment-health-format']);
    expect(kinds({ name: 'image0001', contentType: 'application/dicom' })).toEqual(['attachment-health-format']);
  });

  it('does not take a format name inside an ordinary document for the format itself', () => {
    expect(kinds('procedure_export_dicom.pdf')).toEqual([]);
    expect(kinds('CDA_presentation.pptx')).toEqual([]);
  });

  it('weighs a merely suggestive name below the threshold and cancels it for administrative documents', () => {
    expect(scan('bilan.pdf')).toEqual([{ kind: 'attachment-possible-report', weight: 0.5, excerpt: 'bilan.pdf' }]);
    expect(kinds('bilan_activite_2024.pdf')).toEqual([]);
    expect(kinds('CR_reunion_service_12-03.pdf')).toEqual([]);
    expect(kinds('compte_rendu_CME_mars.pdf')).toEqual([]);
    expect(kinds('resultats_enquete_satisfaction_2024.pdf')).toEqual([]);
    expect(kinds('Facture_F-2024-03187.pdf')).toEqual([]);
    expect(kinds('photo_vacances.jpg')).toEqual([]);
  });
});

describe('attachment names detector, unusual names', () => {
  it('masks letters of any script, and reads only the start and the extension of an overlong name', () => {
    expect(scan('CR_Иванов.pdf')[0]!.excerpt).toBe('CR_******.pdf');
    const long = `CR_${'x'.repeat(5000)}.pdf`;
    const [s] = scan(long);
    expect(s).toMatchObject({ kind: 'attachment-report', weight: 1 });
    expect(s!.excerpt!.length).toBeLessThanOrEqual(255);
    expect(s!.excerpt!.endsWith('.pdf')).toBe(true);
  });
});
