// The demo patient record for `npm start`: three synthetic patients (INS of the demo range) and a few PDF documents,
// behind the same DocumentSource port as the real MHD client, so the routes are the same with and without a DI.
import { createHash } from 'node:crypto';
import { OID } from '../../shared/documents/codes';
import { INS_OID } from '../../shared/documents/patient';
import type { DocumentQuery, DocumentSource, DocumentSummary, FetchedDocument } from '../../shared/ports/document-source';
import { DocumentSourceError } from '../../shared/ports/document-source';
import { documentText } from '../../shared/documents/messages';

/** A one-page PDF showing `lines` (Helvetica, plain ASCII text). */
export function tinyPdf(lines: string[]): Uint8Array {
  const text = lines
    .map((l, i) => `BT /F1 12 Tf 56 ${780 - i * 18} Td (${l.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

interface DemoDoc {
  id: string;
  ins: string;
  title: string;
  date: string;
  loinc: string;
  display: string;
  bytes: Uint8Array;
}

const PATIENTS = [
  { ins: '279035121518989', name: 'DUPONT Marie, 1979-03-05' },
  { ins: '185127512345688', name: 'LEROY Paul, 1985-12-24' },
  { ins: '296022A01234524', name: 'SANTONI Lucia, 1996-02-14' },
];

function demoDocs(): DemoDoc[] {
  const docs: Omit<DemoDoc, 'bytes'>[] = [
    {
      id: 'demo-cr-1',
      ins: PATIENTS[0]!.ins,
      title: 'Compte rendu de consultation de cardiologie',
      date: '2026-10-14',
      loinc: '11488-4',
      display: 'Compte rendu de consultation',
    },
    {
      id: 'demo-bio-1',
      ins: PATIENTS[0]!.ins,
      title: 'Résultats de biologie',
      date: '2026-10-02',
      loinc: '11502-2',
      display: 'Compte rendu d’examens de biologie médicale',
    },
    {
      id: 'demo-lls-1',
      ins: PATIENTS[1]!.ins,
      title: 'Lettre de liaison de sortie',
      date: '2026-11-03',
      loinc: '34106-5',
      display: 'Lettre de liaison à la sortie d’un établissement de soins',
    },
    { id: 'demo-cr-2', ins: PATIENTS[2]!.ins, title: 'Compte rendu opératoire', date: '2026-09-21', loinc: '34874-8', display: 'Compte rendu opératoire' },
  ];
  return docs.map((d) => ({
    ...d,
    bytes: tinyPdf([
      'Vigie MSSante - document de demonstration (donnees fictives)',
      d.title,
      `Patient : ${PATIENTS.find((p) => p.ins === d.ins)!.name}`,
      `Date : ${d.date}`,
    ]),
  }));
}

export class DemoDocumentSource implements DocumentSource {
  private readonly docs = demoDocs();
  static readonly patients = PATIENTS;

  private summary(d: DemoDoc): DocumentSummary {
    return {
      id: d.id,
      title: d.title,
      status: 'current',
      date: d.date,
      type: { code: d.loinc, codingScheme: OID.loinc, display: d.display, system: 'http://loinc.org' },
      contentType: 'application/pdf',
      url: `Binary/${d.id}`,
      size: d.bytes.length,
      hash: createHash('sha1').update(d.bytes).digest('base64'),
      patient: { ins: { matricule: d.ins, oid: INS_OID.DEMO, qualified: true } },
    };
  }

  async findDocuments(query: DocumentQuery): Promise<DocumentSummary[]> {
    if (!('ins' in query.patient)) return [];
    const ins = query.patient.ins.trim().toUpperCase();
    return this.docs
      .filter((d) => d.ins === ins)
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((d) => this.summary(d));
  }

  async fetchDocument(summary: DocumentSummary): Promise<FetchedDocument> {
    const d = this.docs.find((x) => x.id === summary.id);
    if (!d) throw new DocumentSourceError('not-found', documentText('source.not-found', {}), 404);
    return { summary: this.summary(d), bytes: d.bytes, sha1Hex: createHash('sha1').update(d.bytes).digest('hex') };
  }
}
