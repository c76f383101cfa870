/** Writing a file where staff choose (save dialog in the app), as a Result the UI can show. */
import { fail, ok, type Result } from '../../core/result';
import { describeDataWriteError, isWriteFailure } from '../services/atomic-write';

export type SaveOutcome = { saved: false } | { saved: true; path: string };

/** What is saved: a packet, the clinic configuration, or a new clinic key file (Settings → Shared records). */
export type SaveKind = 'pdf' | 'config' | 'clinic-key';

/** Ask where, then write atomically. Throws on write failure. */
export type SaveFile = (suggestedName: string, data: Uint8Array, kind: SaveKind) => Promise<SaveOutcome>;

/** Writes the chosen file (the services' own: notes the folder first, then writes atomically). */
export type WriteChosenFile = (path: string, data: Uint8Array) => Promise<void>;

/** The shell's save dialog (Electron) or stand-in (preview): asks where, then calls `write`. */
export type SaveDialog = (suggestedName: string, data: Uint8Array, kind: SaveKind, write: WriteChosenFile) => Promise<SaveOutcome>;

export async function saveAsResult(
  saveFile: SaveFile,
  describeWriteError: (error: unknown) => string,
  name: string,
  data: Uint8Array,
  kind: 'pdf' | 'config',
): Promise<Result<SaveOutcome>> {
  try {
    return ok(await saveFile(name, data, kind));
  } catch (error) {
    return fail('write-failed', describeWriteError(error));
  }
}

/**
 * Run a step that writes the app's own data; a file-system or database failure (full disk,
 * read-only folder, a lock) becomes 'write-failed' saying so, beginning with `failed` ("The
 * settings could not be saved"). Anything else is a bug and is thrown on.
 */
export async function orWriteFailed<T>(failed: string, run: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    if (!isWriteFailure(error)) throw error;
    return fail('write-failed', describeDataWriteError(error, failed));
  }
}
