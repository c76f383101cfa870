/**
 * `npm run preview:browser [-- --port 5199 --data-dir <folder>]`: the built renderer in any
 * browser on 127.0.0.1, with window.clinic wired to the real main-process handlers.
 * A development and testing tool for machines without the Electron binary; never shipped.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPreviewServer } from './preview-bridge/server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5199' }, 'data-dir': { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port: use a port number from 0 to 65535.');
  process.exit(2);
}
const dataDir = values['data-dir'] ? resolve(values['data-dir']) : mkdtempSync(join(tmpdir(), 'clinic-preview-'));
const server = await startPreviewServer({ port, dataDir, appRoot: resolve(import.meta.dirname, '..') });
console.log(`Preview: ${server.url}`);
console.log(`Data folder: ${dataDir}`);
console.log('Press Ctrl+C to stop.');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
