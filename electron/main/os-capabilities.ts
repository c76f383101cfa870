/**
 * The Electron-only capabilities the services receive: the save dialog, printing a PDF,
 * and encryption with the key held by the operating system (safeStorage).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, app, dialog, safeStorage, type SafeStorage } from 'electron';
import type { Cipher } from '../services/draft-store';
import { writeFileAtomic } from '../services/atomic-write';
import { freeFileName } from '../services/free-file-name';
import type { SaveDialog } from '../ipc/save-outcome';

const FILTERS = {
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  config: [{ name: 'Clinic configuration', extensions: ['json'] }],
  'clinic-key': [{ name: 'Clinic key', extensions: ['key'] }],
};
const TITLES = { pdf: 'Save the patient packet', config: 'Save the clinic configuration', 'clinic-key': 'Save the clinic key file (keep it safe)' };

export function makeSaveFile(getWindow: () => BrowserWindow | null): SaveDialog {
  return async (suggestedName, data, kind, write) => {
    // A name no file there has yet: busy staff click Replace, and the first packet would be lost.
    const folder = app.getPath('documents');
    const options = {
      title: TITLES[kind],
      defaultPath: join(folder, freeFileName(suggestedName, (name) => existsSync(join(folder, name)))),
      filters: FILTERS[kind],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const window = getWindow();
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    await write(choice.filePath, data);
    return { saved: true, path: choice.filePath };
  };
}

/**
 * Opens the system print dialog for a PDF: a hidden, sandboxed window shows it in the
 * built-in PDF viewer (printing from it works since Electron 30), then the temp file goes.
 */
/** Print files live here only while printing; anything left by a crash goes at start-up. */
export function printFolder(): string {
  return join(app.getPath('userData'), 'printing');
}

export async function clearPrintFolder(): Promise<void> {
  await rm(printFolder(), { recursive: true, force: true });
}

export async function printPdf(pdf: Uint8Array): Promise<{ printed: boolean }> {
  const file = join(printFolder(), `packet-${randomBytes(8).toString('hex')}.pdf`);
  await writeFileAtomic(file, pdf, 0o600);
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false, plugins: true, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await window.loadFile(file);
    return await new Promise((resolve) => {
      window.webContents.print({ silent: false, printBackground: true }, (success) => resolve({ printed: success }));
    });
  } finally {
    if (!window.isDestroyed()) window.destroy();
    await rm(file, { force: true });
  }
}

/** The parts of Electron's safeStorage the draft cipher uses (a stand-in in tests). */
export type AsyncSafeStorage = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/**
 * safeStorage's asynchronous API when the OS offers a real key store (DPAPI, Keychain,
 * libsecret, KWallet); refuses to store otherwise. On Linux without a keyring Electron falls
 * back to a fixed key (backend "basic_text"; "unknown" before the app is ready), which only
 * obscures: that counts as unavailable.
 *
 * Drafts sealed by earlier versions with the synchronous encryptString still open: Electron
 * documents that "data encrypted with safeStorage.encryptString can be decrypted with
 * safeStorage.decryptStringAsync" (electron.d.ts 45, decryptString; safeStorage docs,
 * https://www.electronjs.org/docs/latest/api/safe-storage). `shouldReEncrypt` (key rotated)
 * needs nothing here: the draft is sealed afresh on its next save and deleted once issued.
 */
export function safeStorageCipher(storage: AsyncSafeStorage, platform: NodeJS.Platform): Cipher {
  return {
    async encrypt(plain) {
      const available = await storage.isAsyncEncryptionAvailable();
      const weakLinuxBackend = platform === 'linux' && ['basic_text', 'unknown'].includes(storage.getSelectedStorageBackend());
      if (!available || weakLinuxBackend) throw new Error('encryption unavailable');
      return storage.encryptStringAsync(plain);
    },
    async decrypt(sealed) {
      const { result } = await storage.decryptStringAsync(Buffer.from(sealed));
      return result;
    },
  };
}

export const osCipher: Cipher = safeStorageCipher(safeStorage, process.platform);
