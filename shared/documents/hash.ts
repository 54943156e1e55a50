// SHA-1 of a document: hex for XDS metadata, base64 as FHIR `attachment.hash` carries it. Pure JS (@noble/hashes),
// so it runs the same in every host, synchronously.
import { sha1 } from '@noble/hashes/legacy';
import { bytesToHex } from '@noble/hashes/utils';

export function sha1Bytes(data: Uint8Array): Uint8Array {
  return sha1(data);
}

export function sha1Hex(data: Uint8Array): string {
  return bytesToHex(sha1(data));
}

const B64 = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');

/** The length of the base64 form of `n` bytes. */
export const base64Length = (n: number) => Math.ceil(n / 3) * 4;

/**
 * Base64 of raw bytes as ASCII bytes, written into `out` at `offset` (a new array by default): a document of tens of
 * megabytes encoded without building a string or an intermediate copy.
 */
export function base64Ascii(bytes: Uint8Array, out: Uint8Array = new Uint8Array(base64Length(bytes.length)), offset = 0): Uint8Array {
  let o = offset;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = B64[n >>> 18]!;
    out[o++] = B64[(n >>> 12) & 63]!;
    out[o++] = B64[(n >>> 6) & 63]!;
    out[o++] = B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = B64[n >>> 18]!;
    out[o++] = B64[(n >>> 12) & 63]!;
    out[o++] = rest === 2 ? B64[(n >>> 6) & 63]! : 61;
    out[o++] = 61;
  }
  return out;
}

/** Base64 of raw bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(base64Ascii(bytes));
}

/** Decodes base64 to bytes; null when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  try {
    const s = atob(text.replace(/\s+/g, ''));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The SHA-1 of `data` in FHIR form (base64). */
export function sha1Base64(data: Uint8Array): string {
  return bytesToBase64(sha1(data));
}
