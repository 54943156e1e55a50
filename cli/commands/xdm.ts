// vigie xdm pack: packs documents as an MSSanté IHE_XDM.ZIP (+ PDF copies) and prints the subject and headers.
// A CDA alone is enough: its header gives the patient, the author, the dates and the codes.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliCommand, CliIO } from '../io';
import { loadPolicyFile } from '../policy-file';
import { EXIT, UsageError } from '../io';
import { HeaderError, packXdm, PatientError, xdmPolicyOf, XdmError } from '../../shared/documents';
import type { Language } from '../../shared/model';
import { documentsOf, parseXdmArgs, statedPatient, XDM_USAGE } from './xdm-options';

export const xdmCommand: CliCommand = {
  name: 'xdm',
  summary:
    'xdm pack: writes IHE_XDM.ZIP (and the PDF copies beside it) and prints the subject and X-MSS headers as JSON; exit 0, 10 size warning, 20 refused, 1 refused input, 2 usage error.',
  usage: XDM_USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = args;
    if (sub !== 'pack') throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand "pack"');
    const v = parseXdmArgs(rest);
    const lang: Language = v.lang === 'en' ? 'en' : 'fr';
    if (!v.out) throw new UsageError('--out is required');
    const patient = statedPatient(v);
    const documents = documentsOf(v, io.cwd);
    // The org policy gives X-MSS-NIL, sourceId, contentTypeCode, the read-receipt default and the size limit; options override.
    const policy = xdmPolicyOf(loadPolicyFile(v.policy ? resolve(io.cwd, v.policy) : undefined).documents);
    if (!v.policy) delete policy.operatorLimitBytes;
    if (v.nil) policy.nil = v.nil;
    if (v['operator-limit-mb'] !== undefined) {
      const mb = Number(v['operator-limit-mb']);
      if (!Number.isFinite(mb) || mb <= 0) throw new UsageError('--operator-limit-mb must be a positive number');
      policy.operatorLimitBytes = Math.round(mb * 1024 * 1024);
    }
    const out = resolve(io.cwd, v.out);
    let result;
    try {
      result = packXdm({
        patient,
        documents,
        ...(v.title ? { title: v.title } : {}),
        ...(v['author-idnat'] || v['author-family'] || v.organisation
          ? {
              author: {
                idNat: v['author-idnat'],
                family: v['author-family'],
                given: v['author-given'],
                ...(v.organisation ? { institution: { name: v.organisation } } : {}),
              },
            }
          : {}),
        sender: { organisation: v.organisation ?? '', application: { name: 'Vigie MSSanté', version: '0.1.0', vendor: 'Vigie' } },
        recipients: v.to,
        masking: {
          hiddenFromProfessionals: v['masque-ps'],
          invisibleToPatient: v['invisible-patient'],
          invisibleToLegalRepresentatives: v['invisible-representants-legaux'],
        },
        policy,
        ...(v['no-read-receipt'] ? { readReceipt: false } : {}),
        ...(v['read-receipt-to'] ? { readReceiptTo: v['read-receipt-to'] } : {}),
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
      entries: result.entries.map((e) => ({
        path: e.path,
        size: e.size,
        sha1: e.hashHex,
        mimeType: e.mimeType,
        typeCode: e.typeCode,
        uniqueId: e.uniqueId,
        cda: e.cda,
        wrapped: e.wrapped,
      })),
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
