/**
 * The draft cipher over safeStorage's asynchronous API, with a stand-in safeStorage (the
 * Electron binary is not needed, and importing the real package would try to download it).
 */
import { describe, expect, it, vi } from 'vitest';
import { safeStorageCipher, type AsyncSafeStorage } from './os-capabilities';

vi.mock('electron', () => ({ app: {}, BrowserWindow: vi.fn(), dialog: {}, safeStorage: {} }));

type Backend = ReturnType<AsyncSafeStorage['getSelectedStorageBackend']>;

function fakeStorage(options: { available: boolean; backend?: Backend }) {
  const storage = {
    isAsyncEncryptionAvailable: vi.fn(async () => options.available),
    encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`sealed:${plain}`, 'utf8')),
    decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ shouldReEncrypt: false, result: sealed.toString('utf8').replace(/^sealed:/, '') })),
    getSelectedStorageBackend: vi.fn((): Backend => {
      if (options.backend === undefined) throw new Error('getSelectedStorageBackend exists on Linux only');
      return options.backend;
    }),
  } satisfies AsyncSafeStorage;
  return storage;
}

describe('safeStorage cipher', () => {
  it('seals with encryptStringAsync when a real key store is there', async () => {
    const storage = fakeStorage({ available: true, backend: 'gnome_libsecret' });
    const sealed = await safeStorageCipher(storage, 'linux').encrypt('{"firstName":"Ada"}');
    expect(Buffer.from(sealed).toString('utf8')).toBe('sealed:{"firstName":"Ada"}');
    expect(storage.encryptStringAsync).toHaveBeenCalledWith('{"firstName":"Ada"}');
  });

  it('on Windows and macOS asks no Linux backend (the method exists on Linux only)', async () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const storage = fakeStorage({ available: true });
      await expect(safeStorageCipher(storage, platform).encrypt('x')).resolves.toBeInstanceOf(Uint8Array);
      expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
    }
  });

  it('refuses to seal when the async encryptor is unavailable', async () => {
    const storage = fakeStorage({ available: false, backend: 'kwallet6' });
    await expect(safeStorageCipher(storage, 'linux').encrypt('x')).rejects.toThrow('encryption unavailable');
    expect(storage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('on Linux, a fixed-key fallback ("basic_text") or an unknown backend counts as unavailable', async () => {
    for (const backend of ['basic_text', 'unknown'] as const) {
      const storage = fakeStorage({ available: true, backend });
      await expect(safeStorageCipher(storage, 'linux').encrypt('x')).rejects.toThrow('encryption unavailable');
      expect(storage.encryptStringAsync).not.toHaveBeenCalled();
    }
  });

  it('opens with decryptStringAsync (which also opens what the old encryptString sealed)', async () => {
    const storage = fakeStorage({ available: true, backend: 'kwallet5' });
    const text = await safeStorageCipher(storage, 'linux').decrypt(new Uint8Array(Buffer.from('sealed:{"lastName":"Lovelace"}')));
    expect(text).toBe('{"lastName":"Lovelace"}');
    expect(Buffer.isBuffer(storage.decryptStringAsync.mock.calls[0]?.[0])).toBe(true);
  });

  it('passes a failed decryption on (the draft store then reads no draft)', async () => {
    const storage = fakeStorage({ available: true, backend: 'gnome_libsecret' });
    storage.decryptStringAsync.mockRejectedValueOnce(new Error('Error while decrypting'));
    await expect(safeStorageCipher(storage, 'linux').decrypt(new Uint8Array([1, 2, 3]))).rejects.toThrow('Error while decrypting');
  });
});
