// Checks 5a and 5b: one patient per message, and the attached document about that patient.
import { zipSync, strToU8 } from 'fflate';
import { checkDraft } from './check-draft';
import { attachmentPatients } from './attachment-patients';
import { aDomainSet, aDraft, aPolicy } from '../testing/builders';
import { insKey } from '../recipient-policy/ins';
import { packXdm } from '../documents/xdm';
import type { Draft } from '../model';

const whitelist = aDomainSet();
const run = (draft: Partial<Draft>, policy = aPolicy()) => checkDraft(aDraft(draft), { whitelist, policy });

// The ANS test INS of its CI-SIS examples, and a second valid one made with the key rule.
const INS_A = '279035121518989';
const INS_B = `1850575123456${insKey('1850575123456')}`;

/**
 * A CDA R2 level-1 header written after the structure of the ANS CI-SIS example "DOC_NON_STRUCTURE_CDA-R2-N1.xml"
 * (github.com/ansforge/TestContenuCDA-3-0, ExemplesCDA/): recordTarget/patientRole with the INS first (test INS-NIR
 * OID 1.2.250.1.213.1.4.10), the local IPP second, then the patient's address and names; an encapsulated PDF body.
 */
function cda(ins: string, oid = '1.2.250.1.213.1.4.10'): Uint8Array {
  return strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?xml-stylesheet type="text/xsl" href="../FeuilleDeStyle/CDA-FO.xsl"?>
<ClinicalDocument xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:hl7-org:v3">
  <realmCode code="FR"/>
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <templateId root="2.16.840.1.113883.2.8.2.1"/>
  <templateId root="1.2.250.1.213.1.1.1.1"/>
  <id root="1.2.250.1.999.1.7" extension="CR-42"/>
  <code code="11502-2" displayName="CR d'examens biologiques" codeSystem="2.16.840.1.113883.6.1" codeSystemName="LOINC"/>
  <title>Compte rendu</title>
  <effectiveTime value="20260301101500+0100"/>
  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>
  <recordTarget>
    <patientRole>
      <!-- INS -->
      <id extension="${ins}" root="${oid}"/>
      <id extension="000777" root="1.2.250.1.999.4.2"/>
      <addr><postalCode>69003</postalCode><city>LYON</city></addr>
      <patient classCode="PSN">
        <name><family qualifier="BR">ESSAI</family><given>CAMILLE</given></name>
        <administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/>
        <birthTime value="19790328"/>
      </patient>
    </patientRole>
  </recordTarget>
  <component><nonXMLBody><text mediaType="application/pdf" representation="B64">JVBERi0xLjQK</text></nonXMLBody></component>
</ClinicalDocument>`);
}

function xdm(ins: string): Uint8Array {
  return packXdm({
    patient: { ins: { matricule: ins, qualified: true }, family: 'Essai', given: 'Camille', birthDate: '1979-03-28' },
    documents: [{ bytes: strToU8('%PDF-1.4\n'), mimeType: 'application/pdf', title: 'Compte rendu' }],
    title: 'Compte rendu',
    author: { family: 'Martin', given: 'Jeanne', mail: 'dr.martin@chu-exemple.mssante.fr' },
    sender: { organisation: 'CHU Exemple', contact: [], application: { name: 'Vigie MSSanté', version: '0.1.0', vendor: 'Vigie' } },
    now: new Date('2026-03-01T10:00:00Z'),
  }).zip;
}

describe('attachmentPatients', () => {
  it('reads the INS of a CDA document (test OID and NIR OID) and not the IPP', () => {
    expect(attachmentPatients(cda(INS_A))).toEqual([INS_A]);
    expect(attachmentPatients(cda(INS_B, '1.2.250.1.213.1.4.8'))).toEqual([INS_B]);
  });

  it('reads the patient of an IHE_XDM.ZIP from its METADATA.XML, and every CDA document inside a zip', () => {
    expect(attachmentPatients(xdm(INS_B))).toEqual([INS_B]);
    const two = zipSync({ 'IHE_XDM/SUBSET01/DOC0001.XML': cda(INS_A), 'IHE_XDM/SUBSET01/DOC0002.XML': cda(INS_B) });
    expect(attachmentPatients(two).sort()).toEqual([INS_A, INS_B].sort());
  });

  it('names no one for other files, a broken zip, or an INS with a wrong key', () => {
    expect(attachmentPatients(strToU8('%PDF-1.4 ...'))).toEqual([]);
    expect(attachmentPatients(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual([]);
    expect(attachmentPatients(cda(`${INS_A.slice(0, 13)}00`))).toEqual([]);
  });
});

describe('one patient per message (5b)', () => {
  it('blocks two patient addresses in one message, even in warn mode, naming them', () => {
    for (const mode of ['block', 'warn'] as const) {
      const v = run({ to: [`${INS_A}@patient.mssante.fr`], cc: [`${INS_B}@patient.mssante.fr`] }, aPolicy({ mode }));
      expect(v.verdict).toBe('block');
      expect(v.reasons).toContain('verdict.block.several-patients');
      expect(v.message.fr).toContain(`${INS_B.toLowerCase()}@patient.mssante.fr`);
      expect(v.message.fr).toContain('un message par patient');
    }
  });

  it('allows the same patient written twice', () => {
    expect(run({ to: [`${INS_A}@patient.mssante.fr`], cc: [`${INS_A.toLowerCase()}@patient.mssante.fr`] }).verdict).toBe('allow');
  });
});

describe('the attached document is about the addressed patient (5a)', () => {
  it('blocks a patient address while the attached CDA names another INS', () => {
    const v = run({ to: [`${INS_A}@patient.mssante.fr`], attachments: [{ name: 'CR-bio.xml', patientIns: attachmentPatients(cda(INS_B)) }] });
    expect(v.verdict).toBe('block');
    expect(v.reasons).toEqual(['verdict.block.other-patient']);
    expect(v.message.fr).toContain('ce document concerne un autre patient');
    expect(v.message.fr).toContain('CR-bio.xml');
  });

  it('blocks on an IHE_XDM.ZIP packed for another patient', () => {
    const v = run({ to: [`${INS_A}@patient.mssante.fr`], attachments: [{ name: 'IHE_XDM.ZIP', patientIns: attachmentPatients(xdm(INS_B)) }] });
    expect(v.reasons).toEqual(['verdict.block.other-patient']);
  });

  it('allows the document of the addressed patient, and documents sent to professionals only', () => {
    expect(run({ to: [`${INS_A}@patient.mssante.fr`], attachments: [{ name: 'IHE_XDM.ZIP', patientIns: attachmentPatients(xdm(INS_A)) }] }).verdict).toBe(
      'allow',
    );
    expect(run({ to: ['a@medecin.mssante.fr'], attachments: [{ name: 'IHE_XDM.ZIP', patientIns: [INS_B] }] }).verdict).toBe('allow');
  });
});

describe('distribution lists from an MSSanté mailbox (5d)', () => {
  it('block by default, a warning when the policy lowers it', () => {
    const draft = { to: ['a@medecin.mssante.fr'], distributionLists: ['Service cardiologie'] };
    expect(run(draft).verdict).toBe('block');
    expect(run(draft, aPolicy({ distributionLists: 'warn' })).verdict).toBe('warn');
  });
});
