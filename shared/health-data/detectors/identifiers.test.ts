import { patientAddressDetector } from './patient-address';
import { professionalIdDetector } from './professional-id';
import { TextContext } from '../text-context';

const address = (text: string) => patientAddressDetector.detect(new TextContext(text));
const professional = (text: string) => professionalIdDetector.detect(new TextContext(text)).map((s) => `${s.kind} ${s.excerpt}`);

describe('patient MSSanté address detector', () => {
  it('finds a patient address with a valid INS as an identifier, masked', () => {
    const [s] = address('à envoyer sur 279035121518989@patient.mssante.fr merci');
    expect(s).toMatchObject({ kind: 'patient-address', role: 'identifier', weight: 1, excerpt: '2**************@patient.mssante.fr' });
    expect(address('279035121518989@PATIENT.MSSANTE.FR')).toHaveLength(1);
  });

  it('treats an address with a wrong INS as a person designation only', () => {
    expect(address('279035121518988@patient.mssante.fr')[0]).toMatchObject({ role: 'person', weight: 0.8 });
  });

  it('ignores other MSSanté domains', () => {
    expect(address('dr.martin@medecin.mssante.fr, 279035121518989@patient.mssante.fr.example.com')).toEqual([]);
  });
});

describe('RPPS / ADELI detector', () => {
  it('finds an RPPS or ADELI number only right after its name', () => {
    expect(professional('Dr Martin, RPPS 10100534436')).toEqual(['rpps RPPS 10*********']);
    expect(professional('n° RPPS : 10100534436')).toEqual(['rpps RPPS 10*********']);
    expect(professional('IdNat 810100534436')).toEqual(['rpps RPPS 81**********']);
    expect(professional('ADELI 441253000')).toEqual(['adeli ADELI 44*******']);
    expect(professional('commande 10100534436')).toEqual([]);
    expect(professional('RPPS 1234')).toEqual([]);
    expect(professional('RPPS, voir la fiche du praticien sur l’annuaire : 10100534436')).toEqual([]);
  });
});
