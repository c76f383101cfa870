/**
 * The form draft, kept so nothing typed is lost on a reload or crash. It holds patient
 * details, so it is encrypted with the capability given (Electron safeStorage: the key is
 * held by the operating system) and written owner-only.
 *
 * A draft is sealed with the time it was saved, and is read back only while it is younger
 * than the clinic's limit (Settings → Records and privacy, draftMaxAgeHours): an older one, left
 * by someone else at a shared PC, is deleted instead of restored. Drafts sealed before they
 * carried their time, and drafts that cannot be opened, count from the file's modified time.
 *
 * Operations run one at a time, in the order asked: a save still being encrypted or written
 * when the draft is cleared (packet issued) can never bring the cleared draft back. The
 * encryption runs inside the save's turn, so a clear asked meanwhile waits for it.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { z } from 'zod';
import { draftSchema, type Draft } from '../../core/ipc/contract';
import { writeFileAtomic } from './atomic-write';

/** Seals and opens the draft; asynchronous, as the OS key store may answer slowly. */
export interface Cipher {
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(sealed: Uint8Array): Promise<string>;
}

export interface DraftStore {
  /** The draft, or null when there is none, it cannot be read, or it was too old (then it is deleted). */
  get(): Promise<Draft | null>;
  save(draft: Draft): Promise<void>;
  clear(): Promise<void>;
  /** At start-up: delete the draft if it is too old to restore (nothing else changes; never rejects). */
  discardStale(): Promise<void>;
}

export interface DraftStoreOptions {
  /** How old a draft may be, in hours, and still be restored (read at each use: Settings may change). */
  maxAgeHours: () => number;
  now: () => Date;
  /** Writes the sealed draft (default: atomically, owner-only); a test may pass a failing one. */
  write?: (path: string, data: Uint8Array) => Promise<void>;
}

/** What is sealed: the draft and when it was saved. */
const sealedDraftSchema = z.object({ savedAt: z.iso.datetime(), draft: draftSchema }).strict();

/** A clock set back a little (time sync) does not make a draft "from the future" stale. */
const CLOCK_SLACK_MS = 5 * 60_000;

export function isDraftStale(savedAt: Date, now: Date, maxAgeHours: number): boolean {
  const ageMs = now.getTime() - savedAt.getTime();
  return !Number.isFinite(ageMs) || ageMs > maxAgeHours * 3_600_000 || ageMs < -CLOCK_SLACK_MS;
}

export function createDraftStore(filePath: string, cipher: Cipher, options: DraftStoreOptions): DraftStore {
  const write = options.write ?? ((path: string, data: Uint8Array) => writeFileAtomic(path, data));
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation, operation);
    queue = next.catch(() => undefined);
    return next;
  };

  /** What the file holds and when it was saved; null when there is no file. */
  const open = async (): Promise<{ draft: Draft | null; savedAt: Date } | null> => {
    let sealed: Uint8Array;
    try {
      sealed = await readFile(filePath);
    } catch {
      return null;
    }
    let content: unknown = null;
    try {
      content = JSON.parse(await cipher.decrypt(sealed));
    } catch {
      // Cannot be opened (another key, damaged): kept while young, in case the key store is only
      // unavailable for now; never restored.
    }
    const current = sealedDraftSchema.safeParse(content);
    if (current.success) return { draft: current.data.draft, savedAt: new Date(current.data.savedAt) };
    // Sealed before drafts carried their time, or unreadable: its age is the file's.
    const older = draftSchema.safeParse(content);
    const { mtime } = await stat(filePath);
    return { draft: older.success ? older.data : null, savedAt: mtime };
  };

  /** The draft if it is young enough; an older one is deleted, read or not. */
  const readFresh = async (): Promise<Draft | null> => {
    const found = await open().catch(() => null);
    if (found === null) return null;
    if (!isDraftStale(found.savedAt, options.now(), options.maxAgeHours())) return found.draft;
    await rm(filePath, { force: true });
    return null;
  };

  return {
    get: () => inTurn(readFresh),
    save: (draft) =>
      inTurn(async () => {
        const sealed = JSON.stringify({ savedAt: options.now().toISOString(), draft } satisfies z.input<typeof sealedDraftSchema>);
        await write(filePath, await cipher.encrypt(sealed));
      }),
    clear: () => inTurn(() => rm(filePath, { force: true })),
    // Never rejects: a draft that cannot be deleted now is tried again when it is next read.
    discardStale: () => inTurn(readFresh).then(
      () => undefined,
      () => undefined,
    ),
  };
}
