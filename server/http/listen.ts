// The listening socket: node:http, or node:https with the server's certificate, with the timeouts and header limits
// every instance uses.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function listen(
  port: number,
  host: string,
  tls: { cert: string; key: string } | undefined,
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Listening> {
  const options = { requestTimeout: 30_000, headersTimeout: 10_000 };
  const server: Server = tls ? createHttpsServer({ ...tls, ...options }, onRequest) : createHttpServer(options, onRequest);
  server.maxHeadersCount = 100;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeIdleConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The loopback addresses a server on `host` is reached at: the IPv6 loopback too when it listens on the IPv4 one
 * (the local certificate covers both, and browsers may try `[::1]` for localhost).
 */
export function loopbackPeers(host: string): string[] {
  return host === '127.0.0.1' || host === 'localhost' ? ['::1'] : [];
}

/** Listens on `host`, then on each of `extra` at the same port where the machine has it (no IPv6: skipped). */
export async function listenAll(
  port: number,
  host: string,
  extra: string[],
  tls: { cert: string; key: string } | undefined,
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
  log: (line: string) => void,
): Promise<Listening> {
  const first = await listen(port, host, tls, onRequest);
  const others: Listening[] = [];
  for (const h of extra) {
    try {
      others.push(await listen(first.port, h, tls, onRequest));
    } catch (e) {
      log(`listen: ${h} not served (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  return { ...first, close: async () => void (await Promise.all([first, ...others].map((l) => l.close()))) };
}
