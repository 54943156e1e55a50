// Small, pure text helpers for DI documents: control-character removal, HL7 v2 escaping, dates, file-name segments.

/** Removes C0/C1 control characters (CR and LF included) and collapses runs of blanks: safe for one header line. */
export function oneLine(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One line of text that XML 1.0 can hold: `oneLine`, then characters XML forbids (U+FFFE, U+FFFF, lone surrogates) removed. */
export function xmlLine(value: string): string {
  return oneLine(value)
    .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .trim();
}

/**
 * Escapes a value for one HL7 v2 component (XCN, XON, CX…): `\` `|` `^` `&` `~` become `\E\` `\F\` `\S\` `\T\` `\R\`,
 * so a name holding a separator cannot shift the fields after it.
 */
export function hl7Escape(value: string): string {
  return oneLine(value).replace(/[\\|^&~]/g, (c) => ({ '\\': '\\E\\', '|': '\\F\\', '^': '\\S\\', '&': '\\T\\', '~': '\\R\\' })[c]!);
}

/** Strips accents (NFD then combining marks removed). */
export function withoutAccents(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A file-name segment: accents removed, anything but letters, digits and `-` turned into `-`, trimmed. */
export function fileSegment(value: string): string {
  return withoutAccents(oneLine(value))
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into its parts, checking the day exists. */
export function parseIsoDate(value: string): { year: string; month: string; day: string } | null {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [, year, month, day] = m as unknown as [string, string, string, string];
  const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (d.getUTCFullYear() !== Number(year) || d.getUTCMonth() !== Number(month) - 1 || d.getUTCDate() !== Number(day)) return null;
  return { year, month, day };
}

/** `YYYYMMDDhhmmss` in UTC, the DTM form of XDS metadata. */
export function hl7DateTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
}

/** `YYYYMMDD` in UTC. */
export function compactDate(date: Date): string {
  return hl7DateTime(date).slice(0, 8);
}

/** Upper-case family name as French documents print it (accents kept). */
export function upperName(value: string): string {
  return oneLine(value).toLocaleUpperCase('fr-FR');
}

/** `2.25.<decimal of a UUID>`: an OID made from a UUID (ITU-T X.667), as XDS uniqueIds need. */
export function uuidToOid(uuid: string): string {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return `2.25.${BigInt(`0x${hex}`).toString(10)}`;
}
