// HTTPS for local use: a self-signed certificate for localhost (127.0.0.1, ::1), made on first start with
// @peculiar/x509 and kept under the server's home folder (outside the repository), with how to trust it.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerConfigError, type ServerConfig } from './config';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface LocalCertificate {
  cert: string;
  key: string;
  certFile: string;
  created: boolean;
  fingerprint256: string;
  validTo: string;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** Reads the localhost certificate from `dir`, or makes one (valid 825 days, the most browsers accept) when missing or expiring within 30 days. */
export async function localCertificate(dir: string): Promise<LocalCertificate> {
  const certFile = join(dir, 'localhost.crt');
  const keyFile = join(dir, 'localhost.key');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    const parsed = new X509Certificate(cert);
    if (Date.parse(parsed.validTo) - Date.now() > 30 * 86400_000) {
      return { cert, key: readFileSync(keyFile, 'utf8'), certFile, created: false, fingerprint256: parsed.fingerprint256, validTo: parsed.validTo };
    }
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const notBefore = new Date(Date.now() - 60_000);
  const created = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: webcrypto.getRandomValues(new Uint8Array(8)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '01'),
    name: 'CN=localhost, O=Vigie MSSante (local)',
    notBefore,
    notAfter: new Date(notBefore.getTime() + 825 * 86400_000),
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as unknown as webcrypto.CryptoKey));
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END PRIVATE KEY-----\n`;
  const cert = created.toString('pem');
  writeFileSync(keyFile, key, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, cert);
  const parsed = new X509Certificate(cert);
  return { cert, key, certFile, created: true, fingerprint256: parsed.fingerprint256, validTo: parsed.validTo };
}

/**
 * The certificate and key the server listens with: the configured PEM files, the localhost certificate (made on
 * first start), or none (plain HTTP). A missing or unreadable file stops the start before anything else runs.
 */
export async function tlsMaterialOf(config: ServerConfig): Promise<{ material?: { cert: string; key: string }; local?: LocalCertificate }> {
  if (config.tls.mode === 'files') {
    try {
      return { material: { cert: readFileSync(config.tls.certFile!, 'utf8'), key: readFileSync(config.tls.keyFile!, 'utf8') } };
    } catch (e) {
      throw new ServerConfigError([{ path: '/tls', message: `cannot read the certificate or key: ${(e as Error).message}` }]);
    }
  }
  if (config.tls.mode === 'self-signed') {
    const local = await localCertificate(join(config.home, 'tls'));
    return { material: { cert: local.cert, key: local.key }, local };
  }
  return {};
}

/** How to trust the certificate on each system, for sideloading the add-in and loading the extensions. */
export function trustInstructions(certFile: string): string[] {
  return [
    `Certificat HTTPS local / local HTTPS certificate: ${certFile}`,
    '  Pour le faire reconnaître (Outlook, navigateurs) / to trust it (Outlook, browsers):',
    `    Windows : certutil -user -addstore Root "${certFile}"`,
    `    macOS   : security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${certFile}"`,
    `    Linux   : sudo cp "${certFile}" /usr/local/share/ca-certificates/vigie-localhost.crt && sudo update-ca-certificates`,
    '    Firefox / Thunderbird : Paramètres › Certificats › Autorités › Importer / Settings › Certificates › Authorities › Import',
  ];
}
