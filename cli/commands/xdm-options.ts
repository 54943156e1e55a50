// The options of `vigie xdm pack`, read into the packer's input. With a CDA, only --document and --out are needed:
// every other option fills what the CDA lacks (a contradicting one is refused by the packer).
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../io';
import { INS_KINDS, INS_OIDS, typeCodeOf, type InsOid, type StatedPatient, type XdmDocument } from '../../shared/documents';

export const XDM_USAGE =
  'vigie xdm pack --document <cda.xml|file>... --out <IHE_XDM.ZIP> [--to <address>]... [--policy <policy.json>] ' +
  '[--patient-ins <INS> [--ins-authority nir|nia|test|demo|<OID>] [--ins-not-qualified]] [--patient-family <NOM>] [--patient-given <prénom>] [--patient-birth-date <YYYY-MM-DD>] [--patient-sex M|F|U] ' +
  '[--ipp <id> --ipp-oid <OID>] [--case-number <n°>] [--title <libellé>] [--type-code <LOINC|TRE_A05>] ' +
  '[--author-idnat <id> --author-family <NOM> --author-given <prénom>] [--organisation <nom>] ' +
  '[--masque-ps] [--invisible-patient] [--invisible-representants-legaux] [--read-receipt-to <address> | --no-read-receipt] ' +
  '[--nil <référence produit>] [--operator-limit-mb <n>] [--allow-patient-reply] [--lang fr|en]';

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xml': 'text/xml',
  '.txt': 'text/plain',
  '.rtf': 'text/rtf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

export function parseXdmArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: false,
      options: {
        'patient-ins': { type: 'string' },
        'ins-authority': { type: 'string' },
        'patient-family': { type: 'string' },
        'patient-given': { type: 'string' },
        'patient-birth-date': { type: 'string' },
        'patient-sex': { type: 'string' },
        'ins-not-qualified': { type: 'boolean', default: false },
        ipp: { type: 'string' },
        'ipp-oid': { type: 'string' },
        'case-number': { type: 'string' },
        title: { type: 'string' },
        'type-code': { type: 'string' },
        document: { type: 'string', multiple: true, default: [] },
        out: { type: 'string' },
        to: { type: 'string', multiple: true, default: [] },
        nil: { type: 'string' },
        policy: { type: 'string' },
        'operator-limit-mb': { type: 'string' },
        'read-receipt-to': { type: 'string' },
        'no-read-receipt': { type: 'boolean', default: false },
        'allow-patient-reply': { type: 'boolean', default: false },
        'author-idnat': { type: 'string' },
        'author-family': { type: 'string' },
        'author-given': { type: 'string' },
        organisation: { type: 'string' },
        'masque-ps': { type: 'boolean', default: false },
        'invisible-patient': { type: 'boolean', default: false },
        'invisible-representants-legaux': { type: 'boolean', default: false },
        lang: { type: 'string', default: 'fr' },
      },
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

type Values = ReturnType<typeof parseXdmArgs>;

function insAuthority(value: string | undefined): InsOid | undefined {
  if (value === undefined) return undefined;
  const kind = INS_KINDS[value.toLowerCase() as keyof typeof INS_KINDS];
  if (kind) return kind;
  if (INS_OIDS.includes(value)) return value as InsOid;
  throw new UsageError(`--ins-authority must be nir, nia, test, demo or one of ${INS_OIDS.join(', ')}`);
}

/** The patient as the options state it (possibly nothing: the CDA then says it all). */
export function statedPatient(v: Values): StatedPatient {
  const sex = v['patient-sex']?.toUpperCase();
  if (sex !== undefined && sex !== 'M' && sex !== 'F' && sex !== 'U') throw new UsageError('--patient-sex must be M, F or U');
  if (v.ipp && !v['ipp-oid']) throw new UsageError('--ipp needs --ipp-oid');
  if (v['ins-authority'] && !v['patient-ins']) throw new UsageError('--ins-authority needs --patient-ins');
  const oid = insAuthority(v['ins-authority']);
  return {
    ...(v['patient-ins'] ? { ins: { matricule: v['patient-ins'], ...(oid ? { oid } : {}), qualified: !v['ins-not-qualified'] } } : {}),
    ...(v.ipp ? { ipp: { value: v.ipp, oid: v['ipp-oid']! } } : {}),
    ...(v['patient-family'] ? { family: v['patient-family'] } : {}),
    ...(v['patient-given'] ? { given: v['patient-given'] } : {}),
    ...(v['patient-birth-date'] ? { birthDate: v['patient-birth-date'] } : {}),
    ...(sex ? { sex: sex as 'M' | 'F' | 'U' } : {}),
    ...(v['case-number'] ? { caseNumber: v['case-number'] } : {}),
  };
}

export function documentsOf(v: Values, cwd: string): XdmDocument[] {
  if (v.document.length === 0) throw new UsageError('at least one --document is required');
  const typeCode = v['type-code'];
  if (typeCode !== undefined && !/^[0-9]{1,7}-[0-9]$|^[A-Z0-9_-]{1,40}$/.test(typeCode))
    throw new UsageError(`--type-code "${typeCode}" is neither a LOINC code nor a TRE_A05 code`);
  return v.document.map((file) => {
    const path = resolve(cwd, file);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch (e) {
      throw new UsageError(`cannot read --document ${file}: ${(e as Error).message}`);
    }
    return {
      bytes,
      mimeType: MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
      fileName: basename(path),
      title: v.title ?? '',
      ...(typeCode ? { typeCode: typeCodeOf(typeCode) } : {}),
    };
  });
}
