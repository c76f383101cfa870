import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraftStore, type Cipher } from './draft-store';

const plain: Cipher = { encrypt: (text) => Buffer.from(text, 'utf8'), decrypt: (bytes) => Buffer.from(bytes).toString('utf8') };
const file = () => join(mkdtempSync(join(tmpdir(), 'clinic-draft-')), 'draft.bin');

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

  it('keeps the last of several quick saves', async () => {
    const store = createDraftStore(file(), plain);
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.save({ lastName: `Name ${n}` })));
    expect(await store.get()).toEqual({ lastName: 'Name 5' });
  });

  it('reads nothing back (rather than failing) when the file cannot be decrypted', async () => {
    const path = file();
    await createDraftStore(path, plain).save({ firstName: 'A' });
    const broken: Cipher = { ...plain, decrypt: () => { throw new Error('wrong key'); } };
    expect(await createDraftStore(path, broken).get()).toBeNull();
  });

  it('a failed save does not stop later operations', async () => {
    const failing: Cipher = { ...plain, encrypt: () => { throw new Error('no keyring'); } };
    const store = createDraftStore(file(), failing);
    await expect(store.save({ firstName: 'A' })).rejects.toThrow('no keyring');
    await expect(store.clear()).resolves.toBeUndefined();
  });
});
