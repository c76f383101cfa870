/**
 * The form draft, kept so nothing typed is lost on a reload or crash. It holds patient
 * details, so it is encrypted with the capability given (Electron safeStorage: the key is
 * held by the operating system) and written owner-only.
 *
 * Operations run one at a time, in the order asked: a save still being encrypted or written
 * when the draft is cleared (packet issued) can never bring the cleared draft back. The
 * encryption runs inside the save's turn, so a clear asked meanwhile waits for it.
 */
import { readFile, rm } from 'node:fs/promises';
import { draftSchema, type Draft } from '../../core/ipc/contract';
import { writeFileAtomic } from './atomic-write';

/** Seals and opens the draft; asynchronous, as the OS key store may answer slowly. */
export interface Cipher {
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(sealed: Uint8Array): Promise<string>;
}

export interface DraftStore {
  get(): Promise<Draft | null>;
  save(draft: Draft): Promise<void>;
  clear(): Promise<void>;
}

export function createDraftStore(filePath: string, cipher: Cipher): DraftStore {
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation, operation);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    get: () =>
      inTurn(async () => {
        let sealed: Uint8Array;
        try {
          sealed = await readFile(filePath);
        } catch {
          return null;
        }
        try {
          const parsed = draftSchema.safeParse(JSON.parse(await cipher.decrypt(sealed)));
          return parsed.success ? parsed.data : null;
        } catch {
          return null;
        }
      }),
    save: (draft) => inTurn(async () => writeFileAtomic(filePath, await cipher.encrypt(JSON.stringify(draft)))),
    clear: () => inTurn(() => rm(filePath, { force: true })),
  };
}
