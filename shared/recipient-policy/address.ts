// What a user types in a recipient field → normalised addresses, with an RFC 5322 parser.
import emailAddresses from 'email-addresses';
import { domainToAscii } from './idna';

/** Longer recipient fields are refused outright: no legitimate field is this long, and it bounds parsing time. */
export const MAX_FIELD_LENGTH = 8192;

export type ParsedAddress =
  | { ok: true; input: string; address: string; local: string; domain: string; displayName: string | null; unicodeDomain: string }
  | { ok: false; input: string; error: 'syntax' | 'empty' | 'too-long' | 'domain'; detail?: string };

/**
 * Normalises a domain: lower case, IDNA (UTS #46, non-transitional) ASCII form, no trailing dot.
 * Returns null for a domain IDNA refuses or that has fewer than two labels.
 */
const PLAIN_LDH_DOMAIN = /^(?!.*(?:^|\.)xn--)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function normaliseDomain(domain: string): string | null {
  let d = domain.trim();
  if (d.endsWith('.')) d = d.slice(0, -1);
  if (!d || d.startsWith('[')) return null; // address literals are never MSSanté mailboxes
  // Lower-case ASCII letter-digit-hyphen labels are their own UTS #46 form: no need to run the mapping.
  const lower = d.toLowerCase();
  if (lower.length <= 253 && PLAIN_LDH_DOMAIN.test(lower)) return lower;
  const ascii = domainToAscii(d);
  if (ascii === null) return null;
  if (ascii.split('.').length < 2) return null;
  return ascii;
}

type Mailbox = emailAddresses.ParsedMailbox;
type Parsed = emailAddresses.ParsedMailbox | emailAddresses.ParsedGroup;

function parseList(input: string, separator: ',' | ';'): Parsed[] | null {
  return emailAddresses.parseAddressList({
    input,
    rfc6532: true,
    rejectTLD: false,
    addressListSeparator: separator,
    atInDisplayName: true,
    commaInDisplayName: false,
  });
}

/** Replace `;` used as a list separator (outside quotes, comments, angle brackets and groups) by `,`. */
function semicolonsToCommas(input: string): string {
  let out = '';
  let inQuote = false;
  let comment = 0;
  let angle = false;
  let group = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (inQuote) {
      if (c === '\\') {
        out += c + (input[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') inQuote = false;
    } else if (comment > 0) {
      if (c === '\\') {
        out += c + (input[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '(') comment++;
      else if (c === ')') comment--;
    } else if (c === '"') inQuote = true;
    else if (c === '(') comment++;
    else if (c === '<') angle = true;
    else if (c === '>') angle = false;
    else if (c === ':' && !angle) group = true;
    else if (c === ';' && !angle) {
      if (group) group = false;
      else {
        out += ',';
        continue;
      }
    }
    out += c;
  }
  return out;
}

function flatten(parsed: Parsed[]): Mailbox[] {
  const out: Mailbox[] = [];
  for (const p of parsed) {
    if (p.type === 'group') out.push(...p.addresses);
    else out.push(p);
  }
  return out;
}

/**
 * The local part as written: a quoted string unquoted, every character inside kept (the parser folds white space at
 * its ends, which would turn `" 2790…"` into a valid patient address).
 */
function localAsWritten(m: Mailbox): string {
  const raw = m.parts.local?.tokens?.trim() ?? '';
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  return m.local;
}

function toParsedAddress(input: string, m: Mailbox): ParsedAddress {
  const domain = normaliseDomain(m.domain);
  if (!domain) return { ok: false, input, error: 'domain', detail: m.domain };
  const local = localAsWritten(m);
  if (!local) return { ok: false, input, error: 'syntax' };
  let unicodeDomain = domain;
  try {
    unicodeDomain = m.domain.trim().replace(/\.$/, '').toLowerCase();
  } catch {
    /* keep the ASCII form */
  }
  return { ok: true, input, address: `${local}@${domain}`, local, domain, displayName: m.name || null, unicodeDomain };
}

// The common shapes, `local@domain` and `Display Name <local@domain>`, with an RFC 5322 dot-atom local part, an
// ASCII domain and a display name made of plain words: read directly (the full grammar costs ≈ 100 µs an address;
// the benchmark shows it). Anything else goes to the RFC 5322 parser. A property test checks both agree.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const DOT_ATOM = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const ASCII_DOMAIN = '[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?';
const SIMPLE_ADDRESS = new RegExp(`^(${DOT_ATOM})@(${ASCII_DOMAIN})$`);
const SIMPLE_NAME_ADDR = new RegExp(`^([A-Za-z0-9\\u00C0-\\u024F'-][A-Za-z0-9\\u00C0-\\u024F' .-]{0,199}?) ?<(${DOT_ATOM})@(${ASCII_DOMAIN})>$`);
const QUOTED_NAME_ADDR = new RegExp(`^"([^"\\\\\\r\\n]{0,200})" ?<(${DOT_ATOM})@(${ASCII_DOMAIN})>$`);

function fastPath(input: string): ParsedAddress[] | undefined {
  let local: string | undefined;
  let domain: string | undefined;
  let name: string | null = null;
  let m = SIMPLE_ADDRESS.exec(input);
  if (m) {
    local = m[1];
    domain = m[2];
  } else if ((m = SIMPLE_NAME_ADDR.exec(input)) || (m = QUOTED_NAME_ADDR.exec(input))) {
    name = m[1]!.trim().replace(/\s+/g, ' ') || null;
    local = m[2];
    domain = m[3];
  }
  if (!local || !domain || domain.includes('..')) return undefined;
  const normal = normaliseDomain(domain);
  if (!normal) return undefined;
  return [{ ok: true, input, address: `${local}@${normal}`, local, domain: normal, displayName: name, unicodeDomain: normal }];
}

/**
 * Parses one recipient field as typed (display names, quoted strings, comments, groups, several addresses
 * separated by `,` or `;`). A piece that does not parse to exactly one plain `local@domain` is an error entry.
 */
export function parseRecipientField(input: string): ParsedAddress[] {
  const trimmed = input.trim();
  if (!trimmed) return [{ ok: false, input, error: 'empty' }];
  if (trimmed.length > MAX_FIELD_LENGTH) return [{ ok: false, input: trimmed.slice(0, 80) + '…', error: 'too-long' }];
  const fast = fastPath(trimmed);
  if (fast) return fast;
  return parseWithGrammar(trimmed);
}

/** The full RFC 5322 address-list grammar (email-addresses). Exported for the agreement test. */
export function parseWithGrammar(trimmed: string): ParsedAddress[] {
  let parsed = parseList(trimmed, ',');
  if (!parsed && trimmed.includes(';')) parsed = parseList(trimmed, ';') ?? parseList(semicolonsToCommas(trimmed), ',');
  if (!parsed && /\.\s*(?:[>,;]|$)/.test(trimmed)) {
    // A fully qualified domain typed with its trailing dot (x@exemple.fr.) is not RFC 5322 but means the same.
    const undotted = trimmed.replace(/\.(\s*(?:[>,;]|$))/g, '$1');
    parsed = parseList(undotted, ',') ?? parseList(semicolonsToCommas(undotted), ',');
  }
  if (!parsed || parsed.length === 0) {
    // The field as a whole does not parse: say which pieces are wrong rather than losing the good ones.
    const pieces = splitLoosely(trimmed);
    if (pieces.length > 1) return pieces.flatMap((p) => parseRecipientField(p));
    return [{ ok: false, input: trimmed, error: 'syntax' }];
  }
  const mailboxes = flatten(parsed);
  if (mailboxes.length === 0) return [{ ok: false, input: trimmed, error: 'empty' }];
  return mailboxes.map((m) => toParsedAddress(mailboxes.length === 1 ? trimmed : m.name ? `${m.name} <${m.address}>` : m.address, m));
}

/** Splits on `,` and `;` outside quotes and angle brackets, to report each broken piece on its own. */
function splitLoosely(input: string): string[] {
  const pieces: string[] = [];
  let cur = '';
  let inQuote = false;
  let angle = false;
  for (const c of input) {
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && c === '<') angle = true;
    else if (!inQuote && c === '>') angle = false;
    if (!inQuote && !angle && (c === ',' || c === ';')) {
      if (cur.trim()) pieces.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) pieces.push(cur.trim());
  return pieces;
}

/** Parses a single address (a sender identity, a directory entry). Null unless it is exactly one mailbox. */
export function parseSingleAddress(input: string): Extract<ParsedAddress, { ok: true }> | null {
  const parsed = parseRecipientField(input);
  if (parsed.length !== 1) return null;
  const p = parsed[0]!;
  return p.ok ? p : null;
}
