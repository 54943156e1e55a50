// METADATA.XML validated against the OASIS ebXML RegRep 3.0 schemas (lcm.xsd, rs.xsd, rim.xsd; sources in
// test/fixtures/ebrim-3.0/SOURCES.md) with libxml2 (xmllint-wasm), for each kind of content Vigie sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { packXdm, type XdmPackInput } from '../shared/documents';

const SCHEMAS = join(__dirname, 'fixtures', 'ebrim-3.0');
const FIXTURES = join(__dirname, 'fixtures', 'xdm');
const schema = (name: string) => ({ fileName: name, contents: readFileSync(join(SCHEMAS, name), 'utf8') });
const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

async function validate(xml: string) {
  return validateXML({
    xml: [{ fileName: 'METADATA.XML', contents: xml }],
    schema: [schema('ebRS/lcm.xsd')],
    preload: [schema('ebRS/rim.xsd'), schema('ebRS/rs.xsd'), schema('w3/xml.xsd')],
  });
}

const base: Omit<XdmPackInput, 'documents'> = {
  author: { idNat: '810001234567', family: 'MARTIN', given: 'Jeanne', institution: { name: 'CHU Exemple', idNat: '1750000000' } },
  sender: { organisation: 'CHU Exemple', application: { name: 'Vigie MSSanté', version: '0.1.0', vendor: 'Vigie' } },
  recipients: ['dr.durand@medecin.mssante.fr', '279035121518989@patient.mssante.fr'],
  masking: { hiddenFromProfessionals: true },
  policy: { nil: 'DEV935997', sourceId: '1.2.250.1.999.42' },
};

describe('METADATA.XML against the ebRIM 3.0 schema', () => {
  it.each([
    ['a level-1 CDA with its PDF', [{ bytes: read('cda-n1-imagerie.xml'), mimeType: 'text/xml', title: '' }]],
    [
      'a level-3 CDA and its PDF rendering',
      [
        { bytes: read('cda-n3-biologie.xml'), mimeType: 'text/xml', title: '' },
        { bytes: read('cr-imagerie-test.pdf'), mimeType: 'application/pdf', title: 'rendu' },
      ],
    ],
    [
      'both CDAs in one message',
      [
        { bytes: read('cda-n1-imagerie.xml'), mimeType: 'text/xml', title: '' },
        { bytes: read('cda-n3-biologie.xml'), mimeType: 'text/xml', title: '' },
      ],
    ],
  ])('is valid for %s', async (_label, documents) => {
    const r = packXdm({ ...base, documents });
    const result = await validate(r.metadataXml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is valid for a bare PDF wrapped in a CDA level 1', async () => {
    const r = packXdm({
      ...base,
      recipients: ['dr.durand@medecin.mssante.fr'],
      patient: {
        ins: { matricule: '279035121518989', oid: '1.2.250.1.213.1.4.10', qualified: true },
        family: 'PAT-TROIS',
        given: 'Dominique',
        birthDate: '1979-03-28',
        sex: 'F',
      },
      documents: [{ bytes: read('cr-imagerie-test.pdf'), mimeType: 'application/pdf', title: 'Compte rendu' }],
    });
    expect((await validate(r.metadataXml)).valid).toBe(true);
  });

  it('really checks: a title past the schema limit, written by hand, is refused by the schema as Vigie refuses it', async () => {
    const r = packXdm({ ...base, documents: [{ bytes: read('cda-n1-imagerie.xml'), mimeType: 'text/xml', title: '' }] });
    const tampered = r.metadataXml.replace('value="Echographie abdominale"', `value="${'x'.repeat(1025)}"`);
    const result = await validate(tampered);
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.message).toMatch(/maxLength/);
    expect(() => packXdm({ ...base, title: 'x'.repeat(1025), documents: [{ bytes: read('cda-n1-imagerie.xml'), mimeType: 'text/xml', title: '' }] })).toThrow(
      /too long/,
    );
  });
});
