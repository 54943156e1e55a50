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

/** Base64 of raw bytes, in slices so that a document of tens of megabytes needs no per-byte string. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const step = 0x6000; // a multiple of 3: every slice but the last encodes without padding
  for (let i = 0; i < bytes.length; i += step) parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + step))));
  return parts.join('');
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
