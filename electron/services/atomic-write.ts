import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A temp file's name: the app's marker and random hex, never the target's name (a packet's
 * file name is the patient's). Start-up finds leftovers by it (sweepPartialFiles).
 */
const PARTIAL_FILE = /^\.clinic-estimate-partial-[0-9a-f]{12}\.tmp$/;
/**
 * Temps of earlier versions: `.<file name>.<hex>.tmp` beside the target, for the kinds of file
 * the app wrote (packets, configuration files, the draft, the records key): only those, so
 * another program's temp files in a folder the app saved into are never touched.
 */
const LEGACY_PARTIAL_FILE = /^\..+\.(pdf|json|bin|key)\.[0-9a-f]{12}\.tmp$/;

export function isPartialFile(name: string): boolean {
  return PARTIAL_FILE.test(name);
}

/**
 * Write a file so that readers see the old content or the new, never half: write a temp
 * file beside it (a rename is atomic only on one volume), then rename over. The temp file is
 * removed when anything fails; a crash leaves it for the next start-up's sweep.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, mode = 0o600): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.clinic-estimate-partial-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { mode });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * writeFileAtomic that also survives a power cut once it resolves: the temp file is flushed to
 * the disk (fsync) before the rename, and the folder after it (where the OS allows: not Windows).
 * For what exists nowhere else yet (a record waiting to be shared: records/outbox.ts).
 */
export async function writeFileDurable(path: string, data: Uint8Array | string, mode = 0o600): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.clinic-estimate-partial-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temp, 'wx', mode);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Flushes a folder's entries (a rename, a removal) to the disk; Windows cannot open a folder for it, where NTFS journals them anyway. */
export async function syncFolder(dir: string): Promise<void> {
  let folder;
  try {
    folder = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await folder.sync();
  } catch {
    // EPERM/EISDIR/EINVAL on file systems that refuse it.
  } finally {
    await folder.close();
  }
}

/** Younger leftovers may be another instance's write in progress (another PC, a shared folder). */
export const LEFTOVER_MIN_AGE_MS = 2 * 60_000;

/**
 * Remove temp files a crash left in `dirs` (the app's marker, or an earlier version's name) that
 * are older than LEFTOVER_MIN_AGE_MS by the file system's clock (`nowMs`). A folder that is gone
 * or unreadable is passed over. Resolves to how many were removed; never rejects.
 */
export async function sweepPartialFiles(dirs: readonly string[], nowMs: number): Promise<number> {
  let removed = 0;
  for (const dir of new Set(dirs)) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!PARTIAL_FILE.test(name) && !LEGACY_PARTIAL_FILE.test(name)) continue;
      const path = join(dir, name);
      try {
        const info = await lstat(path);
        if (!info.isFile() || nowMs - info.mtimeMs < LEFTOVER_MIN_AGE_MS) continue;
        await rm(path, { force: true });
        removed += 1;
      } catch {
        // Gone meanwhile, or not ours to remove: left for the next start.
      }
    }
  }
  return removed;
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
    case 'EDQUOT':
      return 'The disk is full. Free some space or choose another place, then try again.';
    case 'EBUSY':
      return 'That file is open in another program, or locked by one (for example antivirus or OneDrive). Close it or choose another name, then try again.';
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

/**
 * Is this an error the file system or the database raised (ENOSPC, EACCES, SQLITE_FULL, ...),
 * rather than a bug? Node's own ERR_* codes are not.
 */
export function isWriteFailure(error: unknown): boolean {
  const code = fsErrorCode(error);
  return code !== null && (/^E[A-Z0-9]+$/.test(code) || code.startsWith('SQLITE_'));
}

/**
 * A plain sentence for a failed write of the app's own data (settings, draft, records, the print
 * file), by its code: `failed` says what ("The settings could not be saved"). No paths or PHI.
 */
export function describeDataWriteError(error: unknown, failed: string): string {
  const code = fsErrorCode(error) ?? 'unknown';
  if (['ENOSPC', 'EDQUOT', 'SQLITE_FULL'].includes(code)) {
    return `${failed}: the disk is full. Free some space on this computer (or ask IT), then try again.`;
  }
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY'].includes(code)) {
    return `${failed}: the app's data folder cannot be written to (it is read-only, or the user signed in to this computer may not change it). Ask IT, then try again.`;
  }
  if (['EBUSY', 'SQLITE_BUSY', 'SQLITE_LOCKED'].includes(code)) {
    return `${failed}: a file it needs is locked by another program (for example antivirus or OneDrive). Wait a moment, then try again.`;
  }
  return `${failed}: the computer reported an error (${code}). Try again; if it keeps failing, ask IT.`;
}
