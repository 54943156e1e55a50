import { patientAddress, assertOnePatient, xdmPatientId, INS_OID, PatientError } from './patient';
import { readCda, parseCdaTime } from './cda';
import { pdfCopyName, xdmDocumentName, xdmSubject } from './naming';
import { checkMessageSize, encodedSize, PATIENT_MAX_MESSAGE_BYTES } from './size';
import { hl7Escape, uuidToOid } from './text';

const INS = '288109912345684';
const NIA = '789109912345676';

describe('patient address builder', () => {
  it('builds <INS>@patient.mssante.fr from a valid qualified INS-NIR', () => {
    expect(patientAddress({ ins: { matricule: INS, qualified: true } })).toBe(`${INS}@patient.mssante.fr`);
    expect(patientAddress({ ins: { matricule: ` ${INS} `, qualified: true } })).toBe(`${INS}@patient.mssante.fr`);
  });
  it('refuses an unqualified INS, a wrong key, a NIA, a test INS, no INS', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as PatientError).code;
      }
      return 'none';
    };
    expect(code(() => patientAddress({ ins: { matricule: INS, qualified: false } }))).toBe('ins-not-qualified');
    expect(code(() => patientAddress({ ins: { matricule: '288109912345685', qualified: true } }))).toBe('ins-invalid');
    expect(code(() => patientAddress({ ins: { matricule: NIA, qualified: true } }))).toBe('ins-not-qualified');
    expect(code(() => patientAddress({ ins: { matricule: INS, qualified: true, oid: INS_OID.TEST } }))).toBe('ins-not-qualified');
    expect(code(() => patientAddress({}))).toBe('ins-missing');
  });
  it('gives French and English reasons', () => {
    try {
      patientAddress({ ins: { matricule: INS, qualified: false } });
    } catch (e) {
      expect((e as PatientError).text.fr).toMatch(/qualifié/);
      expect((e as PatientError).text.en).toMatch(/qualified/);
    }
    expect.assertions(2);
  });
});

describe('one patient per message', () => {
  it('accepts the same INS and refuses two', () => {
    expect(() => assertOnePatient([{ ins: { matricule: INS, qualified: true } }, { ins: { matricule: INS.toLowerCase(), qualified: false } }])).not.toThrow();
    expect(() => assertOnePatient([{ ins: { matricule: INS, qualified: true } }, { ins: { matricule: '179039955544428', qualified: true } }])).toThrow(
      /one patient/,
    );
    expect(() => assertOnePatient([{ ipp: { value: '1', oid: '1.2' } }, { ipp: { value: '1', oid: '1.3' } }])).toThrow(PatientError);
    // An INS on one side and only an IPP on the other cannot be proved to be the same person.
    expect(() => assertOnePatient([{ ins: { matricule: INS, qualified: true } }, { ipp: { value: '1', oid: '1.2' } }])).toThrow(PatientError);
  });
});

describe('names and identifiers', () => {
  it('makes CX patient ids, escaping HL7 separators', () => {
    expect(xdmPatientId({ ins: { matricule: INS, qualified: true }, family: 'A', given: 'B', birthDate: '2000-01-01' })).toBe(
      `${INS}^^^&1.2.250.1.213.1.4.8&ISO^NH`,
    );
    expect(xdmPatientId({ ipp: { value: 'A^B&C', oid: '1.2.3' }, family: 'A', given: 'B', birthDate: '2000-01-01' })).toBe('A\\S\\B\\T\\C^^^&1.2.3&ISO^PI');
    expect(hl7Escape('a|b~c\\d')).toBe('a\\F\\b\\R\\c\\E\\d');
  });
  it('names documents 8.3 and the PDF copy as <date of the act>_<type label>_<NOM>_<PRÉNOM>.pdf, as the ANS examples do', () => {
    expect(xdmDocumentName(1, 'application/pdf')).toBe('DOC0001.PDF');
    expect(xdmDocumentName(12, 'application/octet-stream', 'scan.jpeg')).toBe('DOC0012.JPE');
    expect(() => xdmDocumentName(10000, 'application/pdf')).toThrow(RangeError);
    // The ANS IG's own example name: 20220531_CR_d_imagerie_medicale_CORSE_FIGATELLIX.pdf
    expect(pdfCopyName({ actDate: '20220531', typeLabel: "CR d'imagerie médicale", patient: { family: 'Corse', given: 'Figatellix' } })).toBe(
      '20220531_CR_d_imagerie_medicale_CORSE_FIGATELLIX.pdf',
    );
    expect(
      pdfCopyName({ actDate: '20260305', typeLabel: 'Lettre de liaison', patient: { family: 'Lefèvre d’Ormesson', given: 'Éloïse', caseNumber: '2026/001' } }),
    ).toBe('20260305_Lettre_de_liaison_LEFEVRE_D_ORMESSON_ELOISE_2026_001.pdf');
  });
  it('writes the subject with the birth date as JJ/MM/AAAA and a bounded title', () => {
    expect(xdmSubject('Lettre de liaison', { family: 'Dupont', given: 'Jean', birthDate: '1950-07-14' })).toBe(
      'XDM/1.0/DDM+Lettre de liaison DUPONT Jean 14/07/1950',
    );
    expect(xdmSubject('x'.repeat(200), { family: 'A', given: 'B', birthDate: '1950-07-14' }).length).toBeLessThan(110);
  });
  it('turns a UUID into a 2.25 OID', () => {
    expect(uuidToOid('00000000-0000-0000-0000-000000000010')).toBe('2.25.16');
  });
});

describe('CDA header', () => {
  const cda = (body: string) => new TextEncoder().encode(`<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3">${body}</ClinicalDocument>`);
  it('reads the code, the recordTarget ids and names, preferring birth names', () => {
    const s = readCda(
      cda(
        `<code code="11490-0" codeSystem="2.16.840.1.113883.6.1" displayName="Lettre"/><recordTarget><patientRole><id root="1.2.250.1.213.1.4.8" extension="${INS}"/><patient><name><family qualifier="SP">MARTIN</family><family qualifier="BR">DUPONT</family><given>Jean</given></name></patient></patientRole></recordTarget><component><structuredBody/></component>`,
      ),
    );
    expect(s).toMatchObject({
      code: { code: '11490-0', codeSystem: '2.16.840.1.113883.6.1', displayName: 'Lettre' },
      patient: { ids: [{ root: '1.2.250.1.213.1.4.8', extension: INS }], family: 'DUPONT', given: 'Jean' },
      body: { kind: 'structured' },
    });
  });
  it('is null for other XML, broken XML or non-XML', () => {
    expect(readCda(new TextEncoder().encode('<?xml version="1.0"?><ClinicalDocument><code code="x"/></ClinicalDocument>'))).toBeNull();
    expect(readCda(cda('<code code="x">'))).toBeNull();
    expect(readCda(new TextEncoder().encode('<html><body/></html>'))).toBeNull();
    expect(readCda(new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toBeNull();
  });
  it('reads HL7 times: the date as written, the instant in UTC', () => {
    expect(parseCdaTime('20261014161500+0200')).toMatchObject({ date: '20261014', dtm: '20261014141500' });
    expect(parseCdaTime('20260101003000+0100')).toMatchObject({ date: '20260101', dtm: '20251231233000' });
    expect(parseCdaTime('19790328')).toMatchObject({ isoDate: '1979-03-28', dtm: '19790328' });
    expect(parseCdaTime('20210409094914.827+0100')?.dtm).toBe('20210409084914');
    expect(parseCdaTime('19790230')).toBeNull();
    expect(parseCdaTime('demain')).toBeNull();
  });
});

describe('size rules', () => {
  it('counts base64 and refuses over 25 MB to a patient only', () => {
    expect(encodedSize(3)).toBe(6);
    const raw = Math.floor(PATIENT_MAX_MESSAGE_BYTES * 0.76);
    expect(checkMessageSize({ attachmentBytes: [raw], toPatient: true }).level).toBe('refuse');
    expect(checkMessageSize({ attachmentBytes: [raw], toPatient: false }).level).toBe('ok');
    expect(checkMessageSize({ attachmentBytes: [raw], toPatient: false, operatorLimitBytes: 20 * 1024 * 1024 })).toMatchObject({
      level: 'warn',
      code: 'size.warn-operator',
    });
    expect(checkMessageSize({ attachmentBytes: [1024 * 1024], toPatient: true }).level).toBe('ok');
  });
});

describe('type codes', () => {
  it('tells LOINC codes from TRE_A05 codes', async () => {
    const { typeCodeOf, OID } = await import('./codes');
    expect(typeCodeOf('11490-0')).toMatchObject({ codingScheme: OID.loinc, display: 'Lettre de liaison à la sortie d’un établissement de soins' });
    expect(typeCodeOf('PRESC-BIO')).toMatchObject({ codingScheme: '1.2.250.1.213.1.1.4.12', display: 'PRESC-BIO' });
  });
});
