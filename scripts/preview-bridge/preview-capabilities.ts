/**
 * Stand-ins for the OS capabilities in the browser preview: a save "dialog" that writes into
 * <dataDir>/saved/, a "printer" that writes into <dataDir>/printed/, and a key store whose key
 * is kept in <dataDir>/.preview-keychain, so what it sealed opens again when the preview is
 * started on the same data folder (as the OS key store does for an app restarted).
 * Real files, real PDFs, real settings: only the dialogs and the OS keychain are replaced.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { AppCapabilities } from '../../electron/services/app-services';
import { writeFileAtomic } from '../../electron/services/atomic-write';
import type { Cipher } from '../../electron/services/draft-store';
import { freeFileName } from '../../electron/services/free-file-name';

/** The stand-in key store's key: made once per data folder, kept beside it (the preview is never shipped). */
function previewKeychainKey(dataDir: string): Buffer {
  const file = join(dataDir, '.preview-keychain');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    } catch {
      // Made meanwhile by another preview on the same folder: its key is read below.
    }
  }
  return readFileSync(file);
}

/** AES-256-GCM with the data folder's stand-in key-store key. */
export function previewKeychainCipher(dataDir: string): Cipher {
  const key = previewKeychainKey(dataDir);
  return {
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(sealed) {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

export function previewCapabilities(dataDir: string, settingsChanged: AppCapabilities['settingsChanged']): AppCapabilities {
  return {
    openStore: () =>
      new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', configFileMode: 0o600, projectName: 'clinic-preview' }),
    rename: renameSync,
    cipher: previewKeychainCipher(dataDir),
    saveFile: async (suggestedName, data, _kind, write) => {
      // Like the app's save dialog, never over an earlier packet: the same patient twice a day gets -2.
      const folder = join(dataDir, 'saved');
      const path = join(folder, freeFileName(suggestedName, (name) => existsSync(join(folder, name))));
      await write(path, data);
      return { saved: true, path };
    },
    printPdf: async (pdf, fileName) => {
      await writeFileAtomic(join(dataDir, 'printed', fileName), pdf, 0o600);
      return { printed: true };
    },
    settingsChanged,
    operator: 'preview',
  };
}
