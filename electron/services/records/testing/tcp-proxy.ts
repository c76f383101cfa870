/**
 * A TCP proxy in front of the test PostgreSQL server, so a test can take "the server" away and
 * bring it back on the same address in milliseconds: `stop` closes the port and cuts every
 * open connection (the client sees its connection reset, then refused), `start` listens again.
 * `hang` keeps every connection open but passes nothing on (a server or network that stops
 * answering without closing anything); `resume` passes bytes on again.
 */
import { createConnection, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** postgres://…@127.0.0.1:<proxy port>/… for a URL to the real server. */
  url(target: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  hang(): void;
  resume(): void;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let hung = false;
  const server = createServer((client) => {
    const upstream = createConnection({ host: targetHost, port: targetPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    // Bytes are passed on by hand (not piped) so that `hang` can swallow them.
    client.on('data', (bytes) => hung || upstream.write(bytes));
    upstream.on('data', (bytes) => hung || client.write(bytes));
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : port);
      });
    });
  const port = await listen(0);
  return {
    port,
    url(target) {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    async start() {
      await listen(port);
    },
    hang() {
      hung = true;
    },
    resume() {
      hung = false;
    },
  };
}
