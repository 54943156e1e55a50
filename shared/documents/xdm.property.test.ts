// Whatever text the DI or the user supplies, the archive stays well-formed and the subject stays one header line.
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { packXdm, NS } from './index';

const INS = '288109912345684';
const text = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 60 })
  .filter((s) => s.trim().length > 0 && /[^\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s));

describe('packXdm with arbitrary text', () => {
  it('always produces parseable XML, a one-line subject and the same values back', () => {
    fc.assert(
      fc.property(text, text, text, text, (family, given, title, docTitle) => {
        const errors: string[] = [];
        const r = packXdm({
          patient: { ins: { matricule: INS, qualified: true }, family, given, birthDate: '1970-01-01' },
          documents: [{ bytes: new Uint8Array([1, 2, 3]), mimeType: 'application/pdf', title: docTitle }],
          title,
          author: { family, given, institution: { name: docTitle } },
          sender: { organisation: title, application: { name: 'Vigie', version: '1', vendor: 'Vigie' } },
          now: new Date('2026-01-01T00:00:00Z'),
        });
        expect(r.subject).not.toMatch(/[\r\n]/);
        expect(r.subject.startsWith('XDM/1.0/DDM+')).toBe(true);
        const files = unzipSync(r.zip);
        for (const name of ['IHE_XDM/SUBSET01/METADATA.XML', 'INDEX.HTM']) {
          const doc = new DOMParser({
            onError: (level, msg) => {
              if (level !== 'warning') errors.push(msg);
            },
          }).parseFromString(strFromU8(files[name]!), 'text/xml');
          expect(doc.documentElement).toBeTruthy();
        }
        expect(errors).toEqual([]);
        // The HL7 name still has exactly its components: separators in the name were escaped.
        const doc = new DOMParser().parseFromString(r.metadataXml, 'text/xml');
        const pid5 = Array.from(doc.getElementsByTagNameNS(NS.rim, 'Value'))
          .map((v) => v.textContent ?? '')
          .find((v) => v.startsWith('PID-5|'))!;
        expect(pid5.split('|')).toHaveLength(2);
        expect(pid5.split('^')).toHaveLength(7);
      }),
      { numRuns: 150 },
    );
  });
});
