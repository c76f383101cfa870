import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Write a file so that readers see the old content or the new, never half: write a temp
 * file beside it, then rename over. The temp file is removed when anything fails.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, mode = 0o600): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { mode });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Create and remove an empty file in `dir`; throws the file system's error (its code and a
 * path inside `dir`) when the folder cannot be written. Access checks alone miss Windows ACLs.
 */
export function assertWritableFolder(dir: string): void {
  const probe = join(dir, `.write-check-${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(probe, '', { flag: 'wx', mode: 0o600 });
  rmSync(probe, { force: true });
}

/** The file system's error code (ENOENT, EACCES, ...), or null when the error carries none. */
export function fsErrorCode(error: unknown): string | null {
  const code = error !== null && typeof error === 'object' && 'code' in error ? error.code : null;
  return typeof code === 'string' ? code : null;
}

/** A plain sentence for a failed write, by its errno code (no paths or PHI in it). */
export function describeWriteError(error: unknown): string {
  const code = fsErrorCode(error);
  switch (code) {
    case 'ENOSPC':
      return 'The disk is full. Free some space or choose another place, then try again.';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'That folder cannot be written to. Choose another folder (for example Documents), then try again.';
    case 'ENOENT':
      return 'That folder no longer exists. Choose another folder, then try again.';
    default:
      return 'The file could not be saved. Choose another place, then try again.';
  }
}
