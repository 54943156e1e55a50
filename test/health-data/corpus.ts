// Reads the labelled corpus of test/fixtures/health-data (shared by the corpus test and the benchmark).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentInfo } from '../../shared/model';

export interface CorpusMessage {
  file: string;
  positive: boolean;
  language: 'fr' | 'en';
  subject: string;
  body: string;
  attachments: AttachmentInfo[];
}

export const corpusDir = join(__dirname, '..', 'fixtures', 'health-data');

/** Parses one message: header lines (Subject, Attachment), a blank line, the body. */
export function parseMessage(raw: string): Pick<CorpusMessage, 'subject' | 'body' | 'attachments'> {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = split >= 0 ? text.slice(0, split) : '';
  const headerLines = head.split('\n');
  if (!headerLines.every((l) => /^(Subject|Attachment):/i.test(l))) return { subject: '', body: text, attachments: [] };
  let subject = '';
  const attachments: AttachmentInfo[] = [];
  for (const line of headerLines) {
    const [, name, value] = /^(\w+):\s*(.*)$/.exec(line)!;
    if (/^subject$/i.test(name!)) subject = value!;
    else {
      const [file, type] = value!.split(/;\s*/);
      attachments.push({ name: file!, ...(type ? { contentType: type } : {}) });
    }
  }
  return { subject, body: text.slice(split + 2), attachments };
}

export function loadCorpus(dir = corpusDir): CorpusMessage[] {
  const out: CorpusMessage[] = [];
  for (const label of ['positive', 'negative'] as const) {
    for (const file of readdirSync(join(dir, label))
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const msg = parseMessage(readFileSync(join(dir, label, file), 'utf8'));
      out.push({ file: `${label}/${file}`, positive: label === 'positive', language: file.startsWith('en-') ? 'en' : 'fr', ...msg });
    }
  }
  return out;
}
