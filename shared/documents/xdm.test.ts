// Golden tests on our own CDA documents (written after the ANS examples): a level-1 imaging report with its PDF, a
// level-3 laboratory report, and a bare PDF from the DI. Every metadata field is checked against the rule it follows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { packXdm, PatientError, XdmError, XDS, NS, readCda, type XdmPackInput, type XdmPackResult } from './index';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'xdm');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const N1 = read('cda-n1-imagerie.xml');
const N3 = read('cda-n3-biologie.xml');
const PDF = read('cr-imagerie-test.pdf');
const TEST_INS = '279035121518989';
const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');

function input(over: Partial<XdmPackInput> = {}): XdmPackInput {
  let n = 0;
  return {
    documents: [{ bytes: N1, mimeType: 'text/xml', title: '' }],
    author: {
      idNat: '810001234567',
      family: 'MARTIN',
      given: 'Jeanne',
      institution: { name: 'CHU Exemple', idNat: '1750000000' },
      mail: 'jeanne.martin@chu-exemple.mssante.fr',
    },
    sender: {
      organisation: 'CHU Exemple — Imagerie',
      contact: ['imagerie@chu-exemple.mssante.fr'],
      application: { name: 'Vigie MSSanté', version: '0.1.0', vendor: 'Vigie' },
    },
    recipients: ['dr.durand@medecin.mssante.fr'],
    policy: { nil: 'DEV935997', sourceId: '1.2.250.1.999.42' },
    now: new Date('2026-11-28T10:00:00Z'),
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    ...over,
  };
}

function golden(name: string, actual: string) {
  const file = join(FIXTURES, name);
  if (UPDATE) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The metadata as a reader sees it: slots, classifications and identifiers by scheme. */
function metadataOf(r: XdmPackResult) {
  const doc = new DOMParser().parseFromString(r.metadataXml, 'text/xml');
  const els = (parent: Element | Document, name: string): Element[] => Array.from(parent.getElementsByTagNameNS(NS.rim, name) as unknown as ArrayLike<Element>);
  const own = (parent: Element, name: string) => els(parent, name).filter((e) => e.parentNode === parent);
  const slot = (parent: Element, name: string) =>
    els(own(parent, 'Slot').find((s) => s.getAttribute('name') === name) ?? parent.ownerDocument!.createElement('x'), 'Value').map((v) => v.textContent);
  const classified = (parent: Element, scheme: string) =>
    own(parent, 'Classification')
      .filter((c) => c.getAttribute('classificationScheme') === scheme)
      .map((c) => ({
        code: c.getAttribute('nodeRepresentation'),
        scheme: slot(c, 'codingScheme')[0],
        slots: Object.fromEntries(own(c, 'Slot').map((s) => [s.getAttribute('name'), slot(c, s.getAttribute('name')!)])),
      }));
  const ident = (parent: Element, scheme: string) =>
    own(parent, 'ExternalIdentifier')
      .find((e) => e.getAttribute('identificationScheme') === scheme)
      ?.getAttribute('value');
  const entries = els(doc, 'ExtrinsicObject');
  const set = els(doc, 'RegistryPackage')[0]!;
  return { entries, set, slot, classified, ident, name: (e: Element) => els(own(e, 'Name')[0]!, 'LocalizedString')[0]!.getAttribute('value') };
}

describe('a level-1 CDA alone: everything from its header, the embedded PDF beside the archive', () => {
  const r = packXdm(input());
  const files = unzipSync(r.zip);
  const m = metadataOf(r);
  const e = m.entries[0]!;

  it('matches the golden METADATA.XML, INDEX.HTM and README.TXT', () => {
    golden('METADATA.XML', r.metadataXml);
    golden('INDEX.HTM', r.indexHtml);
    golden('README.TXT', r.readme);
    expect(strFromU8(files['IHE_XDM/SUBSET01/METADATA.XML']!)).toBe(r.metadataXml);
  });

  it('holds the CDA only; its PDF, extracted, travels beside as <act date>_<type label>_<NOM>_<PRÉNOM>.pdf', () => {
    expect(Object.keys(files)).toEqual(['README.TXT', 'INDEX.HTM', 'IHE_XDM/SUBSET01/METADATA.XML', 'IHE_XDM/SUBSET01/DOC0001.XML']);
    expect(files['IHE_XDM/SUBSET01/DOC0001.XML']).toEqual(N1);
    expect(r.attachments.map((a) => a.name)).toEqual(['IHE_XDM.ZIP', '20261014_CR_d_imagerie_medicale_PAT-TROIS_DOMINIQUE.pdf']);
    expect(r.attachments[1]!.bytes).toEqual(PDF);
  });

  it('identifies the document by ClinicalDocument/id, dates it by effectiveTime and the act', () => {
    expect(m.ident(e, XDS.doc.uniqueId)).toBe('1.2.250.1.999.7.3.1^ECHO-2026-10-0042');
    expect(m.slot(e, 'creationTime')).toEqual(['20261014141500']); // 16:15 +0200 in UTC
    expect(m.slot(e, 'serviceStartTime')).toEqual(['20261014120500']);
    expect(m.slot(e, 'serviceStopTime')).toEqual(['20261014122000']);
    expect(m.slot(e, 'languageCode')).toEqual(['fr-FR']);
    expect(m.name(e)).toBe('Echographie abdominale');
  });

  it('types it from its code and template: 18748-4, class 31, format XDS-SD PDF', () => {
    expect(m.classified(e, XDS.doc.typeCode)).toMatchObject([{ code: '18748-4', scheme: '2.16.840.1.113883.6.1' }]);
    expect(m.classified(e, XDS.doc.classCode)).toMatchObject([{ code: '31', scheme: '1.2.250.1.213.1.1.4.1' }]);
    expect(m.classified(e, XDS.doc.formatCode)).toMatchObject([{ code: 'urn:ihe:iti:xds-sd:pdf:2008', scheme: '1.3.6.1.4.1.19376.1.2.3' }]);
    expect(m.classified(e, XDS.doc.confidentialityCode)).toMatchObject([{ code: 'N', scheme: '2.16.840.1.113883.5.25' }]);
    expect(m.classified(e, XDS.doc.healthcareFacilityTypeCode)).toMatchObject([{ code: 'SA01', scheme: '1.2.250.1.71.4.2.4' }]);
    expect(m.classified(e, XDS.doc.practiceSettingCode)).toMatchObject([{ code: 'ETABLISSEMENT', scheme: '1.2.250.1.213.1.1.4.9' }]);
    expect(m.classified(e, XDS.doc.eventCodeList)).toMatchObject([{ code: 'ZCQM001', scheme: '1.2.250.1.213.2.5' }]);
  });

  it('names the CDA author and legal authenticator, the patient with the test INS authority and the four traits', () => {
    expect(m.classified(e, XDS.doc.author)[0]!.slots).toMatchObject({
      authorPerson: ['899700123456^LEGRAND^Hélène^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS'],
      authorInstitution: ['CH de Test-sur-Mer^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1999000011'],
    });
    expect(m.slot(e, 'legalAuthenticator')).toEqual(['899700123456^LEGRAND^Hélène^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS']);
    expect(m.ident(e, XDS.doc.patientId)).toBe(`${TEST_INS}^^^&1.2.250.1.213.1.4.10&ISO^NH`);
    expect(m.slot(e, 'sourcePatientId')).toEqual(['IPP-77001^^^&1.2.250.1.999.7.1&ISO^PI']);
    expect(m.slot(e, 'sourcePatientInfo')).toEqual(['PID-5|PAT-TROIS^DOMINIQUE^^^^^L', 'PID-7|19790328', 'PID-8|F']);
  });

  it('describes the submission: J03 content type, the policy sourceId, the sender, the recipients', () => {
    expect(m.classified(m.set, XDS.set.contentTypeCode)).toMatchObject([{ code: 'SA01', scheme: '1.2.250.1.71.4.2.4' }]);
    expect(m.ident(m.set, XDS.set.sourceId)).toBe('1.2.250.1.999.42');
    expect(m.ident(m.set, XDS.set.patientId)).toBe(`${TEST_INS}^^^&1.2.250.1.213.1.4.10&ISO^NH`);
    expect(m.classified(m.set, XDS.set.author)[0]!.slots).toMatchObject({
      authorPerson: ['810001234567^MARTIN^Jeanne^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS'],
      authorInstitution: ['CHU Exemple^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750000000'],
    });
    expect(m.slot(m.set, 'intendedRecipient')).toEqual(['||^^Internet^dr.durand@medecin.mssante.fr']);
    expect(m.slot(m.set, 'submissionTime')).toEqual(['20261128100000']);
  });

  it('gives the subject and headers from the CDA: X-MSS-INS O (INS with its four traits), X-MSS-NIL from the policy', () => {
    expect(r.subject).toBe('XDM/1.0/DDM+Echographie abdominale PAT-TROIS DOMINIQUE 28/03/1979');
    expect(r.headers).toEqual([
      { name: 'X-MSS-CODECDA', value: '18748-4' },
      { name: 'X-MSS-INS', value: 'O' },
      { name: 'X-MSS-NIL', value: 'DEV935997' },
    ]);
    expect(r.entries).toEqual([
      {
        path: 'IHE_XDM/SUBSET01/DOC0001.XML',
        uniqueId: '1.2.250.1.999.7.3.1^ECHO-2026-10-0042',
        hashHex: sha1(N1),
        size: N1.length,
        mimeType: 'text/xml',
        typeCode: '18748-4',
        cda: true,
        wrapped: false,
      },
    ]);
    expect(m.slot(e, 'hash')).toEqual([sha1(N1)]);
    expect(m.slot(e, 'size')).toEqual([String(N1.length)]);
  });

  it('is reproducible for the same input and clock', () => {
    expect(packXdm(input()).zip).toEqual(r.zip);
  });
});

describe('a level-3 CDA with the DI’s PDF rendering', () => {
  const r = packXdm(
    input({
      documents: [
        { bytes: N3, mimeType: 'text/xml', title: 'CR bio' },
        { bytes: PDF, mimeType: 'application/pdf', title: 'CR bio (PDF)' },
      ],
    }),
  );
  const m = metadataOf(r);
  const e = m.entries[0]!;

  it('puts the PDF beside the archive, not in it as a second document', () => {
    expect(Object.keys(unzipSync(r.zip))).toEqual(['README.TXT', 'INDEX.HTM', 'IHE_XDM/SUBSET01/METADATA.XML', 'IHE_XDM/SUBSET01/DOC0001.XML']);
    expect(m.entries).toHaveLength(1);
    expect(r.attachments.map((a) => a.name)).toEqual(['IHE_XDM.ZIP', '20261102_CR_d_examens_biologiques_PAT-TROIS_DOMINIQUE.pdf']);
  });

  it('takes the format from the CR-BIO template, facility and setting from the header', () => {
    expect(m.classified(e, XDS.doc.formatCode)).toMatchObject([{ code: 'urn:ihe:lab:xd-lab:2008' }]);
    expect(m.classified(e, XDS.doc.typeCode)).toMatchObject([{ code: '11502-2' }]);
    expect(m.classified(e, XDS.doc.healthcareFacilityTypeCode)).toMatchObject([{ code: 'SA25' }]);
    expect(m.classified(e, XDS.doc.practiceSettingCode)).toMatchObject([{ code: 'AMBULATOIRE' }]);
    expect(m.ident(e, XDS.doc.uniqueId)).toBe('1.2.250.1.999.7.5.20261102.8812');
    expect(m.slot(e, 'creationTime')).toEqual(['20261102101045']);
    expect(m.slot(e, 'sourcePatientId')).toEqual([`${TEST_INS}^^^&1.2.250.1.213.1.4.10&ISO^NH`]);
    expect(m.classified(m.set, XDS.set.contentTypeCode)).toMatchObject([{ code: 'SA25' }]);
    expect(r.headers[0]).toEqual({ name: 'X-MSS-CODECDA', value: '11502-2' });
  });

  it('refuses an XML file that is not a CDA, a model missing from the CI-SIS tables, a format CDA cannot carry', () => {
    const notCda = new TextEncoder().encode('<?xml version="1.0"?><note>x</note>');
    expect(() => packXdm(input({ documents: [{ bytes: notCda, mimeType: 'text/xml', title: 'note' }] }))).toThrow(expect.objectContaining({ code: 'not-cda' }));
    const unknown = new TextEncoder().encode(strFromU8(N3).replace('1.3.6.1.4.1.19376.1.3.3', '1.2.3.4.5'));
    expect(() => packXdm(input({ documents: [{ bytes: unknown, mimeType: 'text/xml', title: 'x' }] }))).toThrow(
      expect.objectContaining({ code: 'format-unknown' }),
    );
    expect(() => packXdm(input({ documents: [{ bytes: PDF, mimeType: 'application/zip', title: 'x.zip' }] }))).toThrow(
      expect.objectContaining({ code: 'unsupported-format' }),
    );
  });
});

describe('a PDF without CDA, from the DI', () => {
  const patient = {
    ins: { matricule: TEST_INS, oid: '1.2.250.1.213.1.4.10' as const, qualified: true },
    family: 'Pat-Trois',
    given: 'Dominique',
    birthDate: '1979-03-28',
    sex: 'F' as const,
  };
  const r = packXdm(
    input({
      patient,
      documents: [
        {
          bytes: PDF,
          mimeType: 'application/pdf',
          title: 'Lettre de sortie',
          typeCode: { code: '11490-0', codingScheme: '2.16.840.1.113883.6.1', display: 'Lettre de liaison' },
          creationTime: new Date('2026-11-20T09:00:00Z'),
          uniqueId: '1.2.250.1.999.7.9.77',
        },
      ],
    }),
  );
  const cda = unzipSync(r.zip)['IHE_XDM/SUBSET01/DOC0001.XML']!;
  const doc = readCda(cda)!;

  it('is wrapped in a CDA R2 level 1 (XDS-SD) with the patient and the author, the PDF itself beside', () => {
    expect(doc.templateIds).toEqual(['2.16.840.1.113883.2.8.2.1', '1.2.250.1.213.1.1.1.1', '1.3.6.1.4.1.19376.1.2.20']);
    expect(doc.id).toEqual({ root: '1.2.250.1.999.7.9.77' });
    expect(doc.patient).toMatchObject({
      ids: [{ root: '1.2.250.1.213.1.4.10', extension: TEST_INS }],
      family: 'Pat-Trois',
      given: 'Dominique',
      sex: 'F',
      birthTime: '19790328',
    });
    expect(doc.authors[0]).toMatchObject({
      id: { root: '1.2.250.1.71.4.2.1', extension: '810001234567' },
      family: 'MARTIN',
      given: 'Jeanne',
      organisation: { name: 'CHU Exemple' },
    });
    expect(doc.body).toMatchObject({ kind: 'nonXML', mediaType: 'application/pdf', representation: 'B64' });
    expect(r.attachments[1]).toMatchObject({ name: '20261120_Lettre_de_liaison_PAT-TROIS_DOMINIQUE.pdf', bytes: PDF });
    // What the packer used without reading the bytes back is what the bytes say.
    const again = packXdm(input({ patient, documents: [{ bytes: cda, mimeType: 'text/xml', title: '' }] }));
    expect(again.metadataXml.replace(/urn:uuid:[0-9a-f-]+/g, '').replace(/<rim:Value>[0-9a-f]{40}<\/rim:Value>|"size">[\s\S]*?<\/rim:Slot>/g, '')).toBe(
      r.metadataXml.replace(/urn:uuid:[0-9a-f-]+/g, '').replace(/<rim:Value>[0-9a-f]{40}<\/rim:Value>|"size">[\s\S]*?<\/rim:Slot>/g, ''),
    );
    expect(r.entries[0]).toMatchObject({ wrapped: true, typeCode: '11490-0', uniqueId: '1.2.250.1.999.7.9.77' });
    const m = metadataOf(r);
    expect(m.classified(m.entries[0]!, XDS.doc.formatCode)).toMatchObject([{ code: 'urn:ihe:iti:xds-sd:pdf:2008' }]);
    expect(m.slot(m.entries[0]!, 'creationTime')).toEqual(['20261120090000']);
  });
});

describe('identity rules', () => {
  it('keeps the INS authority the CDA states; a flag naming another INS, birth date or authority is an error', () => {
    expect(() => packXdm(input({ patient: { ins: { matricule: '288109912345684' } } }))).toThrow(expect.objectContaining({ code: 'contradicts-cda' }));
    expect(() => packXdm(input({ patient: { ins: { matricule: TEST_INS, oid: '1.2.250.1.213.1.4.8' } } }))).toThrow(/INS authority/);
    expect(() => packXdm(input({ patient: { birthDate: '1979-03-29' } }))).toThrow(PatientError);
    // Agreeing flags and a case number are fine.
    expect(packXdm(input({ patient: { ins: { matricule: TEST_INS }, family: 'Pat-Trois', caseNumber: 'S42' } })).attachments[1]!.name).toBe(
      '20261014_CR_d_imagerie_medicale_PAT-TROIS_DOMINIQUE_S42.pdf',
    );
  });

  it('says X-MSS-INS: N when a trait is missing (no sex) and when the INS is not qualified', () => {
    const base = { family: 'Dupont', given: 'Marie', birthDate: '1979-03-05' };
    const pdfDoc = { bytes: PDF, mimeType: 'application/pdf', title: 'CR' };
    const noSex = packXdm(input({ patient: { ...base, ins: { matricule: TEST_INS, qualified: true } }, documents: [pdfDoc] }));
    expect(noSex.headers.find((h) => h.name === 'X-MSS-INS')?.value).toBe('N');
    const notQualified = packXdm(
      input({
        patient: { ...base, sex: 'F', ins: { matricule: TEST_INS, qualified: false }, ipp: { value: 'IPP1', oid: '1.2.250.1.999.7.1' } },
        documents: [pdfDoc],
      }),
    );
    expect(notQualified.headers.find((h) => h.name === 'X-MSS-INS')?.value).toBe('N');
    const complete = packXdm(input({ patient: { ...base, sex: 'F', ins: { matricule: TEST_INS, qualified: true } }, documents: [pdfDoc] }));
    expect(complete.headers.find((h) => h.name === 'X-MSS-INS')?.value).toBe('O');
  });

  it('takes a bare INS as production NIR unless its authority is given', () => {
    const r = packXdm(
      input({
        patient: { ins: { matricule: TEST_INS, qualified: true }, family: 'Dupont', given: 'Marie', birthDate: '1979-03-05', sex: 'F' },
        documents: [{ bytes: PDF, mimeType: 'application/pdf', title: 'CR' }],
      }),
    );
    expect(r.metadataXml).toContain(`${TEST_INS}^^^&amp;1.2.250.1.213.1.4.8&amp;ISO^NH`);
  });

  it('refuses documents of two patients in one message', () => {
    expect(() =>
      packXdm(
        input({
          documents: [
            { bytes: N1, mimeType: 'text/xml', title: '' },
            {
              bytes: PDF,
              mimeType: 'application/pdf',
              title: 'x',
              typeCode: { code: '11490-0', codingScheme: '2.16.840.1.113883.6.1', display: 'L' },
              patient: { ins: { matricule: '288109912345684', qualified: true } },
            },
          ],
        }),
      ),
    ).toThrow(expect.objectContaining({ code: 'mixed-patients' }));
  });
});

describe('submission rules', () => {
  it('carries masking flags to the confidentialityCode, and refuses a document invisible to the patient sent to the patient', () => {
    const r = packXdm(input({ masking: { hiddenFromProfessionals: true, invisibleToLegalRepresentatives: true } }));
    const m = metadataOf(r);
    expect(m.classified(m.entries[0]!, XDS.doc.confidentialityCode).map((c) => [c.code, c.scheme])).toEqual([
      ['N', '2.16.840.1.113883.5.25'],
      ['MASQUE_PS', '1.2.250.1.213.1.1.4.13'],
      ['INVISIBLE_REPRESENTANTS_LEGAUX', '1.2.250.1.213.1.1.4.13'],
    ]);
    expect(() => packXdm(input({ masking: { invisibleToPatient: true }, recipients: [`${TEST_INS}@patient.mssante.fr`] }))).toThrow(
      expect.objectContaining({ code: 'masked-to-patient' }),
    );
  });

  it('uses the policy’s J03 contentTypeCode, refuses one outside J03', () => {
    const m = metadataOf(packXdm(input({ policy: { contentTypeCode: '07' } })));
    expect(m.classified(m.set, XDS.set.contentTypeCode)).toMatchObject([{ code: '07', scheme: '1.2.250.1.213.2.2' }]);
    expect(() => packXdm(input({ policy: { contentTypeCode: '11488-4' } }))).toThrow(expect.objectContaining({ code: 'content-type' }));
  });

  it('keeps a stable sourceId: the policy’s, else one derived from the organisation, said in a notice', () => {
    const a = packXdm(input({ policy: { nil: 'X' } }));
    const b = packXdm(input({ policy: { nil: 'X' }, now: new Date('2027-01-01T00:00:00Z') }));
    const id = (r: XdmPackResult) => metadataOf(r).ident(metadataOf(r).set, XDS.set.sourceId);
    expect(id(a)).toMatch(/^2\.25\.\d+$/);
    expect(id(a)).toBe(id(b));
    expect(a.notices.map((n) => n.en).join(' ')).toMatch(/documents\.sourceId/);
  });

  it('names what is missing: X-MSS-NIL not configured', () => {
    const r = packXdm(input({ policy: { sourceId: '1.2.3' } }));
    expect(r.headers.map((h) => h.name)).not.toContain('X-MSS-NIL');
    expect(r.notices.map((n) => n.fr).join(' ')).toMatch(/X-MSS-NIL.*documents\.productReference/);
  });

  it('asks a read receipt when requested or by policy default, closes the conversation with a patient', () => {
    const byPolicy = packXdm(input({ policy: { nil: 'X', sourceId: '1.2.3', readReceipt: true }, readReceiptTo: 'jeanne.martin@chu-exemple.mssante.fr' }));
    expect(byPolicy.headers).toContainEqual({ name: 'Disposition-Notification-To', value: '<jeanne.martin@chu-exemple.mssante.fr>' });
    const declined = packXdm(
      input({ policy: { nil: 'X', sourceId: '1.2.3', readReceipt: true }, readReceipt: false, readReceiptTo: 'jeanne.martin@chu-exemple.mssante.fr' }),
    );
    expect(declined.headers.map((h) => h.name)).not.toContain('Disposition-Notification-To');
    const toPatient = packXdm(input({ recipients: [`${TEST_INS}@patient.mssante.fr`] }));
    expect(toPatient.headers).toContainEqual({ name: 'X-MSS-MES', value: 'FIN' });
    expect(() => packXdm(input({ readReceiptTo: 'a@b.fr\r\nBcc: x@y.fr' }))).toThrow(/read-receipt/);
  });

  it('refuses what ebRIM cannot hold, naming the field: a title over 1,024 characters, a value over 256', () => {
    const err = (() => {
      try {
        packXdm(input({ title: 'É'.repeat(1025) }));
      } catch (e) {
        return e as XdmError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(XdmError);
    expect(err).toMatchObject({ code: 'too-long' });
    expect(err!.text.fr).toMatch(/title trop long \(1025 caractères, 1024 au plus/);
    expect(() => packXdm(input({ recipients: [`${'a'.repeat(240)}@medecin.mssante.fr`] }))).toThrow(/intendedRecipient too long/);
  });

  it('refuses a message over 25 MB towards Mon espace santé and warns above the operator limit', () => {
    const big = new Uint8Array(20 * 1024 * 1024);
    big.set(PDF.subarray(0, 8));
    const bigDoc = {
      bytes: big,
      mimeType: 'application/pdf',
      title: 'Gros',
      typeCode: { code: '11490-0', codingScheme: '2.16.840.1.113883.6.1', display: 'L' },
    };
    const patient = { ins: { matricule: TEST_INS, qualified: true }, family: 'Dupont', given: 'Marie', birthDate: '1979-03-05', sex: 'F' as const };
    expect(packXdm(input({ patient, documents: [bigDoc], recipients: [`${TEST_INS}@patient.mssante.fr`] })).size.level).toBe('refuse');
    expect(packXdm(input({ patient, documents: [bigDoc], policy: { nil: 'X', operatorLimitBytes: 25 * 1024 * 1024 } })).size.level).toBe('warn');
    expect(packXdm(input({ patient, documents: [bigDoc], policy: { nil: 'X', operatorLimitBytes: 30 * 1024 * 1024 } })).size.level).toBe('ok');
  });

  it('refuses empty input with a clear error', () => {
    expect(() => packXdm(input({ documents: [] }))).toThrow(expect.objectContaining({ code: 'no-document' }));
    expect(() => packXdm(input({ documents: [{ bytes: new Uint8Array(), mimeType: 'application/pdf', title: 'vide' }] }))).toThrow(
      expect.objectContaining({ code: 'empty-document' }),
    );
    expect(() =>
      packXdm(
        input({
          patient: { family: 'A', given: 'B', birthDate: '1988-02-30', ins: { matricule: TEST_INS } },
          documents: [{ bytes: PDF, mimeType: 'application/pdf', title: 'x' }],
        }),
      ),
    ).toThrow(expect.objectContaining({ code: 'birth-date' }));
  });
});
