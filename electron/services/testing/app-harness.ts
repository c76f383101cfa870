/**
 * The app's services on a temp data folder, as Electron and the preview wire them, with calls
 * through the real dispatch: real files, real PDFs. Tests swap single capabilities.
 */
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { Result } from '../../../core/result';
import type { Settings } from '../../../core/settings';
import { createDispatcher } from '../../ipc/dispatch';
import { createAppServices, type AppCapabilities } from '../app-services';
import type { LoadedPolicy } from '../policy';

export interface TestAppOptions {
  dataDir?: string;
  /** Where the save "dialog" puts files (default <dataDir>/saved). */
  saveDir?: string;
  cipher?: AppCapabilities['cipher'];
  openStore?: AppCapabilities['openStore'];
  printPdf?: AppCapabilities['printPdf'];
  /** The machine policy, as loaded (default: none). */
  policy?: LoadedPolicy;
}

/** Reverses the bytes: enough to prove nothing is written in plain text. */
export const reversingCipher: AppCapabilities['cipher'] = {
  encrypt: async (plain) => Buffer.from(plain, 'utf8').reverse(),
  decrypt: async (sealed) => Buffer.from(sealed).reverse().toString('utf8'),
};

export function confStore(dataDir: string): AppCapabilities['openStore'] {
  return () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', configFileMode: 0o600, projectName: 'clinic-test' });
}

export function startTestApp(options: TestAppOptions = {}) {
  const appRoot = join(import.meta.dirname, '..', '..', '..');
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'clinic-services-'));
  const saveDir = options.saveDir ?? join(dataDir, 'saved');
  const logs: string[] = [];
  const changed: Settings[] = [];
  const caps: AppCapabilities = {
    openStore: options.openStore ?? confStore(dataDir),
    rename: renameSync,
    cipher: options.cipher ?? reversingCipher,
    saveFile: async (name, data, _kind, write) => {
      const path = join(saveDir, name);
      await write(path, data);
      return { saved: true, path };
    },
    printPdf: options.printPdf ?? (async () => ({ printed: true })),
    settingsChanged: (settings) => changed.push(settings),
    operator: 'frontdesk1',
    now: () => new Date(2026, 10, 29, 9, 30),
    log: (line) => logs.push(line),
  };
  const services = createAppServices({ appRoot, dataDir, ...(options.policy === undefined ? {} : { policy: options.policy }) }, caps);
  const dispatch = createDispatcher(services.handlers, { middleware: [], log: (line) => logs.push(line) });
  const call = (channel: string, request?: unknown) => dispatch(channel, request, null) as Promise<Result<never>>;
  return { dataDir, saveDir, call, logs, changed, services };
}

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
