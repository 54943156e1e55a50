import { hl7Detector } from './hl7';
import { TextContext } from '../text-context';

const found = (text: string) => hl7Detector.detect(new TextContext(text)).map((s) => ({ kind: s.kind, role: s.role, excerpt: s.excerpt }));

// Segments written after the HL7 v2.5 structure of an ORU^R01 message (MSH, PID, OBR, OBX); every value invented.
const message = [
  'MSH|^~\\&|LABO|CH-VALMONT|DPI|CH-VALMONT|20250312101500||ORU^R01^ORU_R01|MSG00042|P|2.5|||||FRA|UNICODE UTF-8',
  'PID|1||123456789^^^CH-VALMONT^PI||MARTIN^Claire^^^^^L||19790821|F|||12 rue des Lilas^^Valmont^^75011',
  'OBR|1||LAB-778|CRP^Protéine C réactive',
  'OBX|1|NM|CRP^Protéine C réactive||45|mg/l|<5|H|||F',
];

describe('HL7 v2 detector', () => {
  it('finds a PID segment naming a patient, carriage returns or line feeds', () => {
    expect(found(message.join('\r'))).toEqual([{ kind: 'hl7-patient', role: 'identifier', excerpt: 'PID|…|***^***|…|********|' }]);
    expect(found(`Bonjour, voici le message reçu :\n\n${message.join('\n')}`)).toHaveLength(1);
  });

  it('needs a name in PID-5, and a segment at the start of a line', () => {
    expect(found('PID|1||123456789^^^CH^PI||||19790821|F')).toEqual([]);
    expect(found('Le champ PID|5 contient le nom.')).toEqual([]);
    expect(found('no segment here')).toEqual([]);
  });
});
