/**
 * The browser preview's loopback server (development and testing only, never packaged):
 * serves the built renderer, injects the bridge script, and runs each `window.clinic` call
 * through the same dispatch and handlers as Electron's ipcMain.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isEventName, type EventName, type Events } from '../../core/ipc/contract';
import { CONTENT_SECURITY_POLICY, contentTypeFor, safeRelativePath } from '../../electron/main/security-policy';
import { createAppServices } from '../../electron/services/app-services';
import { createWorkerPacketRenderer } from '../../electron/services/packet-worker/worker-packet-renderer';
import { loadGivenPolicy } from '../../electron/services/policy';
import { createDispatcher, requireTrustedSender } from '../../electron/ipc/dispatch';
import { previewCapabilities } from './preview-capabilities';

export interface PreviewOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  /** Folder with templates/, resources/ and out/. */
  appRoot: string;
  /** A machine policy file to use (--policy), as the app uses the one at the fixed place; a bad or missing one fails start-up. */
  policyFile?: string;
  /** Make packets in the server's own thread instead of the packet worker (the benchmark's "before"). */
  packetsInThisThread?: boolean;
}

export interface PreviewServer {
  url: string;
  /**
   * Push an event to the pages listening for it, as Electron's main process does (tests: the
   * OS locking the screen). Returns how many event streams it reached.
   */
  emit<E extends EventName>(event: E, payload: Events[E]): number;
  /** How many event streams listen for `event` now (a test waits for the page to subscribe). */
  subscribers(event: EventName): number;
  close(): Promise<void>;
}

const PREVIEW_CSP = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'");
const MAX_BODY_BYTES = 4 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': PREVIEW_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const rendererDir = join(options.appRoot, 'out', 'renderer');
  const bridgeFile = join(options.appRoot, 'out', 'preview-bridge', 'bridge.js');
  /** Each open event stream, with the one event it asked for. */
  const listeners = new Map<ServerResponse, EventName>();
  const listening = (event: EventName): ServerResponse[] => [...listeners].filter(([, wanted]) => wanted === event).map(([stream]) => stream);
  const emit = <E extends EventName>(event: E, payload: Events[E]): number => {
    const streams = listening(event);
    for (const stream of streams) stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    return streams.length;
  };
  const policy = options.policyFile === undefined ? undefined : await loadGivenPolicy(options.policyFile);
  const services = createAppServices(
    { appRoot: options.appRoot, dataDir: options.dataDir, ...(policy === undefined ? {} : { policy }) },
    {
      ...previewCapabilities(options.dataDir, (settings) => emit('settings:changed', settings)),
      // Packets are made in the packet worker, as in the app (here from its TypeScript source).
      ...(options.packetsInThisThread === true ? {} : { packetRenderer: (fontsDir: string) => createWorkerPacketRenderer({ fontsDir, log: (line) => console.error(line) }) }),
    },
  );
  let origin = '';
  // The same sender check as the app's: only our own page (its Origin) may call.
  const dispatch = createDispatcher(services.handlers, {
    middleware: [requireTrustedSender((sender) => sender !== null && sender.isTopFrame && sender.url === origin)],
    log: (line) => console.error(line),
  });

  const server = createServer((request, response) => {
    void (async () => {
      // The path is read against our own origin: "//other-host/..." stays a path here.
      const url = new URL(`${origin}${(request.url ?? '/').startsWith('/') ? '' : '/'}${request.url ?? '/'}`);
      // Only this page may call: our own Host (no DNS rebinding), our own Origin on POST.
      if (request.headers.host !== new URL(origin).host || url.origin !== origin) return send(response, 403, 'text/plain', 'Forbidden');
      if (url.pathname.startsWith('/__clinic/invoke/')) {
        if (request.method !== 'POST' || request.headers.origin !== origin) return send(response, 403, 'text/plain', 'Forbidden');
        const channel = decodeURIComponent(url.pathname.slice('/__clinic/invoke/'.length));
        let payload: unknown;
        try {
          payload = (JSON.parse(await readBody(request)) as { request?: unknown }).request ?? undefined;
        } catch {
          return send(response, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid-input', message: 'Bad request.', issues: [] } }));
        }
        const result = await dispatch(channel, payload, { url: request.headers.origin, isTopFrame: true });
        return send(response, 200, 'application/json', JSON.stringify(result));
      }
      if (url.pathname === '/__clinic/events') {
        const event = url.searchParams.get('event');
        if (!isEventName(event)) return send(response, 400, 'text/plain', 'Unknown event');
        response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
        response.write(': connected\n\n');
        listeners.set(response, event);
        request.on('close', () => listeners.delete(response));
        return undefined;
      }
      if (url.pathname === '/__clinic/bridge.js') {
        return send(response, 200, contentTypeFor('bridge.js'), await readFile(bridgeFile));
      }
      const file = safeRelativePath(url.pathname);
      if (file === null) return send(response, 404, 'text/plain', 'Not found');
      try {
        const body = await readFile(join(rendererDir, file));
        if (file === 'index.html') {
          const html = body.toString('utf8').replace('<head>', '<head>\n    <script src="/__clinic/bridge.js"></script>');
          return send(response, 200, contentTypeFor(file), html);
        }
        return send(response, 200, contentTypeFor(file), body);
      } catch {
        return send(response, 404, 'text/plain', 'Not found');
      }
    })().catch(() => send(response, 500, 'text/plain', 'Preview server error'));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    emit,
    subscribers: (event) => listening(event).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const listener of listeners.keys()) listener.end();
        server.close(() => void services.close().then(resolve));
        server.closeAllConnections();
      }),
  };
}
