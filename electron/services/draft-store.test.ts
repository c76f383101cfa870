import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraftStore, type Cipher } from './draft-store';

const plain: Cipher = {
  encrypt: async (text) => Buffer.from(text, 'utf8'),
  decrypt: async (bytes) => Buffer.from(bytes).toString('utf8'),
};
const file = () => join(mkdtempSync(join(tmpdir(), 'clinic-draft-')), 'draft.bin');

/** A cipher whose encryptions finish only when the test says so (a slow OS key store). */
function heldCipher() {
  const waiting: Array<() => void> = [];
  let asked!: () => void;
  const firstAsked = new Promise<void>((resolve) => {
    asked = resolve;
  });
  const cipher: Cipher = {
    ...plain,
    encrypt: (text) =>
      new Promise((resolve) => {
        waiting.push(() => resolve(Buffer.from(text, 'utf8')));
        asked();
      }),
  };
  return { cipher, firstAsked, release: () => waiting.splice(0).forEach((finish) => finish()) };
}

describe('draft store', () => {
  it('a clear asked after a save wins, however the writes interleave', async () => {
    for (let round = 0; round < 20; round += 1) {
      const store = createDraftStore(file(), plain);
      const saving = store.save({ firstName: `Patient ${round}` });
      const clearing = store.clear();
      await Promise.all([saving, clearing]);
      expect(await store.get()).toBeNull();
    }
  });

  it('a clear asked while the save is still being encrypted waits for it, and wins', async () => {
    const held = heldCipher();
    const store = createDraftStore(file(), held.cipher);
    const saving = store.save({ firstName: 'Margaret' });
    await held.firstAsked;
    const clearing = store.clear();
    held.release();
    await Promise.all([saving, clearing]);
    expect(await store.get()).toBeNull();
  });

  it('keeps the last of several quick saves', async () => {
    const store = createDraftStore(file(), plain);
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.save({ lastName: `Name ${n}` })));
    expect(await store.get()).toEqual({ lastName: 'Name 5' });
  });

  it('reads back what it sealed, through the cipher', async () => {
    const path = file();
    const reversed: Cipher = {
      encrypt: async (text) => Buffer.from(text, 'utf8').reverse(),
      decrypt: async (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
    };
    await createDraftStore(path, reversed).save({ firstName: 'Ada' });
    expect(await createDraftStore(path, reversed).get()).toEqual({ firstName: 'Ada' });
    expect(await createDraftStore(path, plain).get()).toBeNull();
  });

  it('reads nothing back (rather than failing) when the file cannot be decrypted', async () => {
    const path = file();
    await createDraftStore(path, plain).save({ firstName: 'A' });
    const broken: Cipher = { ...plain, decrypt: () => Promise.reject(new Error('wrong key')) };
    expect(await createDraftStore(path, broken).get()).toBeNull();
  });

  it('a failed save does not stop later operations', async () => {
    const failing: Cipher = { ...plain, encrypt: () => Promise.reject(new Error('no keyring')) };
    const store = createDraftStore(file(), failing);
    await expect(store.save({ firstName: 'A' })).rejects.toThrow('no keyring');
    await expect(store.clear()).resolves.toBeUndefined();
  });
});
