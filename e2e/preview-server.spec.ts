/** The browser-preview server: loopback only, same-origin calls only, no path escapes. */
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreviewServer, type PreviewServer } from '../scripts/preview-bridge/server';
import { test, expect, repoRoot } from './fixtures';

let server: PreviewServer;
test.beforeAll(async () => {
  server = await startPreviewServer({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'clinic-preview-')), appRoot: repoRoot });
});
test.afterAll(async () => {
  await server.close();
});

/** A raw request, so Host and Origin headers are exactly what a hostile page could send. */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(server.url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

test('listens on 127.0.0.1 and serves the app with the bridge injected and a strict CSP', async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const page = await raw('/');
  expect(page.status).toBe(200);
  expect(page.body).toContain('<script src="/__clinic/bridge.js"></script>');
  expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
  expect(String(page.headers['content-security-policy'])).toContain("connect-src 'self'");
});

test('runs a call from its own origin through the real handlers', async () => {
  const origin = new URL(server.url).origin;
  const res = await raw('/__clinic/invoke/settings%3Aget', {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ request: null }),
  });
  expect(res.status).toBe(200);
  expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { settings: { clinic: { name: '' } } } });
});

test('refuses calls from other origins and other Host names (DNS rebinding)', async () => {
  const body = JSON.stringify({ request: null });
  const foreign = await raw('/__clinic/invoke/settings%3Aget', { method: 'POST', headers: { Origin: 'http://evil.test' }, body });
  expect(foreign.status).toBe(403);
  const noOrigin = await raw('/__clinic/invoke/settings%3Aget', { method: 'POST', body });
  expect(noOrigin.status).toBe(403);
  const rebound = await raw('/', { headers: { Host: 'evil.test' } });
  expect(rebound.status).toBe(403);
  // A request target that looks like another host must not make that host acceptable.
  const port = new URL(server.url).port;
  for (const path of [`//evil.test:${port}/index.html`, `//evil.test:${port}/__clinic/events`]) {
    const smuggled = await raw(path, { headers: { Host: `evil.test:${port}` } });
    expect(smuggled.status, path).toBe(403);
  }
});

test('does not serve files outside the renderer folder', async () => {
  for (const path of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/assets/..%5c..%5cpackage.json']) {
    const res = await raw(path);
    expect(res.status, path).toBe(404);
    expect(res.body).not.toContain('"name": "clinic-estimate-packet"');
  }
});

test('an event stream must name an event of the contract; with no page listening, an event reaches no one', async () => {
  for (const path of ['/__clinic/events', '/__clinic/events?event=shell%3Aexec']) {
    const refused = await raw(path);
    expect(refused.status, path).toBe(400);
  }
  expect(server.subscribers('privacy:os-locked')).toBe(0);
  expect(server.emit('privacy:os-locked', { reason: 'suspend' })).toBe(0);
});
