// Verifies a liste blanche file: enveloped XMLDSig (xml-crypto) made by a certificate that chains to the pinned
// IGC-Santé root, every certificate judged at the list's DateDeGeneration. Only the signed content is read.
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { FastSignedXml } from './signed-xml';
import { parseListeBlanche, type ParsedListeBlanche } from '../../shared/whitelist/parse-list';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const MAX_LIST_BYTES = 64 * 1024 * 1024;

export interface TrustAnchors {
  root: X509Certificate;
  intermediates: X509Certificate[];
}

export interface VerifiedListeBlanche extends ParsedListeBlanche {
  signer: string;
  signerFingerprint256: string;
  chain: string[];
  sha256: string;
}

export class ListeBlancheTrustError extends Error {
  constructor(
    readonly code: 'format' | 'signature' | 'chain' | 'validity' | 'size',
    message: string,
  ) {
    super(message);
  }
}

/** The IGC-Santé certificates shipped with Vigie (root ACR-EL, intermediate ACI-EL-ORG). */
export function loadTrustAnchors(dir: string): TrustAnchors {
  const root = new X509Certificate(readFileSync(join(dir, 'ACR-EL.pem')));
  const intermediates = [new X509Certificate(readFileSync(join(dir, 'ACI-EL-ORG.pem')))];
  return { root, intermediates };
}

/** Finds the one Signature element that is a child of the root, as text (it declares its own namespace). */
function locateSignature(xml: string): { text: string; count: number } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let start = -1;
  let text = '';
  let count = 0;
  let doctype = false;
  parser.on('doctype', () => {
    doctype = true;
  });
  parser.on('opentagstart', () => {
    depth++;
  });
  parser.on('opentag', (tag) => {
    if (tag.uri === DSIG && tag.local === 'Signature') {
      count++;
      if (depth === 2 && start < 0) start = xml.lastIndexOf('<', parser.position - 1);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.uri === DSIG && tag.local === 'Signature' && depth === 2 && start >= 0 && !text) text = xml.slice(start, parser.position);
    depth--;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new ListeBlancheTrustError('format', `malformed XML: ${(e as Error).message}`);
  }
  if (doctype) throw new ListeBlancheTrustError('format', 'a DOCTYPE is not allowed in the liste blanche');
  return { text, count };
}

function pemOf(base64: string): string {
  const body =
    base64
      .replace(/\s+/g, '')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

function validAt(cert: X509Certificate, at: Date): boolean {
  return Date.parse(cert.validFrom) <= at.getTime() && at.getTime() <= Date.parse(cert.validTo);
}

/** Checks that `leaf` chains to the pinned root through the pinned intermediates, every link valid at `at`. */
export function verifyChain(leaf: X509Certificate, anchors: TrustAnchors, at: Date): string[] {
  const chain = [leaf];
  let current = leaf;
  for (let depth = 0; depth < 5; depth++) {
    if (current.fingerprint256 === anchors.root.fingerprint256) break;
    const issuer = [...anchors.intermediates, anchors.root].find((c) => current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer) {
      const namedLike = [...anchors.intermediates, anchors.root].some((c) => current.checkIssued(c));
      throw new ListeBlancheTrustError(
        'chain',
        namedLike
          ? `the certificate "${current.subject.replace(/\n/g, ', ')}" names an IGC-Santé issuer but was not signed by it`
          : `the certificate "${current.subject.replace(/\n/g, ', ')}" does not chain to IGC-Santé`,
      );
    }
    if (!issuer.ca) throw new ListeBlancheTrustError('chain', `the issuer "${issuer.subject}" is not a CA`);
    chain.push(issuer);
    current = issuer;
  }
  if (chain[chain.length - 1]!.fingerprint256 !== anchors.root.fingerprint256)
    throw new ListeBlancheTrustError('chain', 'the chain does not end at the pinned IGC-Santé root');
  if (!anchors.root.verify(anchors.root.publicKey)) throw new ListeBlancheTrustError('chain', 'the pinned root is not self-signed');
  for (const c of chain) {
    if (!validAt(c, at))
      throw new ListeBlancheTrustError(
        'validity',
        `the certificate "${c.subject.replace(/\n/g, ', ')}" was not valid on ${at.toISOString()} (valid ${c.validFrom} – ${c.validTo})`,
      );
  }
  if (leaf.ca) throw new ListeBlancheTrustError('chain', 'the signer certificate is a CA certificate');
  return chain.map((c) => c.subject.replace(/\n/g, ', '));
}

/** Verifies a liste blanche document and returns its signed content, or throws ListeBlancheTrustError. */
export function verifyListeBlanche(input: string | Buffer, anchors: TrustAnchors): VerifiedListeBlanche {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (bytes.length > MAX_LIST_BYTES) throw new ListeBlancheTrustError('size', `file too large (${bytes.length} bytes)`);
  const xml = bytes.toString('utf8');
  const { text: signatureXml, count } = locateSignature(xml);
  if (count === 0 || !signatureXml) throw new ListeBlancheTrustError('signature', 'the file is not signed (no XMLDSig Signature under the root element)');
  if (count > 1) throw new ListeBlancheTrustError('signature', `the file carries ${count} Signature elements; exactly one is expected`);

  let signerCert: X509Certificate | undefined;
  const sig = new FastSignedXml({
    getCertFromKeyInfo: (keyInfo) => {
      const certs = keyInfo ? Array.from((keyInfo as unknown as Element).getElementsByTagNameNS(DSIG, 'X509Certificate')) : [];
      if (certs.length !== 1) throw new ListeBlancheTrustError('signature', 'KeyInfo must carry exactly one X509Certificate');
      const pem = pemOf(certs[0]!.textContent ?? '');
      signerCert = new X509Certificate(pem);
      return pem;
    },
  });
  let ok = false;
  try {
    sig.loadSignature(signatureXml);
    ok = sig.checkSignature(xml);
  } catch (e) {
    if (e instanceof ListeBlancheTrustError) throw e;
    throw new ListeBlancheTrustError('signature', `signature check failed: ${(e as Error).message}`);
  }
  if (!ok || !signerCert) throw new ListeBlancheTrustError('signature', 'the signature does not match the content (the file was modified after signing)');
  const signed = sig.getSignedReferences();
  const refs = sig.getReferences();
  if (signed.length !== 1 || refs.length !== 1 || refs[0]!.uri !== '') {
    throw new ListeBlancheTrustError('signature', 'the signature must cover the whole document (one Reference with URI="")');
  }
  const parsed = (() => {
    try {
      return parseListeBlanche(signed[0]!);
    } catch (e) {
      throw new ListeBlancheTrustError('format', (e as Error).message);
    }
  })();
  const chain = verifyChain(signerCert, anchors, new Date(parsed.generatedAt));
  return {
    ...parsed,
    signer: signerCert.subject.replace(/\n/g, ', '),
    signerFingerprint256: signerCert.fingerprint256,
    chain,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
