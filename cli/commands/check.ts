// vigie check: runs the send check on a draft described on the command line.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from '../io';
import { EXIT, UsageError } from '../io';
import { checkDraft, type CheckContext } from '../../shared/send-check';
import { scanDraft } from '../../shared/health-data';
import { embeddedDomainSet } from '../../shared/whitelist/embedded';
import type { AttachmentInfo, Draft, Language } from '../../shared/model';
import { attachmentPatients } from '../../shared/send-check/attachment-patients';
import { loadVerifiedFile } from '../../server/liste-blanche/load';
import { loadPolicyFile } from '../policy-file';
import { loadIndex } from './directory';
import { suggest } from '../../shared/directory/suggest';

/** An attachment named on the command line; when it is a readable file, the patients a CDA/XDM in it names. */
function attachmentOf(path: string, name: string): AttachmentInfo {
  let bytes: Buffer;
  try {
    if (!statSync(path).isFile()) return { name };
    bytes = readFileSync(path);
  } catch {
    return { name };
  }
  const patientIns = attachmentPatients(bytes);
  return { name: basename(name), size: bytes.length, ...(patientIns.length ? { patientIns } : {}) };
}

const usage =
  'vigie check --from <address> [--subject <text>] [--body-file <path>|-] [--attachment <file name>]... [--cc <field>]... [--bcc <field>]... [--policy <policy.json>] [--whitelist <liste blanche XML>] [--directory-index <dir>] [--lang fr|en] [--] <recipient field>...';

export const checkCommand: CliCommand = {
  name: 'check',
  summary:
    'Checks a message before it is sent: prints the verdict as JSON; exit 0 allow, 10 warn, 20 block, 2 usage error. In audit mode the verdict is allow and `audit` says what would have happened.',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          from: { type: 'string' },
          subject: { type: 'string', default: '' },
          'body-file': { type: 'string' },
          attachment: { type: 'string', multiple: true, default: [] },
          cc: { type: 'string', multiple: true, default: [] },
          bcc: { type: 'string', multiple: true, default: [] },
          policy: { type: 'string' },
          whitelist: { type: 'string' },
          'directory-index': { type: 'string' },
          lang: { type: 'string', default: 'fr' },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (!values.from) throw new UsageError('--from is required');
    if (positionals.length === 0 && values.cc.length === 0 && values.bcc.length === 0) throw new UsageError('at least one recipient is required');
    const lang: Language = values.lang === 'en' ? 'en' : 'fr';

    let body = '';
    const bodyFile = values['body-file'];
    if (bodyFile === '-') body = await io.readStdin();
    else if (bodyFile) {
      try {
        body = readFileSync(resolve(io.cwd, bodyFile), 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read --body-file: ${(e as Error).message}`);
      }
    }

    const policy = values.policy ? loadPolicyFile(resolve(io.cwd, values.policy)) : loadPolicyFile(undefined);
    let whitelist = embeddedDomainSet();
    if (values.whitelist) {
      try {
        whitelist = loadVerifiedFile(resolve(io.cwd, values.whitelist)).set;
      } catch (e) {
        io.stderr(`vigie check: liste blanche ${values.whitelist} refused, using the embedded snapshot instead: ${(e as Error).message}`);
      }
    }

    const draft: Draft = {
      from: values.from,
      to: positionals,
      cc: values.cc,
      bcc: values.bcc,
      subject: values.subject,
      body,
      attachments: values.attachment.map((name) => attachmentOf(resolve(io.cwd, name), name)),
    };
    // With a directory index (vigie directory build), unknown MSSanté addresses get "vous vouliez dire …?".
    let suggestFn: CheckContext['suggest'];
    if (values['directory-index']) {
      try {
        const index = loadIndex(resolve(io.cwd, values['directory-index']));
        suggestFn = (address) => suggest(index, address, { limit: 3 });
      } catch (e) {
        io.stderr(`vigie check: directory index not used: ${(e as Error).message}`);
      }
    }
    const ctx: CheckContext = { whitelist, policy, scanHealthData: scanDraft, ...(suggestFn ? { suggest: suggestFn } : {}) };
    const verdict = checkDraft(draft, ctx);
    const out = {
      verdict: verdict.verdict,
      sender: verdict.sender,
      recipients: verdict.recipients.map((r) => ({
        input: r.input,
        field: r.field,
        address: r.address,
        category: r.category,
        reasonCode: r.reasonCode,
        reason: r.reason[lang],
        ...(r.lookalike ? { lookalike: r.lookalike } : {}),
        ...(r.didYouMean ? { didYouMean: r.didYouMean.map((d) => ({ address: d.address, label: d.label[lang] })) } : {}),
      })),
      findings: verdict.findings.map((f) => ({
        kind: f.kind,
        source: f.source,
        start: f.start,
        end: f.end,
        excerpt: f.excerpt,
        weight: f.weight,
        label: f.label[lang],
      })),
      message: verdict.message[lang],
      reasons: verdict.reasons,
      notices: verdict.notices.map((n) => n[lang]),
      whitelist: { source: whitelist.info.source, generatedAt: whitelist.info.generatedAt, domains: whitelist.size },
      ...(verdict.audit ? { audit: { verdict: verdict.audit.verdict, reasons: verdict.audit.reasons, message: verdict.audit.message[lang] } } : {}),
    };
    io.stdout(JSON.stringify(out, null, 2));
    return verdict.verdict === 'allow' ? EXIT.ok : verdict.verdict === 'warn' ? EXIT.warn : EXIT.block;
  },
};
