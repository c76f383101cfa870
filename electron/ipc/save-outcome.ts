/** Writing a file where staff choose (save dialog in the app), as a Result the UI can show. */
import { fail, ok, type Result } from '../../core/result';

export type SaveOutcome = { saved: false } | { saved: true; path: string };

/** Ask where, then write atomically. Throws on write failure. */
export type SaveFile = (suggestedName: string, data: Uint8Array, kind: 'pdf' | 'config') => Promise<SaveOutcome>;

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
