// xml-crypto, with the two lookups that make it slow on a 3.7 MB document replaced by direct DOM access.
//
// Profiling xml-crypto 6 on the liste blanche (≈ 50,000 elements) showed > 90 % of the time in the xpath
// package's node-set ordering (AVLTree.add): `//*` to find the element of `Reference URI=""`, `.//*[...Signature]`
// to find the loaded signature again in xml-crypto's own parse, and `.//comment()` to drop comments. Those three
// have exact DOM equivalents: the document element, getElementsByTagNameNS, and a walk that finds no comment.
// Canonicalisation, digests and the signature check stay xml-crypto's.
import { SignedXml } from 'xml-crypto';

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

function hasComment(root: DomNode): boolean {
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 8) return true;
    for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 || c.nodeType === 8) stack.push(c);
  }
  return false;
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

export class FastSignedXml extends SignedXml {
  /** Same contract as SignedXml's: returns the canonical signed bytes, or undefined with ref.validationError set. */
  validateReference(ref: Reference, doc: DomDocument): string | undefined {
    const self = this as unknown as Internals;
    const superValidate = (SignedXml.prototype as unknown as { validateReference(r: Reference, d: DomDocument): string | undefined }).validateReference;
    const root = doc.documentElement;
    if (ref.uri !== '' || !root || hasComment(root)) return superValidate.call(this, ref, doc);
    // URI="" is the whole document: its element is the document element, which has no ancestor namespaces.
    const canonXml = self.canonicalize(ref.transforms, root, { inclusiveNamespacesPrefixList: ref.inclusiveNamespacesPrefixList, ancestorNamespaces: [] }, { discardComments: false });
    const digest = self.findHashAlgorithm(ref.digestAlgorithm).getHash(canonXml);
    if (digest !== ref.digestValue) {
      ref.validationError = new Error(`invalid signature: calculated digest ${digest} differs from ${ref.digestValue}`);
      return undefined;
    }
    return canonXml;
  }

  findLoadedSignature(node: DomNode): DomNode | null {
    const self = this as unknown as Internals;
    const doc = (node.ownerDocument ?? node) as DomDocument;
    if (self.signatureNode == null || self.signatureNode.ownerDocument === doc) return self.signatureNode;
    const value = signatureValueOf(self.signatureNode);
    if (!value) return null;
    const matches = Array.from(doc.getElementsByTagNameNS(DSIG, 'Signature')).filter((s) => signatureValueOf(s) === value);
    if (matches.length > 1) throw new Error('several Signature elements carry the same SignatureValue (signature wrapping)');
    return matches[0] ?? null;
  }
}

const FAST_TRANSFORMS = new Set([
  'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
]);

/**
 * Canonicalises the whole document without the deep copy xml-crypto makes first. Used only on the document that
 * checkSignature() parsed for itself and throws away afterwards, and only for the usual transform chain
 * (enveloped-signature then a canonicalisation), so removing the Signature element in place changes nothing else.
 */
export class FasterSignedXml extends FastSignedXml {
  private privateRoot: DomNode | null = null;

  override validateReference(ref: Reference, doc: DomDocument): string | undefined {
    this.privateRoot = doc.documentElement;
    try {
      return super.validateReference(ref, doc);
    } finally {
      this.privateRoot = null;
    }
  }

  canonicalize(transforms: string[], node: DomNode, options: Record<string, unknown>, flags: { discardComments: boolean }): string {
    const upstream = (SignedXml.prototype as unknown as Internals).canonicalize;
    const last = transforms[transforms.length - 1];
    const fast = node === this.privateRoot && !flags.discardComments && transforms.every((t) => FAST_TRANSFORMS.has(t)) && last !== undefined && last !== 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
    if (!fast) return upstream.call(this, transforms, node, options, flags);
    const self = this as unknown as Internals & { findCanonicalizationAlgorithm(name: string): { process(n: unknown, o: object): unknown } };
    options.defaultNsForPrefix = options.defaultNsForPrefix ?? (SignedXml as unknown as { defaultNsForPrefix: object }).defaultNsForPrefix;
    options.signatureNode = this.findLoadedSignature(node);
    let transformed: unknown = node;
    for (const name of transforms) {
      if (typeof transformed === 'string') throw new Error('unexpected octet output before the last transform');
      transformed = self.findCanonicalizationAlgorithm(name).process(transformed, options);
    }
    return String(transformed);
  }
}
