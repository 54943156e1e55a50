// Test PKI: certificate authorities and signers made on the fly, and a signer of liste blanche documents, so that
// forged lists (self-signed look-alikes, fake CAs bearing IGC-Santé's names) can be built in the tests.
import { webcrypto, X509Certificate } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { SignedXml } from 'xml-crypto';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;

export interface TestIdentity {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  pem: string;
  privateKeyPem: string;
  node: X509Certificate;
}

async function finish(cert: x509.X509Certificate, keys: CryptoKeyPair): Promise<TestIdentity> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as unknown as webcrypto.CryptoKey));
  const privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END PRIVATE KEY-----\n`;
  const pem = cert.toString('pem');
  return { cert, keys, pem, privateKeyPem, node: new X509Certificate(pem) };
}

let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(2, '0');

export async function makeCa(subject: string, opts: { issuer?: TestIdentity; notBefore?: Date; notAfter?: Date } = {}): Promise<TestIdentity> {
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const common = {
    serialNumber: nextSerial(),
    notBefore: opts.notBefore ?? new Date('2013-06-25T00:00:00Z'),
    notAfter: opts.notAfter ?? new Date('2033-06-24T00:00:00Z'),
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 2, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  };
  const cert = opts.issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject,
        issuer: opts.issuer.cert.subject,
        publicKey: keys.publicKey,
        signingKey: opts.issuer.keys.privateKey,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: subject, keys });
  return finish(cert, keys);
}

export async function makeSigner(subject: string, issuer: TestIdentity | 'self', opts: { notBefore?: Date; notAfter?: Date } = {}): Promise<TestIdentity> {
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const common = {
    serialNumber: nextSerial(),
    notBefore: opts.notBefore ?? new Date('2023-08-23T13:54:23Z'),
    notAfter: opts.notAfter ?? new Date('2026-08-23T13:54:23Z'),
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    ],
  };
  const cert =
    issuer === 'self'
      ? await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: subject, keys })
      : await x509.X509CertificateGenerator.create({
          ...common,
          subject,
          issuer: issuer.cert.subject,
          publicKey: keys.publicKey,
          signingKey: issuer.keys.privateKey,
        });
  return finish(cert, keys);
}

/** The subject DNs of the real certificates, to build look-alikes bearing the same names. */
export const IGC_ROOT_DN = 'C=FR, O=ASIP-SANTE, OU=0002 187512751, OU=IGC-SANTE, CN=AC RACINE IGC-SANTE ELEMENTAIRE';
export const IGC_ORG_DN = 'C=FR, O=ASIP-SANTE, OU=0002 187512751, OU=IGC-SANTE, CN=AC IGC-SANTE ELEMENTAIRE ORGANISATIONS';
export const ALB_DN = 'C=FR, ST=Hauts-de-Seine (92), O=CAPGEMINI TECHNOLOGY SERVICES, OU=347976684200724, CN=alb.mssante.fr';

/** A small liste blanche document, unsigned. */
export function listeBlancheXml(domains: string[], generatedAt = '2025-02-28T15:42:07Z'): string {
  const entries = domains
    .map(
      (d) =>
        `<Domaine><Nom>${d}</Nom><Description>Domaine ${d}</Description><DNCertificatOperateur>CN=smtp.${d}</DNCertificatOperateur><ResponsableContact>01 00 00 00 00</ResponsableContact><SupportContact>01 00 00 00 00</SupportContact><DateMAJ>2024-01-01T00:00:00Z</DateMAJ></Domaine>`,
    )
    .join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?><ListeBlancheMSSante xmlns="https://listeblanche.mssante.fr/schema">\n  <DateDeGeneration>${generatedAt}</DateDeGeneration>\n  <ListeDomaines>\n    ${entries}\n  </ListeDomaines>\n</ListeBlancheMSSante>`;
}

/** Signs a document the way the real list is signed: enveloped, exc-c14n, rsa-sha256, the certificate in KeyInfo. */
export function signListeBlanche(xml: string, signer: TestIdentity): string {
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
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(xml, { location: { reference: '/*', action: 'append' } });
  return sig.getSignedXml();
}
