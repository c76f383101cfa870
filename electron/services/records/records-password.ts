/**
 * This PC's database password for the clinic's shared records server, entered in Settings →
 * Shared records: kept in `records-password.bin` in the data folder, wrapped by the OS key store
 * (wrapped-secret.ts), given to the server as the connection's password. Never in settings.json,
 * never logged, never sent back to the window (which only learns whether one is saved).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readWrapped, writeWrapped, type SecretStoreOptions } from './wrapped-secret';

export const RECORDS_PASSWORD_FILE = 'records-password.bin';

const file = (options: Pick<SecretStoreOptions, 'dataDir'>) => join(options.dataDir, RECORDS_PASSWORD_FILE);

export const noKeyStoreForPasswordReason =
  "This computer has no operating-system key store (on Linux: no keyring), so the database password cannot be kept locked on it. IT can set up a keyring, or the clinic can choose to keep it anyway in Settings → Records and privacy.";
export const unreadablePasswordReason =
  "The database password saved on this computer cannot be read (the operating system's key store refused it: another user, or the computer was restored). Enter it again in Settings → Shared records, or ask IT.";

/** Saves the password (replacing the one saved before); refused without a key store unless the clinic opted in. Throws when the file cannot be written. */
export async function saveRecordsPassword(options: SecretStoreOptions, password: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const written = await writeWrapped(file(options), password, options.cipher, options.keepWithoutKeyStore);
  return written.ok ? { ok: true } : { ok: false, reason: noKeyStoreForPasswordReason };
}

/** The saved password, null when none was saved, or why it cannot be read. */
export async function loadRecordsPassword(options: SecretStoreOptions): Promise<{ ok: true; password: string | null } | { ok: false; reason: string }> {
  const unwrapped = await readWrapped(file(options), options.cipher, options.keepWithoutKeyStore);
  if (unwrapped.ok) return { ok: true, password: unwrapped.text };
  if (unwrapped.problem === 'missing') return { ok: true, password: null };
  return { ok: false, reason: unwrapped.problem === 'no-key-store' ? noKeyStoreForPasswordReason : unreadablePasswordReason };
}

/** Is a password saved on this PC (what the window may know)? */
export const hasRecordsPassword = (options: Pick<SecretStoreOptions, 'dataDir'>): boolean => existsSync(file(options));
