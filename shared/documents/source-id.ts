// The submission set's sourceId: the OID of the sending system, the same on every message (receivers use it to know
// who sends). From the policy; without one, an OID derived from the organisation's name, stable from one send to the next.
import { sha1Bytes } from './hash';

const OID = /^[0-2](\.(0|[1-9][0-9]*))+$/;

export function isOid(value: string): boolean {
  return value.length <= 64 && OID.test(value);
}

/** `2.25.<128-bit number>` made from the organisation's name (a name-based UUID, RFC 4122 §4.3, SHA-1). */
export function derivedSourceId(organisation: string): string {
  const h = sha1Bytes(new TextEncoder().encode(`vigie-mssante:sourceId:${organisation.trim().toLowerCase()}`)).slice(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  return `2.25.${bytesToDecimal(h)}`;
}

/** A big-endian unsigned number in decimal, without BigInt (the Outlook task pane targets ES2019). */
function bytesToDecimal(bytes: Uint8Array): string {
  const digits: number[] = [0]; // least significant first
  for (const b of bytes) {
    let carry = b;
    for (let i = 0; i < digits.length; i++) {
      const v = digits[i]! * 256 + carry;
      digits[i] = v % 10;
      carry = Math.floor(v / 10);
    }
    for (; carry; carry = Math.floor(carry / 10)) digits.push(carry % 10);
  }
  return digits.reverse().join('');
}
