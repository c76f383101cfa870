/**
 * Sealing record fields at rest: AES-256-GCM (node:crypto) with a random 96-bit nonce per
 * seal and the record id and field name as additional data, so a sealed field cannot be moved
 * to another record or field unnoticed. The 256-bit data key is random, made once, and kept
 * wrapped by the OS key store (the Cipher capability: Electron safeStorage in the app, a test
 * cipher in tests); where the OS has no real key store it is kept only if the clinic opted in.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Cipher } from '../draft-store';
import { writeFileAtomic } from '../atomic-write';

const NONCE = 12;
const TAG = 16;

/** A field that fails its check (changed, cut, moved): the record is reported, never dropped silently. */
export class SealBroken extends Error {
  override name = 'SealBroken';
}

export interface Sealer {
  seal(recordId: string, field: string, plain: Uint8Array): Buffer;
  open(recordId: string, field: string, sealed: Uint8Array): Buffer;
  /** HMAC-SHA-256 (hex) under a key derived from the data key: the audit chain's links. */
  mac(text: string): string;
}

export function createSealer(key: Uint8Array): Sealer {
  if (key.byteLength !== 32) throw new RangeError('The records key must be 256 bits.');
  const aad = (recordId: string, field: string) => Buffer.from(`${recordId}:${field}`, 'utf8');
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'clinic-estimate-packet records audit chain', 32));
  return {
    mac: (text) => createHmac('sha256', macKey).update(text, 'utf8').digest('hex'),
    seal(recordId, field, plain) {
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(aad(recordId, field));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([nonce, cipher.getAuthTag(), body]);
    },
    open(recordId, field, sealed) {
      if (sealed.byteLength < NONCE + TAG) throw new SealBroken('sealed field too short');
      const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE));
        decipher.setAAD(aad(recordId, field));
        decipher.setAuthTag(bytes.subarray(NONCE, NONCE + TAG));
        return Buffer.concat([decipher.update(bytes.subarray(NONCE + TAG)), decipher.final()]);
      } catch {
        throw new SealBroken('sealed field failed its check');
      }
    },
  };
}

export type RecordKey = { ok: true; key: Buffer; protectedBy: 'os' | 'none' } | { ok: false; reason: string };

const UNPROTECTED = 'unprotected:';

/**
 * The data key from `keyFile`, or a new one written there. Wrapped by the OS key store; where
 * it has none, written unwrapped only when `allowUnprotected` (Settings: the clinic opted in).
 */
export async function loadRecordKey(keyFile: string, cipher: Cipher, allowUnprotected: boolean, hasRecords: () => boolean = () => false): Promise<RecordKey> {
  let stored: Buffer | null = null;
  try {
    stored = await readFile(keyFile);
  } catch (error) {
    // Only a missing key file means "no key yet": a file busy (antivirus) or unreadable must never
    // be replaced by a new key, which would leave every record unreadable.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, reason: unreadableKeyReason };
    stored = null;
  }
  if (stored !== null) {
    const text = stored.toString('utf8');
    if (text.startsWith(UNPROTECTED)) {
      if (!allowUnprotected) return { ok: false, reason: noKeyStoreReason };
      return { ok: true, key: Buffer.from(text.slice(UNPROTECTED.length), 'base64'), protectedBy: 'none' };
    }
    try {
      return { ok: true, key: Buffer.from(await cipher.decrypt(stored), 'base64'), protectedBy: 'os' };
    } catch {
      return { ok: false, reason: unreadableKeyReason };
    }
  }
  // Records without their key: a new key would not open them. Keep them, say so.
  if (hasRecords()) return { ok: false, reason: unreadableKeyReason };
  const key = randomBytes(32);
  try {
    await writeFileAtomic(keyFile, await cipher.encrypt(key.toString('base64')), 0o600);
    return { ok: true, key, protectedBy: 'os' };
  } catch {
    if (!allowUnprotected) return { ok: false, reason: noKeyStoreReason };
    await writeFileAtomic(keyFile, Buffer.from(`${UNPROTECTED}${key.toString('base64')}`, 'utf8'), 0o600);
    return { ok: true, key, protectedBy: 'none' };
  }
}

export const unreadableKeyReason =
  "The key to the records on this computer cannot be read (the file is missing or busy, or the operating system's key store refused it: another user, or the computer was restored). Past estimates are not shown and none are kept; the records are left as they are. Ask IT.";

export const noKeyStoreReason =
  "This computer has no operating-system key store (on Linux: no keyring), so issued estimates cannot be kept encrypted and are not kept. IT can set up a keyring, or the clinic can choose to keep them anyway in Settings → Records and privacy.";
