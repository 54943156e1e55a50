// xml-crypto, with the two lookups that make it slow on a 3.7 MB document replaced by direct DOM access.
//
// Profiling xml-crypto 6 on the liste blanche (≈ 50,000 elements) showed > 90 % of the time in the xpath
// package's node-set ordering (AVLTree.add): `//*` to find the element of `Reference URI=""`, `.//*[...Signature]`
// to find the loaded signature again in xml-crypto's own parse, `//*[local-name()='SignedInfo']` to find the
// namespaces SignedInfo inherits, and `.//comment()` to drop comments (a same-document reference is read without
// them). The first three have exact DOM equivalents: the document element, getElementsByTagNameNS (document order,
// any namespace for '*'). Dropping the comments needs no lookup at all: canonicalising without comments renders
// them as nothing, which is what a with-comments canonicalisation of the document without them gives. So a list that
// differs from the signed one only by comments, CDATA sections or character references (same canonical form)
// verifies, as fast as the plain one.
// Canonicalisation, digests and the signature check stay xml-crypto's.
import { SignedXml } from 'xml-crypto';
// xml-crypto's own helper for the namespaces a node inherits, the one its xpath-based lookup calls.
import { findAncestorNsForElement, findChildren } from 'xml-crypto/lib/utils';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

// Minimal DOM shapes used here (xml-crypto hands us @xmldom/xmldom nodes).
interface DomNode {
  nodeType: number;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  ownerDocument: DomDocument | null;
  textContent: string | null;
  getElementsByTagNameNS?(ns: string, name: string): ArrayLike<DomNode>;
}
interface DomDocument extends DomNode {
  documentElement: DomNode | null;
  getElementsByTagNameNS(ns: string, name: string): ArrayLike<DomNode>;
}
interface Reference {
  uri?: string;
  transforms: string[];
  digestAlgorithm: string;
  digestValue: string;
  inclusiveNamespacesPrefixList: string[];
  validationError?: Error;
}

function signatureValueOf(sig: DomNode): string | null | undefined {
  return sig.getElementsByTagNameNS?.(DSIG, 'SignatureValue')[0]?.textContent;
}

type Internals = {
  getCanonReferenceXml(doc: DomDocument, ref: Reference, node: DomNode): string;
  canonicalize(transforms: string[], node: DomNode, options: object, flags: { discardComments: boolean }): string;
  findHashAlgorithm(name: string): { getHash(xml: string): string };
  signatureNode: DomNode | null;
};

/** xml-crypto's SignedXml with the lookups above done through the DOM (see the file comment). */
export class FastSignedXml extends SignedXml {}

// validateReference, findLoadedSignature and canonicalize are private in xml-crypto's typings: they are replaced on
// the subclass's prototype, with the same contracts.
const fastProto = FastSignedXml.prototype as unknown as Record<string, unknown>;
const upstream = SignedXml.prototype as unknown as {
  validateReference(this: unknown, ref: Reference, doc: DomDocument): string | undefined;
  canonicalize(this: unknown, transforms: string[], node: DomNode, options: object, flags: { discardComments: boolean }): string;
};
type Self = Internals & {
  privateRoot?: DomNode | null;
  findLoadedSignature(node: DomNode): DomNode | null;
  findCanonicalizationAlgorithm(name: string): { process(n: unknown, o: object): unknown };
};

/** Same contract as SignedXml's: the canonical signed bytes, or undefined with ref.validationError set. */
fastProto.validateReference = function validateReference(this: Self, ref: Reference, doc: DomDocument): string | undefined {
  const root = doc.documentElement;
  if (ref.uri !== '' || !root) return upstream.validateReference.call(this, ref, doc);
  // URI="" is the whole document: its element is the document element, which has no ancestor namespaces.
  this.privateRoot = root;
  try {
    // A same-document reference is dereferenced without comments (XMLDSig 4.4.3.3), as xml-crypto does.
    const canonXml = this.canonicalize(
      ref.transforms,
      root,
      { inclusiveNamespacesPrefixList: ref.inclusiveNamespacesPrefixList, ancestorNamespaces: [] },
      { discardComments: true },
    );
    const digest = this.findHashAlgorithm(ref.digestAlgorithm).getHash(canonXml);
    if (digest !== ref.digestValue) {
      ref.validationError = new Error(`invalid signature: calculated digest ${digest} differs from ${ref.digestValue}`);
      return undefined;
    }
    return canonXml;
  } finally {
    this.privateRoot = null;
  }
};

fastProto.getCanonSignedInfoXml = function getCanonSignedInfoXml(
  this: Self & { canonicalizationAlgorithm?: string; getCanonXml(t: string[], n: DomNode, o: object): string },
  doc: DomDocument,
): string {
  if (this.signatureNode == null) throw new Error('No signature found.');
  if (typeof this.canonicalizationAlgorithm !== 'string') throw new Error('Missing canonicalizationAlgorithm when trying to get signed info for XML');
  const signedInfo = findChildren(this.signatureNode as unknown as Node, 'SignedInfo') as unknown as DomNode[];
  if (signedInfo.length !== 1) throw new Error('the signature must contain exactly one SignedInfo element');
  if (/REC-xml-c14n-20010315/.test(this.canonicalizationAlgorithm) && (!doc || typeof doc !== 'object'))
    throw new Error('non-exclusive canonicalisation needs the whole document');
  const first = doc.getElementsByTagNameNS('*', 'SignedInfo')[0];
  const ancestorNamespaces = first ? findAncestorNsForElement(first as unknown as Element) : [];
  return this.getCanonXml([this.canonicalizationAlgorithm], signedInfo[0]!, { ancestorNamespaces });
};

fastProto.findLoadedSignature = function findLoadedSignature(this: Self, node: DomNode): DomNode | null {
  const doc = (node.ownerDocument ?? node) as DomDocument;
  if (this.signatureNode == null || this.signatureNode.ownerDocument === doc) return this.signatureNode;
  const value = signatureValueOf(this.signatureNode);
  if (!value) return null;
  const matches = Array.from(doc.getElementsByTagNameNS(DSIG, 'Signature')).filter((s) => signatureValueOf(s) === value);
  if (matches.length > 1) throw new Error('several Signature elements carry the same SignatureValue (signature wrapping)');
  return matches[0] ?? null;
};

const FAST_TRANSFORMS = new Set([
  'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
]);

/** The canonicalisation that renders comments as nothing, for each one that keeps them. */
const WITHOUT_COMMENTS: Record<string, string> = {
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': 'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments': 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
};

/**
 * Canonicalises the whole document without the deep copy xml-crypto makes first. Only for the document element of
 * the document that checkSignature() parsed for itself and throws away afterwards, and only for the usual transform
 * chain (enveloped-signature then a canonicalisation), so removing the Signature element in place changes nothing
 * that is read later.
 */
fastProto.canonicalize = function canonicalize(
  this: Self,
  transforms: string[],
  node: DomNode,
  options: Record<string, unknown>,
  flags: { discardComments: boolean },
): string {
  const last = transforms[transforms.length - 1];
  const fast =
    node === this.privateRoot &&
    transforms.every((t) => FAST_TRANSFORMS.has(t)) &&
    last !== undefined &&
    last !== 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
  if (!fast) return upstream.canonicalize.call(this, transforms, node, options, flags);
  options.defaultNsForPrefix = options.defaultNsForPrefix ?? (SignedXml as unknown as { defaultNsForPrefix: object }).defaultNsForPrefix;
  options.signatureNode = this.findLoadedSignature(node);
  let transformed: unknown = node;
  for (const name of transforms) {
    if (typeof transformed === 'string') throw new Error('unexpected octet output before the last transform');
    transformed = this.findCanonicalizationAlgorithm((flags.discardComments && WITHOUT_COMMENTS[name]) || name).process(transformed, options);
  }
  return String(transformed);
};
