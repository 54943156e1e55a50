import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser, type Element } from '@xmldom/xmldom';
import {
  packXdm,
  PatientError,
  XdmError,
  XDS,
  NS,
  OID,
  type XdmPackInput,
} from './index';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'xdm');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const INS = '288109912345684';
const OTHER_INS = '179039955544428';
const PDF = new TextEncoder().encode('%PDF-1.4\n% Compte rendu — échographie\n%%EOF\n');
const CDA = new Uint8Array(readFileSync(join(FIXTURES, 'cda-n1.xml')));

function input(over: Partial<XdmPackInput> = {}): XdmPackInput {
  let n = 0;
  return {
    patient: { ins: { matricule: INS, qualified: true }, ipp: { value: 'IPP-000123', oid: '1.2.250.1.71.4.2.2.1' }, family: 'Corse', given: 'Figatellix', birthDate: '1988-10-12', sex: 'F', caseNumber: 'S2026/42' },
    documents: [
      { bytes: CDA, mimeType: 'text/xml', title: 'Echographie abdominopelvienne (CDA)' },
      { bytes: PDF, mimeType: 'application/pdf', title: 'Echographie abdominopelvienne', typeCode: { code: '18748-4', codingScheme: OID.loinc, display: 'CR d’imagerie médicale' }, typeLabel: 'CR-IMAGERIE', creationTime: new Date('2026-11-27T08:30:00Z') },
    ],
    title: 'ECHOGRAPHIE ABDOMINOPELVIENNE',
    author: { idNat: '810001234567', family: 'Martin', given: 'Jeanne', institution: { name: 'CHU Exemple', idNat: '1750000000' }, mail: 'dr.martin@chu-exemple.mssante.fr' },
    sender: { organisation: 'CHU Exemple — Imagerie', contact: ['1 rue de la Santé, 75000 Paris', 'imagerie@chu-exemple.mssante.fr'], application: { name: 'Vigie MSSanté', version: '0.1.0', vendor: 'Vigie' } },
    recipients: ['dr.durand@medecin.mssante.fr'],
    sourceId: '1.2.250.1.999.2',
    policy: { nil: 'DEV935997' },
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

const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');

describe('packXdm: the archive', () => {
  const r = packXdm(input());
  const files = unzipSync(r.zip);

  it('matches the golden METADATA.XML, INDEX.HTM and README.TXT', () => {
    golden('METADATA.XML', r.metadataXml);
    golden('INDEX.HTM', r.indexHtml);
    golden('README.TXT', r.readme);
    expect(strFromU8(files['IHE_XDM/SUBSET01/METADATA.XML']!)).toBe(r.metadataXml);
    expect(strFromU8(files['INDEX.HTM']!)).toBe(r.indexHtml);
    expect(strFromU8(files['README.TXT']!)).toBe(r.readme);
  });

  it('lays the zip out as IHE ITI-32 says, with 8.3 upper-case names', () => {
    expect(Object.keys(files)).toEqual(['README.TXT', 'INDEX.HTM', 'IHE_XDM/SUBSET01/METADATA.XML', 'IHE_XDM/SUBSET01/DOC0001.XML', 'IHE_XDM/SUBSET01/DOC0002.PDF']);
    for (const path of Object.keys(files)) {
      const base = path.split('/').pop()!;
      expect(base).toMatch(/^[A-Z0-9_]{1,8}\.[A-Z0-9]{1,3}$/);
    }
    expect(files['IHE_XDM/SUBSET01/DOC0001.XML']).toEqual(CDA);
    expect(files['IHE_XDM/SUBSET01/DOC0002.PDF']).toEqual(PDF);
  });

  it('is reproducible for the same input and clock', () => {
    expect(packXdm(input()).zip).toEqual(r.zip);
  });

  it('records SHA-1 hex and the size of every document, equal to the bytes in the zip', () => {
    const doc = new DOMParser().parseFromString(r.metadataXml, 'text/xml');
    const objects = Array.from(doc.getElementsByTagNameNS(NS.rim, 'ExtrinsicObject'));
    expect(objects).toHaveLength(2);
    for (const o of objects) {
      const slots = slotMap(o);
      const bytes = files[`IHE_XDM/SUBSET01/${slots.URI![0]}`]!;
      expect(slots.hash).toEqual([sha1(bytes)]);
      expect(slots.size).toEqual([String(bytes.length)]);
    }
    expect(r.entries.map((e) => e.hashHex)).toEqual([sha1(CDA), sha1(PDF)]);
  });

  it('has every required slot, classification and external identifier', () => {
    const doc = new DOMParser().parseFromString(r.metadataXml, 'text/xml');
    const root = doc.documentElement!;
    expect(root.namespaceURI).toBe(NS.lcm);
    expect(root.localName).toBe('SubmitObjectsRequest');
    const objects = Array.from(doc.getElementsByTagNameNS(NS.rim, 'ExtrinsicObject'));
    const ids = new Set<string>();
    for (const o of objects) {
      expect(o.getAttribute('objectType')).toBe(XDS.documentEntryType);
      expect(o.getAttribute('status')).toBe(XDS.approved);
      const slots = slotMap(o);
      for (const s of ['creationTime', 'hash', 'languageCode', 'size', 'sourcePatientId', 'sourcePatientInfo', 'URI']) expect(slots[s]?.length).toBeGreaterThan(0);
      expect(slots.sourcePatientInfo).toEqual(['PID-5|CORSE^Figatellix^^^^^L', 'PID-7|19881012', 'PID-8|F']);
      const schemes = classifications(o);
      for (const s of Object.values(XDS.doc).filter((v) => v !== XDS.doc.patientId && v !== XDS.doc.uniqueId && v !== XDS.doc.eventCodeList)) {
        expect(schemes.map((c) => c.scheme)).toContain(s);
      }
      for (const c of schemes.filter((c) => c.scheme !== XDS.doc.author)) {
        expect(c.code).not.toBe('');
        expect(c.codingScheme).toMatch(/^[0-9.]+$/);
        expect(c.display).not.toBe('');
      }
      const ext = externalIds(o);
      expect(ext[XDS.doc.patientId]).toBe(`${INS}^^^&1.2.250.1.213.1.4.8&ISO^NH`);
      expect(ext[XDS.doc.uniqueId]).toMatch(/^2\.25\.\d+$/);
      ids.add(o.getAttribute('id')!);
    }
    // typeCode of the CDA comes from ClinicalDocument/code; classCode follows (31 Imagerie médicale).
    const cda = classifications(objects[0]!);
    expect(cda.find((c) => c.scheme === XDS.doc.typeCode)).toMatchObject({ code: '18748-4', codingScheme: OID.loinc });
    expect(cda.find((c) => c.scheme === XDS.doc.classCode)).toMatchObject({ code: '31', codingScheme: OID.classeDocument });
    const author = Array.from(objects[0]!.getElementsByTagNameNS(NS.rim, 'Classification')).find((c) => c.getAttribute('classificationScheme') === XDS.doc.author)!;
    expect(slotMap(author).authorPerson).toEqual(['810001234567^Martin^Jeanne^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS']);

    const sets = Array.from(doc.getElementsByTagNameNS(NS.rim, 'RegistryPackage'));
    expect(sets).toHaveLength(1);
    const set = sets[0]!;
    const setSlots = slotMap(set);
    expect(setSlots.submissionTime).toEqual(['20261128100000']);
    expect(setSlots.intendedRecipient).toEqual(['||^^Internet^dr.durand@medecin.mssante.fr']);
    const setExt = externalIds(set);
    expect(setExt[XDS.set.patientId]).toBe(`${INS}^^^&1.2.250.1.213.1.4.8&ISO^NH`);
    expect(setExt[XDS.set.sourceId]).toBe('1.2.250.1.999.2');
    expect(setExt[XDS.set.uniqueId]).toMatch(/^2\.25\.\d+$/);
    expect(classifications(set).map((c) => c.scheme)).toEqual(expect.arrayContaining([XDS.set.author, XDS.set.contentTypeCode]));
    const node = Array.from(doc.getElementsByTagNameNS(NS.rim, 'Classification')).find((c) => c.getAttribute('classificationNode') === XDS.submissionSetNode);
    expect(node?.getAttribute('classifiedObject')).toBe(set.getAttribute('id'));
    const assoc = Array.from(doc.getElementsByTagNameNS(NS.rim, 'Association'));
    expect(assoc.map((a) => a.getAttribute('targetObject'))).toEqual([...ids]);
    for (const a of assoc) {
      expect(a.getAttribute('associationType')).toBe(XDS.hasMember);
      expect(a.getAttribute('sourceObject')).toBe(set.getAttribute('id'));
      expect(slotMap(a).SubmissionSetStatus).toEqual(['Original']);
    }
    // Every id is unique.
    const all = Array.from(doc.getElementsByTagName('*')).map((e) => e.getAttribute('id')).filter(Boolean);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('packXdm: the message around the archive', () => {
  it('gives the subject, the PDF copy and the X-MSS headers', () => {
    const r = packXdm(input());
    expect(r.subject).toBe('XDM/1.0/DDM+ECHOGRAPHIE ABDOMINOPELVIENNE CORSE Figatellix 12/10/1988');
    expect(r.attachments.map((a) => a.name)).toEqual(['IHE_XDM.ZIP', '20261127_CR-IMAGERIE_CORSE_Figatellix_S2026-42.pdf']);
    expect(r.attachments[1]!.bytes).toEqual(PDF);
    expect(r.headers).toEqual([
      { name: 'X-MSS-CODECDA', value: '18748-4' },
      { name: 'X-MSS-INS', value: 'O' },
      { name: 'X-MSS-NIL', value: 'DEV935997' },
    ]);
  });

  it('says N when the INS is not qualified, and then identifies the patient by the IPP', () => {
    const base = input();
    const r = packXdm({ ...base, patient: { ...base.patient, ins: { matricule: INS, qualified: false } } });
    expect(r.headers).toContainEqual({ name: 'X-MSS-INS', value: 'N' });
    expect(r.metadataXml).toContain('IPP-000123^^^&amp;1.2.250.1.71.4.2.2.1&amp;ISO^PI');
    expect(r.metadataXml).not.toContain('&amp;1.2.250.1.213.1.4.8&amp;ISO^NH');
  });

  it('has no CDA headers for a PDF alone, closes the conversation with a patient, asks a read receipt', () => {
    const base = input();
    const r = packXdm({ ...base, documents: [base.documents[1]!], recipients: [`${INS}@patient.mssante.fr`], readReceiptTo: 'dr.martin@chu-exemple.mssante.fr' });
    expect(r.headers).toEqual([
      { name: 'X-MSS-NIL', value: 'DEV935997' },
      { name: 'X-MSS-MES', value: 'FIN' },
      { name: 'Disposition-Notification-To', value: '<dr.martin@chu-exemple.mssante.fr>' },
    ]);
    const open = packXdm({ ...base, recipients: [`${INS}@patient.mssante.fr`], allowPatientReply: true });
    expect(open.headers.map((h) => h.name)).not.toContain('X-MSS-MES');
  });

  it('leaves X-MSS-NIL out with a notice when the policy has no product reference', () => {
    const r = packXdm(input({ policy: {} }));
    expect(r.headers.map((h) => h.name)).not.toContain('X-MSS-NIL');
    expect(r.notices[0]!.fr).toMatch(/X-MSS-NIL/);
  });

  it('keeps hostile text inside its value: no header injection, no broken XML, no shifted HL7 fields', () => {
    const base = input();
    const r = packXdm({
      ...base,
      title: 'CR\r\nBcc: evil@gmail.com',
      patient: { ...base.patient, family: 'O’Brien^&|~\\', given: 'Anne\nMarie' },
      author: { ...base.author, family: 'Dupont^Evil' },
    });
    expect(r.subject).toBe('XDM/1.0/DDM+CR Bcc: evil@gmail.com O’BRIEN^&|~\\ Anne Marie 12/10/1988');
    expect(r.subject).not.toMatch(/[\r\n]/);
    const doc = new DOMParser().parseFromString(r.metadataXml, 'text/xml');
    const o = doc.getElementsByTagNameNS(NS.rim, 'ExtrinsicObject')[0]!;
    expect(slotMap(o).sourcePatientInfo![0]).toBe('PID-5|O’BRIEN\\S\\\\T\\\\F\\\\R\\\\E\\^Anne Marie^^^^^L');
    expect(r.metadataXml).toContain('810001234567^Dupont\\S\\Evil^Jeanne');
  });

  it('refuses to mix patients: DI metadata or a CDA recordTarget naming someone else', () => {
    const base = input();
    expect(() => packXdm({ ...base, documents: [{ ...base.documents[1]!, patient: { ins: { matricule: OTHER_INS, qualified: true } } }] })).toThrow(PatientError);
    expect(() => packXdm({ ...base, patient: { ...base.patient, ins: { matricule: OTHER_INS, qualified: true } } })).toThrow(expect.objectContaining({ code: 'mixed-patients' }));
    // The same patient stated by the DI is fine.
    expect(() => packXdm({ ...base, documents: [{ ...base.documents[1]!, patient: { ins: { matricule: INS, qualified: true } } }] })).not.toThrow();
  });

  it('refuses bad input with a clear error', () => {
    const base = input();
    expect(() => packXdm({ ...base, documents: [] })).toThrow(XdmError);
    expect(() => packXdm({ ...base, documents: [{ ...base.documents[1]!, bytes: new Uint8Array() }] })).toThrow(expect.objectContaining({ code: 'empty-document' }));
    expect(() => packXdm({ ...base, title: ' ' })).toThrow(expect.objectContaining({ code: 'title-missing' }));
    expect(() => packXdm({ ...base, patient: { ...base.patient, ins: { matricule: '288109912345685', qualified: true } } })).toThrow(expect.objectContaining({ code: 'ins-invalid' }));
    expect(() => packXdm({ ...base, patient: { ...base.patient, birthDate: '1988-02-30' } })).toThrow(expect.objectContaining({ code: 'birth-date' }));
    expect(() => packXdm({ ...base, readReceiptTo: 'a@b.fr\r\nBcc: x@y.fr' })).toThrow(/read-receipt/);
  });

  it('refuses a message over 25 MB towards Mon espace santé and warns above the operator limit', () => {
    const base = input();
    const big = new Uint8Array(20 * 1024 * 1024);
    const toPatient = packXdm({ ...base, documents: [{ ...base.documents[1]!, bytes: big }], recipients: [`${INS}@patient.mssante.fr`] });
    // 20 MB twice (archive + PDF copy), in base64: over 25 MB.
    expect(toPatient.size.level).toBe('refuse');
    expect(toPatient.size.message.fr).toMatch(/Mon espace santé.*25 Mo/);
    const toPro = packXdm({ ...base, documents: [{ ...base.documents[1]!, bytes: big }], policy: { nil: 'X', operatorLimitBytes: 30 * 1024 * 1024 } });
    expect(toPro.size.level).toBe('warn');
    const small = packXdm({ ...base, policy: { nil: 'X', operatorLimitBytes: 30 * 1024 * 1024 }, recipients: [`${INS}@patient.mssante.fr`] });
    expect(small.size.level).toBe('ok');
  });
});

function slotMap(el: Element): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of Array.from(el.childNodes).filter((n): n is Element => (n as Element).localName === 'Slot')) {
    out[s.getAttribute('name')!] = Array.from(s.getElementsByTagNameNS(NS.rim, 'Value')).map((v) => v.textContent ?? '');
  }
  return out;
}

function classifications(el: Element) {
  return Array.from(el.childNodes)
    .filter((n): n is Element => (n as Element).localName === 'Classification')
    .map((c) => ({
      scheme: c.getAttribute('classificationScheme'),
      code: c.getAttribute('nodeRepresentation'),
      codingScheme: slotMap(c).codingScheme?.[0],
      display: c.getElementsByTagNameNS(NS.rim, 'LocalizedString')[0]?.getAttribute('value'),
    }));
}

function externalIds(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of Array.from(el.childNodes).filter((n): n is Element => (n as Element).localName === 'ExternalIdentifier')) out[e.getAttribute('identificationScheme')!] = e.getAttribute('value')!;
  return out;
}
