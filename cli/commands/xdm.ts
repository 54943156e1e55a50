// vigie xdm pack: packs documents as an MSSanté IHE_XDM.ZIP (+ PDF copies) and prints the subject and headers.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from '../io';
import { loadPolicyFile } from '../policy-file';
import { EXIT, UsageError } from '../io';
import { DEFAULT_TYPE_CODE, HeaderError, packXdm, typeCodeOf, PatientError, XdmError, type XdmDocument } from '../../shared/documents';
import type { Language } from '../../shared/model';

const usage =
  'vigie xdm pack --patient-ins <INS> --patient-family <NOM> --patient-given <prénom> --patient-birth-date <YYYY-MM-DD> --title <libellé> [--type-code <LOINC>] --document <file>... --out <IHE_XDM.ZIP> [--patient-sex M|F|U] [--ins-not-qualified] [--ipp <id> --ipp-oid <OID>] [--case-number <n°>] [--to <address>]... [--policy <policy.json>] [--nil <référence produit>] [--operator-limit-mb <n>] [--read-receipt-to <address>] [--allow-patient-reply] [--author-idnat <id> --author-family <NOM> --author-given <prénom>] [--organisation <nom>] [--lang fr|en]';

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xml': 'text/xml',
  '.txt': 'text/plain',
  '.rtf': 'text/rtf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.htm': 'text/html',
  '.html': 'text/html',
};

export const xdmCommand: CliCommand = {
  name: 'xdm',
  summary: 'xdm pack: writes IHE_XDM.ZIP (and the PDF copies beside it) and prints the subject and X-MSS headers as JSON; exit 0, 10 size warning, 20 refused, 2 usage error.',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = args;
    if (sub !== 'pack') throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand "pack"');
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: false,
        options: {
          'patient-ins': { type: 'string' },
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
          'allow-patient-reply': { type: 'boolean', default: false },
          'author-idnat': { type: 'string' },
          'author-family': { type: 'string' },
          'author-given': { type: 'string' },
          organisation: { type: 'string' },
          lang: { type: 'string', default: 'fr' },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const v = parsed.values;
    const lang: Language = v.lang === 'en' ? 'en' : 'fr';
    for (const req of ['patient-family', 'patient-given', 'patient-birth-date', 'title', 'out'] as const) {
      if (!v[req]) throw new UsageError(`--${req} is required`);
    }
    if (!v['patient-ins'] && !v.ipp) throw new UsageError('--patient-ins (or --ipp with --ipp-oid) is required');
    if (v.ipp && !v['ipp-oid']) throw new UsageError('--ipp needs --ipp-oid');
    if (v.document.length === 0) throw new UsageError('at least one --document is required');
    const sex = v['patient-sex']?.toUpperCase();
    if (sex !== undefined && sex !== 'M' && sex !== 'F' && sex !== 'U') throw new UsageError('--patient-sex must be M, F or U');
    // The org policy gives X-MSS-NIL and the operator's size limit; the command line can override both.
    const orgPolicy = loadPolicyFile(v.policy ? resolve(io.cwd, v.policy) : undefined);
    const nil = v.nil ?? orgPolicy.documents.productReference;
    let operatorLimitBytes: number | undefined = v.policy ? Math.round(orgPolicy.documents.operatorSizeLimitMB * 1024 * 1024) : undefined;
    if (v['operator-limit-mb'] !== undefined) {
      const mb = Number(v['operator-limit-mb']);
      if (!Number.isFinite(mb) || mb <= 0) throw new UsageError('--operator-limit-mb must be a positive number');
      operatorLimitBytes = Math.round(mb * 1024 * 1024);
    }
    const typeCode = v['type-code'] ?? DEFAULT_TYPE_CODE;
    if (!/^[0-9]{1,7}-[0-9]$|^[A-Z0-9_-]{1,40}$/.test(typeCode)) throw new UsageError(`--type-code "${typeCode}" is neither a LOINC code nor a TRE_A05 code`);

    const documents: XdmDocument[] = v.document.map((file) => {
      const path = resolve(io.cwd, file);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(path));
      } catch (e) {
        throw new UsageError(`cannot read --document ${file}: ${(e as Error).message}`);
      }
      const mimeType = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
      const isXml = mimeType === 'text/xml';
      return {
        bytes,
        mimeType,
        fileName: basename(path),
        title: v.title!,
        // A CDA's own code wins over --type-code for XML documents.
        ...(isXml && !v['type-code'] ? {} : { typeCode: typeCodeOf(typeCode) }),
      };
    });

    const out = resolve(io.cwd, v.out!);
    let result;
    try {
      result = packXdm({
        patient: {
          ...(v['patient-ins'] ? { ins: { matricule: v['patient-ins'], qualified: !v['ins-not-qualified'] } } : {}),
          ...(v.ipp ? { ipp: { value: v.ipp, oid: v['ipp-oid']! } } : {}),
          family: v['patient-family']!,
          given: v['patient-given']!,
          birthDate: v['patient-birth-date']!,
          ...(sex ? { sex } : {}),
          ...(v['case-number'] ? { caseNumber: v['case-number'] } : {}),
        },
        documents,
        title: v.title!,
        author: {
          idNat: v['author-idnat'],
          family: v['author-family'],
          given: v['author-given'],
          ...(v.organisation ? { institution: { name: v.organisation } } : {}),
        },
        sender: { organisation: v.organisation ?? '', application: { name: 'Vigie MSSanté', version: '0.1.0', vendor: 'Vigie' } },
        recipients: v.to,
        policy: { nil, operatorLimitBytes },
        readReceiptTo: v['read-receipt-to'],
        allowPatientReply: v['allow-patient-reply'],
      });
    } catch (e) {
      if (e instanceof PatientError || e instanceof XdmError || e instanceof HeaderError) {
        io.stderr(`vigie xdm: ${e.text[lang]}\n`);
        return EXIT.failure;
      }
      throw e;
    }

    const written: Array<{ name: string; path: string; size: number }> = [];
    if (result.size.level !== 'refuse') {
      for (const a of result.attachments) {
        const path = a.name === 'IHE_XDM.ZIP' ? out : resolve(dirname(out), a.name);
        writeFileSync(path, a.bytes);
        written.push({ name: a.name, path, size: a.bytes.length });
      }
    }
    const report = {
      subject: result.subject,
      headers: Object.fromEntries(result.headers.map((h) => [h.name, h.value])),
      attachments: written,
      entries: result.entries.map((e) => ({ path: e.path, size: e.size, sha1: e.hashHex, mimeType: e.mimeType, typeCode: e.typeCode, cda: e.cda })),
      size: { level: result.size.level, messageBytes: result.size.messageBytes, message: result.size.message[lang] },
      notices: result.notices.map((n) => n[lang]),
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    if (result.size.level === 'refuse') {
      io.stderr(`vigie xdm: ${result.size.message[lang]}\n`);
      return EXIT.block;
    }
    return result.size.level === 'warn' ? EXIT.warn : EXIT.ok;
  },
};
