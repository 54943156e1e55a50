// The MHD client against a real FHIR server (medplum's router and in-memory repository over HTTP).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DocumentReference, Patient } from '@medplum/fhirtypes';
import { MhdClient, toXdmDocument } from '../shared/documents/mhd';
import { DocumentSourceError, type DocumentSummary } from '../shared/ports/document-source';
import { packXdm, PatientError } from '../shared/documents';
import { startMhdServer, type MhdServer } from './support/mhd-server';

const INS_A = '288109912345684';
const INS_B = '179039955544428';
const LOINC = 'http://loinc.org';
const sha1b64 = (b: Uint8Array) => createHash('sha1').update(b).digest('base64');
const pdf = (text: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`));

let server: MhdServer;
const docs: Record<string, { ref: DocumentReference; bytes: Uint8Array }> = {};

async function seedPatient(identifier: Patient['identifier']): Promise<Patient> {
  return server.repo.createResource<Patient>({
    resourceType: 'Patient',
    identifier,
    name: [{ family: 'CORSE', given: ['Figatellix'] }],
    birthDate: '1988-10-12',
  });
}

async function seedDocument(
  name: string,
  patient: Patient,
  bytes: Uint8Array,
  over: Partial<DocumentReference> = {},
  attachment: Record<string, unknown> = {},
) {
  const binary = await server.repo.createResource({ resourceType: 'Binary', contentType: 'application/pdf', data: Buffer.from(bytes).toString('base64') });
  const ref = await server.repo.createResource<DocumentReference>({
    resourceType: 'DocumentReference',
    status: 'current',
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:oid:1.2.250.1.999.1.${Object.keys(docs).length + 1}` },
    type: { coding: [{ system: LOINC, code: '11490-0', display: 'Lettre de liaison' }] },
    category: [
      { coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument', code: '10', display: 'Compte rendu' }] },
    ],
    subject: { reference: `Patient/${patient.id}` },
    date: '2026-03-01T10:00:00Z',
    content: [
      { attachment: { contentType: 'application/pdf', url: `Binary/${binary.id}`, size: bytes.length, hash: sha1b64(bytes), title: name, ...attachment } },
    ],
    ...over,
  });
  docs[name] = { ref, bytes };
  return ref;
}

const client = (token: string | null = 'good', extra: Partial<ConstructorParameters<typeof MhdClient>[0]> = {}) =>
  new MhdClient({ baseUrl: `${server.baseUrl}/fhir`, fetch: (u, i) => fetch(u, i), token: async () => token ?? undefined, ...extra });

beforeAll(async () => {
  server = await startMhdServer({ valid: ['good'], forbidden: ['restricted'] });
  const a = await seedPatient([
    { system: 'urn:oid:1.2.250.1.213.1.4.8', value: INS_A },
    { system: 'urn:oid:1.2.250.1.71.4.2.2.1', value: 'IPP-A' },
  ]);
  const b = await seedPatient([{ system: 'urn:oid:1.2.250.1.213.1.4.8', value: INS_B }]);
  const c = await seedPatient([{ system: 'urn:oid:1.2.250.1.71.4.2.2.1', value: 'IPP-C' }]);
  await seedDocument('lettre-a1', a, pdf('lettre 1'));
  await seedDocument('lettre-a2', a, pdf('lettre 2'), { date: '2025-06-01T10:00:00Z' });
  await seedDocument('imagerie-a', a, pdf('imagerie'), {
    type: { coding: [{ system: LOINC, code: '18748-4', display: 'CR imagerie' }] },
    securityLabel: [
      {
        coding: [
          { system: 'https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument', code: 'INVISIBLE_PATIENT' },
        ],
      },
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N' }] },
    ],
    context: { period: { start: '2026-02-27T08:00:00Z' } },
  });
  await seedDocument('ancien-a', a, pdf('ancien'), { status: 'superseded' });
  await seedDocument('tampered-a', a, pdf('original'), {}, { hash: sha1b64(pdf('something else')) });
  await seedDocument('wrong-size-a', a, pdf('size'), {}, { size: 3 });
  await seedDocument('lettre-b', b, pdf('autre patient'));
  await seedDocument('lettre-c', c, pdf('sans INS'));
  const big = new Uint8Array(30 * 1024 * 1024);
  for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) & 0xff;
  await seedDocument('gros-a', a, big, { date: '2024-01-01T00:00:00Z' });
}, 60_000);

afterAll(() => server.close());

const titles = (s: DocumentSummary[]) => s.map((d) => d.title).sort();

describe('ITI-67 Find Document References', () => {
  it('finds the current documents of a patient by INS, and only theirs', async () => {
    const found = await client().findDocuments({ patient: { ins: INS_A } });
    expect(titles(found)).toEqual(['gros-a', 'imagerie-a', 'lettre-a1', 'lettre-a2', 'tampered-a', 'wrong-size-a']);
    const last = server.requests.at(-1)!;
    expect(last.url).toContain(`patient.identifier=${encodeURIComponent(`urn:oid:1.2.250.1.213.1.4.8|${INS_A}`)}`);
    expect(last.url).toContain('status=current');
    expect(last.authorization).toBe('Bearer good');
    const lettre = found.find((d) => d.title === 'lettre-a1')!;
    expect(lettre).toMatchObject({
      contentType: 'application/pdf',
      type: { code: '11490-0', codingScheme: '2.16.840.1.113883.6.1' },
      classCode: { code: '10' },
      uniqueId: expect.stringMatching(/^1\.2\.250\.1\.999\.1\.\d+$/),
    });
  });

  it('follows paging links', async () => {
    const before = server.requests.length;
    const found = await client().findDocuments({ patient: { ins: INS_A }, pageSize: 2 });
    expect(found).toHaveLength(6);
    expect(server.requests.length - before).toBe(3);
    const capped = await client().findDocuments({ patient: { ins: INS_A }, pageSize: 2, maxResults: 3 });
    expect(capped).toHaveLength(3);
  });

  it('filters by type and date', async () => {
    expect(titles(await client().findDocuments({ patient: { ins: INS_A }, type: { system: LOINC, code: '18748-4' } }))).toEqual(['imagerie-a']);
    const recent = await client().findDocuments({ patient: { ins: INS_A }, type: { system: LOINC, code: '11490-0' }, dateFrom: '2026-01-01' });
    expect(titles(recent)).toEqual(['lettre-a1', 'tampered-a', 'wrong-size-a']);
    expect(titles(await client().findDocuments({ patient: { ins: INS_A }, dateTo: '2025-01-01' }))).toEqual(['gros-a']);
  });

  it('finds by the local id (IPP) when the DI has no INS, and nothing for an unknown patient', async () => {
    expect(titles(await client().findDocuments({ patient: { system: 'urn:oid:1.2.250.1.71.4.2.2.1', localId: 'IPP-C' } }))).toEqual(['lettre-c']);
    expect(await client().findDocuments({ patient: { ins: '299127500011189' } })).toEqual([]);
  });
});

describe('ITI-68 Retrieve Document', () => {
  it('fetches the bytes, checks size and SHA-1, and packs them for MSSanté', async () => {
    const [s] = await client().findDocuments({ patient: { ins: INS_A }, type: { system: LOINC, code: '18748-4' } });
    const got = await client().fetchDocument(s!);
    expect(got.bytes).toEqual(docs['imagerie-a']!.bytes);
    expect(got.sha1Hex).toBe(createHash('sha1').update(got.bytes).digest('hex'));
    const packed = packXdm({
      patient: { ins: { matricule: INS_A, qualified: true }, family: 'Corse', given: 'Figatellix', birthDate: '1988-10-12' },
      documents: [toXdmDocument(got)],
      title: 'CR imagerie',
      author: {},
      sender: { organisation: 'CHU', application: { name: 'Vigie', version: 'test', vendor: 'Vigie' } },
    });
    // The DI's PDF is wrapped in a CDA level 1 that keeps its uniqueId and type; the PDF itself travels beside, unchanged.
    expect(packed.entries[0]).toMatchObject({ uniqueId: s!.uniqueId, typeCode: '18748-4', wrapped: true });
    expect(packed.attachments[1]!.bytes).toEqual(got.bytes);
    // The creation time is the document's date; the class follows the type (18748-4 → 31 Imagerie médicale).
    expect(packed.metadataXml).toMatch(
      /nodeRepresentation="31"[^>]*>\s*<rim:Slot name="codingScheme">\s*<rim:ValueList>\s*<rim:Value>1\.2\.250\.1\.213\.1\.1\.4\.1</,
    );
    expect(packed.metadataXml).toContain('<rim:Value>20260301100000</rim:Value>');
    // The DI's visibility flag and act date travel: INVISIBLE_PATIENT in confidentialityCode, serviceStartTime.
    expect(s!.securityLabels).toEqual(['INVISIBLE_PATIENT']);
    expect(packed.metadataXml).toContain('nodeRepresentation="INVISIBLE_PATIENT"');
    expect(packed.metadataXml).toMatch(/"serviceStartTime">\s*<rim:ValueList>\s*<rim:Value>20260227080000</);
  });

  it('will not pack a document of another patient into this patient’s message', async () => {
    const [other] = await client().findDocuments({ patient: { ins: INS_B } });
    const got = await client().fetchDocument(other!);
    expect(() =>
      packXdm({
        patient: { ins: { matricule: INS_A, qualified: true }, family: 'Corse', given: 'Figatellix', birthDate: '1988-10-12' },
        documents: [{ bytes: got.bytes, mimeType: 'application/pdf', title: 'x', patient: got.summary.patient }],
        title: 'x',
        author: {},
        sender: { organisation: 'CHU', application: { name: 'Vigie', version: 'test', vendor: 'Vigie' } },
      }),
    ).toThrow(PatientError);
  });

  it('refuses a document whose bytes do not match the stated hash or size', async () => {
    const all = await client().findDocuments({ patient: { ins: INS_A } });
    await expect(client().fetchDocument(all.find((d) => d.title === 'tampered-a')!)).rejects.toMatchObject({ code: 'hash-mismatch' });
    await expect(client().fetchDocument(all.find((d) => d.title === 'wrong-size-a')!)).rejects.toMatchObject({ code: 'size-mismatch' });
  });

  it('handles a 30 MB document: verified when allowed, refused above the limit, refused towards a patient', async () => {
    const all = await client().findDocuments({ patient: { ins: INS_A } });
    const big = all.find((d) => d.title === 'gros-a')!;
    expect(big.size).toBe(30 * 1024 * 1024);
    const got = await client().fetchDocument(big);
    expect(got.bytes.length).toBe(30 * 1024 * 1024);
    expect(got.sha1Hex).toBe(createHash('sha1').update(docs['gros-a']!.bytes).digest('hex'));
    await expect(client('good', { maxDocumentBytes: 25 * 1024 * 1024 }).fetchDocument(big)).rejects.toMatchObject({ code: 'too-large' });
    // Without a stated size, the body is cut off at the limit.
    await expect(client('good', { maxDocumentBytes: 25 * 1024 * 1024 }).fetchDocument({ ...big, size: undefined, hash: undefined })).rejects.toMatchObject({
      code: 'too-large',
    });
    const packed = packXdm({
      patient: { ins: { matricule: INS_A, qualified: true }, family: 'Corse', given: 'Figatellix', birthDate: '1988-10-12' },
      documents: [{ bytes: got.bytes, mimeType: 'application/pdf', title: 'gros', patient: got.summary.patient }],
      title: 'gros',
      author: {},
      sender: { organisation: 'CHU', application: { name: 'Vigie', version: 'test', vendor: 'Vigie' } },
      recipients: [`${INS_A}@patient.mssante.fr`],
    });
    expect(packed.size.level).toBe('refuse');
  }, 60_000);
});

describe('errors', () => {
  it('401 without a token or with an unknown one, 403 when the DI denies access', async () => {
    for (const token of [null, 'expired']) {
      const err = await client(token)
        .findDocuments({ patient: { ins: INS_A } })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DocumentSourceError);
      expect(err).toMatchObject({ code: 'unauthorized', status: 401 });
      expect((err as DocumentSourceError).text.fr).toMatch(/reconnectez-vous/);
    }
    await expect(client('restricted').findDocuments({ patient: { ins: INS_A } })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('404 for a document that is gone', async () => {
    const [s] = await client().findDocuments({ patient: { ins: INS_A }, type: { system: LOINC, code: '18748-4' } });
    await expect(client().fetchDocument({ ...s!, url: 'Binary/does-not-exist' })).rejects.toMatchObject({ code: 'not-found', status: 404 });
  });

  it('never sends the token to another server', async () => {
    let hits = 0;
    const other = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as AddressInfo).port;
    const [s] = await client().findDocuments({ patient: { ins: INS_A }, type: { system: LOINC, code: '18748-4' } });
    await expect(client().fetchDocument({ ...s!, url: `http://127.0.0.1:${port}/steal` })).rejects.toMatchObject({ code: 'untrusted-url' });
    expect(hits).toBe(0);
    await new Promise<void>((r) => other.close(() => r()));
  });

  it('reports an unreachable DI as a network error', async () => {
    const c = new MhdClient({ baseUrl: 'http://127.0.0.1:9/fhir', fetch: (u, i) => fetch(u, i), token: async () => 'good' });
    await expect(c.findDocuments({ patient: { ins: INS_A } })).rejects.toMatchObject({ code: 'network' });
  });
});
