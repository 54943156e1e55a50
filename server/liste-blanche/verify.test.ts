import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { verifyListeBlanche, verifyChain, loadTrustAnchors, ListeBlancheTrustError, type TrustAnchors } from './verify';
import { SignedXml } from 'xml-crypto';
import { FastSignedXml } from './signed-xml';
import { makeCa, makeSigner, signListeBlanche, listeBlancheXml, IGC_ORG_DN, IGC_ROOT_DN, ALB_DN, type TestIdentity } from '../../test/support/pki';
import { equalMeaningListeBlanche } from '../../test/support/equal-meaning-list';

const root = join(__dirname, '../..');
const REAL = readFileSync(join(root, 'data/liste-blanche/listeblanchemssante-2025-02-28.xml'));
const anchors = loadTrustAnchors(join(root, 'data/igc-sante'));

function refusal(fn: () => unknown): ListeBlancheTrustError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ListeBlancheTrustError);
    return e as ListeBlancheTrustError;
  }
  throw new Error('the list was accepted');
}

describe('the real liste blanche (2025-02-28)', () => {
  const v = verifyListeBlanche(REAL, anchors);

  it('verifies: signature by alb.mssante.fr, chained to the IGC-Santé root', () => {
    expect(v.signer).toContain('CN=alb.mssante.fr');
    expect(v.chain).toHaveLength(3);
    expect(v.chain[2]).toContain('AC RACINE IGC-SANTE ELEMENTAIRE');
    expect(v.generatedAt).toBe('2025-02-28T15:42:07Z');
  });

  it('loads its 6,494 entries and 4,944 distinct domains, exact names only', () => {
    expect(v.entries).toHaveLength(6494);
    expect(v.domains).toHaveLength(4944);
    const set = new Set(v.domains);
    for (const d of ['medecin.mssante.fr', 'mssante.apicrypt.org', 'patient.mssante.fr', 'interop-mssante.apicrypt.org']) expect(set.has(d)).toBe(true);
    expect(set.has('mssante.fr')).toBe(false);
    expect(v.rejected).toEqual([]);
  });

  it('refuses it when a single domain is changed after signing', () => {
    const tampered = REAL.toString('utf8').replace('<Nom>zenidoc.mssante.fr</Nom>', '<Nom>zenidoc.mssante.com</Nom>');
    expect(refusal(() => verifyListeBlanche(tampered, anchors)).code).toBe('signature');
  });

  it('refuses it when a domain is added or the generation date is moved', () => {
    const added = REAL.toString('utf8').replace('<ListeDomaines>', '<ListeDomaines><Domaine><Nom>evil.mssante.fr</Nom></Domaine>');
    expect(refusal(() => verifyListeBlanche(added, anchors)).code).toBe('signature');
    const redated = REAL.toString('utf8').replace('2025-02-28T15:42:07Z', '2026-11-28T15:42:07Z');
    expect(refusal(() => verifyListeBlanche(redated, anchors)).code).toBe('signature');
  });

  it('refuses it without its signature, with a second signature, or with a DOCTYPE', () => {
    const text = REAL.toString('utf8');
    const sigStart = text.indexOf('<Signature');
    const sigEnd = text.indexOf('</Signature>') + '</Signature>'.length;
    const unsigned = text.slice(0, sigStart) + text.slice(sigEnd);
    expect(refusal(() => verifyListeBlanche(unsigned, anchors)).message).toMatch(/not signed/);
    const twice = text.slice(0, sigEnd) + text.slice(sigStart, sigEnd) + text.slice(sigEnd);
    expect(refusal(() => verifyListeBlanche(twice, anchors)).message).toMatch(/2 Signature/);
    const doctype = text.replace('<ListeBlancheMSSante', '<!DOCTYPE x [<!ENTITY e "evil.mssante.fr">]><ListeBlancheMSSante');
    expect(refusal(() => verifyListeBlanche(doctype, anchors)).code).toBe('format');
  });

  it('refuses what is not XML at all, with a clear reason', () => {
    expect(refusal(() => verifyListeBlanche('<html><body>502 Bad Gateway', anchors)).code).toBe('format');
    expect(refusal(() => verifyListeBlanche('', anchors)).code).toMatch(/format|signature/);
  });

  it('judges certificates at the generation date: the same signer is refused for a date after it expired', () => {
    const signerPem = REAL.toString('utf8')
      .match(/<X509Certificate>([\s\S]*?)<\/X509Certificate>/)![1]!
      .replace(/&#13;|\s/g, '');
    const signer = new X509Certificate(Buffer.from(signerPem, 'base64'));
    expect(verifyChain(signer, anchors, new Date('2025-02-28T15:42:07Z'))).toHaveLength(3);
    const e = refusal(() => verifyChain(signer, anchors, new Date('2026-11-28T00:00:00Z')));
    expect(e.code).toBe('validity');
  });
});

describe('forged lists', () => {
  const domains = ['medecin.mssante.fr', 'evil.mssante.fr', 'patient.mssante.fr'];
  let testRoot: TestIdentity;
  let testOrg: TestIdentity;
  let testAnchors: TrustAnchors;

  beforeAll(async () => {
    testRoot = await makeCa('CN=Vigie Test Root');
    testOrg = await makeCa('CN=Vigie Test Org CA', { issuer: testRoot });
    testAnchors = { root: testRoot.node, intermediates: [testOrg.node] };
  }, 60_000);

  it('a list signed through a pinned chain verifies (the signing in these tests is sound)', async () => {
    const signer = await makeSigner('CN=alb.test', testOrg);
    const v = verifyListeBlanche(signListeBlanche(listeBlancheXml(domains), signer), testAnchors);
    expect(v.domains).toEqual([...domains].sort());
  });

  it('refuses a self-signed certificate bearing the real signer’s name', async () => {
    const fake = await makeSigner(ALB_DN, 'self');
    const e = refusal(() => verifyListeBlanche(signListeBlanche(listeBlancheXml(domains), fake), anchors));
    expect(e.code).toBe('chain');
  });

  it('refuses a fake CA bearing IGC-Santé’s names', async () => {
    const fakeRoot = await makeCa(IGC_ROOT_DN);
    const fakeOrg = await makeCa(IGC_ORG_DN, { issuer: fakeRoot });
    const signer = await makeSigner(ALB_DN, fakeOrg);
    const e = refusal(() => verifyListeBlanche(signListeBlanche(listeBlancheXml(domains), signer), anchors));
    expect(e.code).toBe('chain');
    expect(e.message).toMatch(/names an IGC-Santé issuer but was not signed by it/);
  });

  it('refuses a signer that was not valid on the generation date', async () => {
    const expired = await makeSigner('CN=alb.test', testOrg, { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
    const e = refusal(() => verifyListeBlanche(signListeBlanche(listeBlancheXml(domains), expired), testAnchors));
    expect(e.code).toBe('validity');
  });

  it('refuses a list signed by a CA certificate', async () => {
    const e = refusal(() => verifyListeBlanche(signListeBlanche(listeBlancheXml(domains), testOrg), testAnchors));
    expect(e.code).toBe('chain');
  });

  it('refuses a signed list whose content was edited afterwards', async () => {
    const signer = await makeSigner('CN=alb.test', testOrg);
    const signed = signListeBlanche(listeBlancheXml(domains), signer).replace('evil.mssante.fr', 'evil.mssante.fx');
    expect(refusal(() => verifyListeBlanche(signed, testAnchors)).code).toBe('signature');
  });
});

describe('equal-meaning lists (comments, CDATA, character references): same canonical form, same verdict', () => {
  const real = REAL.toString('utf8');
  const plain = verifyListeBlanche(REAL, anchors);

  it('the real list rewritten with comments, CDATA and character references still verifies, with the same entries', () => {
    const rewritten = equalMeaningListeBlanche(real);
    expect(rewritten).toContain('<![CDATA[1001-services.mssante.fr]]>');
    expect(rewritten).toContain('&#x2E;mssante&#x2E;fr');
    const v = verifyListeBlanche(rewritten, anchors);
    expect(v.signer).toBe(plain.signer);
    expect(v.domains).toEqual(plain.domains);
    expect(v.entries).toEqual(plain.entries);
  });

  it('a domain commented out in the file is not on the list (only the signed content is read)', () => {
    const hidden = real.replace('<ListeDomaines>', '<ListeDomaines><!-- <Domaine><Nom>evil.mssante.fr</Nom></Domaine> -->');
    const v = verifyListeBlanche(hidden, anchors);
    expect(v.domains).not.toContain('evil.mssante.fr');
    expect(v.domains).toHaveLength(4944);
  });

  it('tampering still fails when written in CDATA or as a character reference', () => {
    const rewritten = equalMeaningListeBlanche(real);
    const inCdata = rewritten.replace('<![CDATA[1001-services.mssante.fr]]>', '<![CDATA[1001-services.mssante.fx]]>');
    expect(refusal(() => verifyListeBlanche(inCdata, anchors)).code).toBe('signature');
    // `&#x78;` is "x": the name reads zenidoc.mssante.fx once resolved.
    const byReference = real.replace('<Nom>zenidoc.mssante.fr</Nom>', '<Nom>zenidoc.mssante.f&#x78;</Nom>');
    expect(refusal(() => verifyListeBlanche(byReference, anchors)).code).toBe('signature');
    const commentedOut = real.replace('<Nom>zenidoc.mssante.fr</Nom>', '<Nom>zenidoc<!--.mssante-->.fr</Nom>');
    expect(refusal(() => verifyListeBlanche(commentedOut, anchors)).code).toBe('signature');
  });

  describe('re-signed through a test chain', () => {
    const domains = ['medecin.mssante.fr', 'ch-exemple.mssante.fr', 'patient.mssante.fr'];
    let testAnchors: TrustAnchors;
    let signer: TestIdentity;

    beforeAll(async () => {
      const testRoot = await makeCa('CN=Vigie Test Root');
      const testOrg = await makeCa('CN=Vigie Test Org CA', { issuer: testRoot });
      testAnchors = { root: testRoot.node, intermediates: [testOrg.node] };
      signer = await makeSigner('CN=alb.test', testOrg);
    }, 60_000);

    it('a list signed as written with comments, CDATA and references verifies, and reads as the plain one', () => {
      const plainList = listeBlancheXml(domains);
      const written = equalMeaningListeBlanche(`${plainList.replace('</ListeBlancheMSSante>', '')}<Signature/></ListeBlancheMSSante>`).replace(
        '<Signature/>',
        '',
      );
      expect(written).toContain('<![CDATA[');
      const v = verifyListeBlanche(signListeBlanche(written, signer), testAnchors);
      expect(v.domains).toEqual(verifyListeBlanche(signListeBlanche(plainList, signer), testAnchors).domains);
    });

    it('a plain signed list decorated afterwards verifies; our canonical bytes are exactly xml-crypto’s own', () => {
      const decorated = equalMeaningListeBlanche(signListeBlanche(listeBlancheXml(domains), signer));
      const ours = new FastSignedXml({ getCertFromKeyInfo: SignedXml.getCertFromKeyInfo });
      const stock = new SignedXml({ getCertFromKeyInfo: SignedXml.getCertFromKeyInfo });
      const sigXml = decorated.slice(decorated.indexOf('<Signature'), decorated.indexOf('</Signature>') + '</Signature>'.length);
      ours.loadSignature(sigXml);
      stock.loadSignature(sigXml);
      expect(ours.checkSignature(decorated)).toBe(true);
      expect(stock.checkSignature(decorated)).toBe(true);
      expect(ours.getSignedReferences()).toEqual(stock.getSignedReferences());
      expect(verifyListeBlanche(decorated, testAnchors).domains).toEqual([...domains].sort());
    });

    it('a list signed with comments kept (WithComments) still drops them for URI="", as XMLDSig says', () => {
      const sig = new SignedXml({
        privateKey: signer.privateKeyPem,
        publicCert: signer.pem,
        signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
        canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
      });
      sig.addReference({
        xpath: '/*',
        uri: '',
        isEmptyUri: true,
        transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments'],
        digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      });
      sig.computeSignature(listeBlancheXml(domains), { location: { reference: '/*', action: 'append' } });
      const decorated = equalMeaningListeBlanche(sig.getSignedXml());
      expect(verifyListeBlanche(decorated, testAnchors).domains).toEqual([...domains].sort());
      const tampered = decorated.replace('<![CDATA[medecin.mssante.fr]]>', '<![CDATA[medecin.mssante.fx]]>');
      expect(refusal(() => verifyListeBlanche(tampered, testAnchors)).code).toBe('signature');
    });
  });
});
