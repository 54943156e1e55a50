// What the server tests share: a server on a loopback port with its own home folder and test PKI, a local HTTPS
// "official list" server whose certificate comes from a test CA, and raw HTTP for requests fetch() would tidy up.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { parseServerConfig, type ServerConfig } from '../../server/config';
import { startServer, type ServerHooks, type VigieServer } from '../../server/app';
import { makeCa, makeSigner, signListeBlanche, listeBlancheXml, type TestIdentity } from '../support/pki';

export interface TestPki {
  signer: TestIdentity;
  anchors: NonNullable<ServerHooks['trustAnchors']>;
  /** Signs a small list generated at `date`. */
  list(domains: string[], date: string): string;
}

export async function testPki(): Promise<TestPki> {
  const root = await makeCa('CN=Server Test Root');
  const org = await makeCa('CN=Server Test Org', { issuer: root });
  const signer = await makeSigner('CN=alb.server.test', org, { notAfter: new Date('2031-01-01') });
  return { signer, anchors: { root: root.node, intermediates: [org.node] }, list: (domains, date) => signListeBlanche(listeBlancheXml(domains, date), signer) };
}

const made: string[] = [];

/** A fresh folder under the system temp folder, removed by `removeTempDirs()`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `vigie-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export async function startTestServer(
  overrides: Record<string, unknown> = {},
  hooks: ServerHooks = {},
): Promise<{ server: VigieServer; config: ServerConfig; logs: string[] }> {
  const logs: string[] = [];
  const config = parseServerConfig(
    { port: 0, tls: { mode: 'off' }, home: tempDir('home'), di: { mode: 'demo' }, directory: { syntheticCount: 3000 }, ...overrides },
    { env: { ESANTE_API_KEY: 'the-api-key' } },
  );
  const server = await startServer(config, { log: (l) => logs.push(l), ...hooks });
  await server.directoryReady;
  return { server, config, logs };
}

/** A TLS server certificate for 127.0.0.1 issued by a fresh test CA. */
export async function tlsIdentity(): Promise<{ caPem: string; cert: string; key: string }> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const caKeys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=List Server Test CA',
    notBefore: new Date(Date.now() - 86400_000),
    notAfter: new Date(Date.now() + 86400_000 * 30),
    signingAlgorithm: alg,
    keys: caKeys,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
  });
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: 'CN=127.0.0.1',
    issuer: ca.subject,
    notBefore: new Date(Date.now() - 86400_000),
    notAfter: new Date(Date.now() + 86400_000 * 30),
    signingAlgorithm: alg,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.0.1' }]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as unknown as webcrypto.CryptoKey));
  return {
    caPem: ca.toString('pem'),
    cert: leaf.toString('pem'),
    key: `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64')}\n-----END PRIVATE KEY-----\n`,
  };
}

/** An HTTPS server standing in for the official list server; `body` is what it serves now. */
export async function startListServer(identity: {
  cert: string;
  key: string;
}): Promise<{ url: string; set(body: string | null, status?: number): void; hits: number; close(): Promise<void> }> {
  let body: string | null = null;
  let status = 200;
  const state = {
    url: '',
    hits: 0,
    set(b: string | null, s = 200) {
      body = b;
      status = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer({ cert: identity.cert, key: identity.key }, (_req, res) => {
    state.hits++;
    res.writeHead(body === null ? 404 : status, { 'content-type': 'application/xml' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/listeblanchemssante.xml`;
  return state;
}

/** Sends bytes as they are on a fresh connection and returns the status line's code (0 when the server closed without a reply). */
export function rawRequest(url: string, raw: string | Buffer, timeoutMs = 10_000): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer'));
    }, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 0, text });
    });
    socket.write(raw);
    socket.end();
  });
}
