/**
 * The folders staff saved packets and configuration files into, so start-up can remove what a
 * crash mid-save left there (atomic-write's sweepPartialFiles). Folder paths only, never a file
 * name (a packet's is the patient's), most recent first, kept in the data folder owner-only.
 * A folder is noted before the write starts, so a crash during the first save there is found.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

const MAX_FOLDERS = 20;
const fileSchema = z.object({ folders: z.array(z.string().min(1).max(4096)).max(MAX_FOLDERS) });

export interface SavedFolders {
  /** The folders noted so far (an unreadable or damaged list counts as empty). */
  list(): string[];
  /** Note a folder (moves it to the front); rejects when the list cannot be written. */
  remember(folder: string): Promise<void>;
}

export function createSavedFolders(filePath: string): SavedFolders {
  const read = (): string[] => {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
      return parsed.success ? parsed.data.folders : [];
    } catch {
      return [];
    }
  };
  let folders = read();
  let queue: Promise<void> = Promise.resolve();
  return {
    list: () => [...folders],
    remember: (folder) => {
      if (folders[0] === folder) return queue;
      folders = [folder, ...folders.filter((f) => f !== folder)].slice(0, MAX_FOLDERS);
      const text = `${JSON.stringify({ folders }, null, 2)}\n`;
      const next = queue.then(() => writeFileAtomic(filePath, text, 0o600));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
