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

export async function listen(port: number, host: string, tls: { cert: string; key: string } | undefined, onRequest: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listening> {
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
