/**
 * The form draft, kept so nothing typed is lost on a reload or crash. It holds patient
 * details, so it is encrypted with the capability given (Electron safeStorage: the key is
 * held by the operating system) and written owner-only.
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
  return {
    async get() {
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
    },
    async save(draft) {
      await writeFileAtomic(filePath, cipher.encrypt(JSON.stringify(draft)));
    },
    async clear() {
      await rm(filePath, { force: true });
    },
  };
}
