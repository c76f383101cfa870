/**
 * `npm run preview:browser [-- --port 5199 --data-dir <folder>]`: the built renderer in any
 * browser on 127.0.0.1, with window.clinic wired to the real main-process handlers.
 * A development and testing tool for machines without the Electron binary; never shipped.
 * `--app-root <folder>` (tests) reads templates/, resources/ and out/ from another folder.
 * `--policy <file>` uses that machine policy (the app reads its own from the fixed per-OS place).
 * When start-up fails it prints the app's start-up message to stderr and exits 2.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STARTUP_FAILURE_EXIT_CODE, runStartup, type StartupFailureCaps } from '../electron/services/startup-failure';
import { startPreviewServer } from './preview-bridge/server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5199' }, 'data-dir': { type: 'string' }, 'app-root': { type: 'string' }, policy: { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port: use a port number from 0 to 65535.');
  process.exit(2);
}
const appRoot = values['app-root'] ? resolve(values['app-root']) : resolve(import.meta.dirname, '..');
const givenDataDir = values['data-dir'] ? resolve(values['data-dir']) : null;
const onFailure: StartupFailureCaps = {
  showErrorBox: (title, message) => console.error(`${title}\n\n${message}`),
  releaseLock: () => undefined,
  quit: (code) => process.exit(code),
  log: (line) => console.error(line),
};
const started = await runStartup({ appRoot, dataDir: givenDataDir ?? tmpdir() }, onFailure, async () => {
  const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'clinic-preview-'));
  const policyFile = values.policy === undefined ? {} : { policyFile: resolve(values.policy) };
  return { dataDir, server: await startPreviewServer({ port, dataDir, appRoot, ...policyFile }) };
});
if (started === null) process.exit(STARTUP_FAILURE_EXIT_CODE);
const { server, dataDir } = started;
console.log(`Preview: ${server.url}`);
console.log(`Data folder: ${dataDir}`);
console.log('Press Ctrl+C to stop.');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
