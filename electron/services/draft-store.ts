/**
 * The form draft, kept so nothing typed is lost on a reload or crash. It holds patient
 * details, so it is encrypted with the capability given (Electron safeStorage: the key is
 * held by the operating system) and written owner-only.
 *
 * Operations run one at a time, in the order asked: a save still being written when the
 * draft is cleared (packet issued) can never bring the cleared draft back.
 */
import { readFile, rm } from 'node:fs/promises';
import { draftSchema, type Draft } from '../../core/ipc/contract';
import { writeFileAtomic } from './atomic-write';

export interface Cipher {
  encrypt(plain: string): Uint8Array;
  decrypt(sealed: Uint8Array): string;
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
          const parsed = draftSchema.safeParse(JSON.parse(cipher.decrypt(sealed)));
          return parsed.success ? parsed.data : null;
        } catch {
          return null;
        }
      }),
    save: (draft) => inTurn(() => writeFileAtomic(filePath, cipher.encrypt(JSON.stringify(draft)))),
    clear: () => inTurn(() => rm(filePath, { force: true })),
  };
}
