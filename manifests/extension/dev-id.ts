// The development id of the Chromium build: Chromium derives an extension's id from the manifest `key` (SHA-256 of
// the public key, first 32 hex digits written a–p), so every developer's unpacked build has the same id and the
// companion server's local defaults can allow it (cli/commands/serve.ts). A signed CRX gets the id of its own key.
import { createHash } from 'node:crypto';
import chrome from './chrome.json';

export function extensionIdOfKey(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex');
  return hex.slice(0, 32).replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

/** The id Chromium gives the build of this repository (dist/chrome). */
export const DEV_CHROME_ID = extensionIdOfKey(chrome.key);
