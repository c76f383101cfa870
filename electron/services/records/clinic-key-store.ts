/**
 * The clinic key kept on this PC: `clinic.key.bin` in the data folder, wrapped by the OS key
 * store (wrapped-secret.ts). It comes from the machine policy's key file (taken at the first
 * start, and again whenever the file holds another key: IT rotated it) or from Settings →
 * Shared records (imported, or made on the first PC). Once kept, the key file may go: IT can
 * remove it after the first start. A key file that is there but is no key is said, naming it,
 * rather than quietly passed over for the copy.
 */
import { join } from 'node:path';
import { ClinicKeyError, clinicKeyId, readClinicKey, type ClinicKey } from './clinic-key';
import { readWrapped, writeWrapped, type ProtectedBy, type SecretStoreOptions } from './wrapped-secret';

export const WRAPPED_CLINIC_KEY_FILE = 'clinic.key.bin';

export type LoadedClinicKey = { ok: true; key: ClinicKey; protectedBy: ProtectedBy } | { ok: false; reason: string };

export const noClinicKeyReason =
  'There is no clinic key on this computer yet. Import the clinic key file in Settings → Shared records (or, on the first computer, create one there), or ask IT.';
export const unreadableClinicKeyReason =
  "The clinic key kept on this computer cannot be read (the operating system's key store refused it: another user, or the computer was restored). Import the clinic key file again in Settings → Shared records, or ask IT.";
export const noKeyStoreForClinicKeyReason =
  "This computer has no operating-system key store (on Linux: no keyring), so the clinic key cannot be kept locked on it and the shared records are not used. IT can set up a keyring, or the clinic can choose to keep it anyway in Settings → Records and privacy.";

const file = (options: SecretStoreOptions) => join(options.dataDir, WRAPPED_CLINIC_KEY_FILE);

type KeptKey = { ok: true; key: ClinicKey; protectedBy: ProtectedBy } | { ok: false; reason: string; missing: boolean };

async function kept(options: SecretStoreOptions): Promise<KeptKey> {
  const unwrapped = await readWrapped(file(options), options.cipher, options.keepWithoutKeyStore);
  if (!unwrapped.ok) {
    const reason = unwrapped.problem === 'missing' ? noClinicKeyReason : unwrapped.problem === 'no-key-store' ? noKeyStoreForClinicKeyReason : unreadableClinicKeyReason;
    return { ok: false, reason, missing: unwrapped.problem === 'missing' };
  }
  const key = Buffer.from(unwrapped.text, 'base64');
  // A copy cut or changed on disk is no key: said as unreadable, never used.
  if (key.byteLength !== 32) return { ok: false, reason: unreadableClinicKeyReason, missing: false };
  return { ok: true, key: { key, keyId: clinicKeyId(key) }, protectedBy: unwrapped.protectedBy };
}

/** Keeps `key` on this PC (replacing the one kept before), wrapped; refused without a key store unless the clinic opted in. */
export async function keepClinicKey(options: SecretStoreOptions, key: ClinicKey): Promise<{ ok: true; protectedBy: ProtectedBy } | { ok: false; reason: string }> {
  const written = await writeWrapped(file(options), key.key.toString('base64'), options.cipher, options.keepWithoutKeyStore);
  return written.ok ? written : { ok: false, reason: noKeyStoreForClinicKeyReason };
}

/** The id of the key kept on this PC (never the key), or null when none can be read. */
export async function keptClinicKeyId(options: SecretStoreOptions): Promise<string | null> {
  const found = await kept(options);
  return found.ok ? found.key.keyId : null;
}

/**
 * The clinic key to open the shared records with. With a policy key file: that file's key,
 * kept here when it is new or another (rotated); the kept copy when the file is gone or
 * cannot be read. Without one (Settings → Shared records): the kept key only.
 */
export async function loadClinicKey(options: SecretStoreOptions & { keyFile?: string }, log: (line: string) => void = () => undefined): Promise<LoadedClinicKey> {
  const copy = await kept(options);
  if (options.keyFile === undefined) return copy;
  let fromFile: ClinicKey;
  try {
    fromFile = await readClinicKey(options.keyFile);
  } catch (error) {
    if (!(error instanceof ClinicKeyError)) throw error;
    const gone = error.problem === 'missing' || error.problem === 'unreadable';
    if (gone && copy.ok) return copy;
    log(`[records] the clinic key file could not be used: ${error.problem}`);
    return { ok: false, reason: error.message };
  }
  if (copy.ok && copy.key.keyId === fromFile.keyId) return copy;
  let stored: Awaited<ReturnType<typeof keepClinicKey>>;
  try {
    stored = await keepClinicKey(options, fromFile);
  } catch (error) {
    // The data folder would not take the copy (full disk): the key file is here, so it is used; kept next time.
    log(`[records] the clinic key could not be kept on this computer: ${error instanceof Error ? error.name : 'error'}`);
    return { ok: true, key: fromFile, protectedBy: 'os' };
  }
  if (!stored.ok) return stored;
  if (copy.ok || !copy.missing) log('[records] the clinic key kept on this computer was replaced by the key file\'s (another key id)');
  return { ok: true, key: fromFile, protectedBy: stored.protectedBy };
}
