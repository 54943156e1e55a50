// README.TXT and INDEX.HTM at the root of IHE_XDM.ZIP (IHE ITI-32): who sent the archive, what it holds.
import { create } from 'xmlbuilder2';
import { oneLine } from './text';

export interface SenderInfo {
  /** Organisation that sends (établissement). */
  organisation: string;
  /** Sender's address, phone, mailbox (one line each). */
  contact?: string[];
  application: { name: string; version: string; vendor: string };
}

export interface IndexEntry {
  path: string;
  title: string;
  mimeType: string;
  size: number;
}

/** README.TXT: plain text, CRLF line ends, every value on its own line (control characters removed). */
export function buildReadme(sender: SenderInfo, entries: readonly IndexEntry[]): string {
  const lines = [
    'IHE_XDM - Distribute Document Set on Media (IHE ITI-32)',
    '',
    `Emetteur / Sender: ${oneLine(sender.organisation)}`,
    ...(sender.contact ?? []).map((c) => `  ${oneLine(c)}`),
    '',
    `Application: ${oneLine(sender.application.name)} ${oneLine(sender.application.version)} (${oneLine(sender.application.vendor)})`,
    '',
    'Contenu / Contents:',
    '  README.TXT',
    '  INDEX.HTM',
    '  IHE_XDM/SUBSET01/METADATA.XML',
    ...entries.map((e) => `  ${e.path}  ${oneLine(e.title)} (${e.mimeType}, ${e.size} octets)`),
    '',
    'Ouvrez INDEX.HTM pour consulter les documents. Open INDEX.HTM to read the documents.',
    '',
  ];
  return lines.join('\r\n');
}

/** INDEX.HTM: an XHTML page linking every document and the README. */
export function buildIndexHtml(sender: SenderInfo, title: string, entries: readonly IndexEntry[]): string {
  const html = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.w3.org/1999/xhtml', 'html', { lang: 'fr', 'xml:lang': 'fr' });
  const head = html.ele('head');
  head.ele('meta', { 'http-equiv': 'Content-Type', content: 'text/html; charset=UTF-8' });
  head.ele('title').txt(oneLine(title));
  const body = html.ele('body');
  body.ele('h1').txt(oneLine(title));
  body.ele('p').txt(`Emetteur : ${oneLine(sender.organisation)}`);
  const ul = body.ele('ul');
  for (const e of entries) {
    const li = ul.ele('li');
    li.ele('a', { href: e.path }).txt(oneLine(e.title));
    li.txt(` (${e.mimeType}, ${e.size} octets)`);
  }
  body.ele('p').ele('a', { href: 'README.TXT' }).txt('README.TXT');
  return html.end({ prettyPrint: true });
}
