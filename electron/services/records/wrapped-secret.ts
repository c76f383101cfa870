/**
 * A small secret kept in the data folder wrapped by the OS key store (the Cipher: Electron
 * safeStorage in the app): the clinic key (clinic-key-store.ts) and this PC's database password
 * (records-password.ts). Where the OS has no key store it is kept unwrapped only when the clinic
 * opted in (Settings → Records and privacy, as for records.key in seal.ts), and such a copy is
 * not used once the opt-in is off. Written durably and atomically, readable by its owner only.
 */
import { readFile } from 'node:fs/promises';
import type { Cipher } from '../draft-store';
import { fsErrorCode, writeFileAtomic } from '../atomic-write';

/** Where a secret is kept, and how. */
export interface SecretStoreOptions {
  dataDir: string;
  cipher: Cipher;
  /** Settings → Records and privacy: keep secrets without an OS key store. */
  keepWithoutKeyStore: boolean;
}

export type ProtectedBy = 'os' | 'none';

/** missing: never kept; unreadable: busy, or the key store refused it (another user, a restored PC); no-key-store: kept unwrapped without the opt-in. */
export type UnwrapProblem = 'missing' | 'unreadable' | 'no-key-store';

export type Unwrapped = { ok: true; text: string; protectedBy: ProtectedBy } | { ok: false; problem: UnwrapProblem };

const UNPROTECTED = 'unprotected:';

export async function readWrapped(file: string, cipher: Cipher, allowUnprotected: boolean): Promise<Unwrapped> {
  let stored: Buffer;
  try {
    stored = await readFile(file);
  } catch (error) {
    return { ok: false, problem: fsErrorCode(error) === 'ENOENT' ? 'missing' : 'unreadable' };
  }
  const text = stored.toString('utf8');
  if (text.startsWith(UNPROTECTED)) {
    if (!allowUnprotected) return { ok: false, problem: 'no-key-store' };
    return { ok: true, text: Buffer.from(text.slice(UNPROTECTED.length), 'base64').toString('utf8'), protectedBy: 'none' };
  }
  try {
    return { ok: true, text: await cipher.decrypt(stored), protectedBy: 'os' };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

/** Wraps and writes `text`; refused (nothing written) without a key store unless `allowUnprotected`. Throws when the file cannot be written. */
export async function writeWrapped(file: string, text: string, cipher: Cipher, allowUnprotected: boolean): Promise<{ ok: true; protectedBy: ProtectedBy } | { ok: false; problem: 'no-key-store' }> {
  let sealed: Uint8Array;
  try {
    sealed = await cipher.encrypt(text);
  } catch {
    if (!allowUnprotected) return { ok: false, problem: 'no-key-store' };
    await writeFileAtomic(file, `${UNPROTECTED}${Buffer.from(text, 'utf8').toString('base64')}`, 0o600);
    return { ok: true, protectedBy: 'none' };
  }
  await writeFileAtomic(file, sealed, 0o600);
  return { ok: true, protectedBy: 'os' };
}
