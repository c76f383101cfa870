import { existsSync, mkdtempSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../ipc/dispatch';
import { createAppServices, type AppCapabilities } from './app-services';
import { createDraftStore as createStore, isDraftStale, type Cipher, type DraftStoreOptions } from './draft-store';

const plain: Cipher = {
  encrypt: async (text) => Buffer.from(text, 'utf8'),
  decrypt: async (bytes) => Buffer.from(bytes).toString('utf8'),
};
const file = () => join(mkdtempSync(join(tmpdir(), 'clinic-draft-')), 'draft.bin');

const HOUR_MS = 3_600_000;
const T0 = new Date('2026-03-02T08:00:00.000Z');

/** A clock the test moves: the draft store reads the time only through it. */
function testClock(start = T0) {
  let at = start.getTime();
  return { now: () => new Date(at), advanceHours: (hours: number) => void (at += hours * HOUR_MS) };
}

/** The store with an 8-hour limit (the default) and a clock standing still at T0, unless given. */
const createDraftStore = (path: string, cipher: Cipher, options: Partial<DraftStoreOptions> = {}) =>
  createStore(path, cipher, { maxAgeHours: () => 8, now: () => T0, ...options });

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

describe('draft age', () => {
  it('a draft younger than the limit is restored; one older is deleted instead', async () => {
    const path = file();
    const clock = testClock();
    await createDraftStore(path, plain, { now: clock.now }).save({ firstName: 'Ada' });
    clock.advanceHours(8);
    expect(await createDraftStore(path, plain, { now: clock.now }).get()).toEqual({ firstName: 'Ada' });
    clock.advanceHours(0.01);
    expect(await createDraftStore(path, plain, { now: clock.now }).get()).toBeNull();
    expect(existsSync(path)).toBe(false);
  });

  it('the age counts from the last save', async () => {
    const path = file();
    const clock = testClock();
    const store = createDraftStore(path, plain, { now: clock.now });
    await store.save({ firstName: 'Ada' });
    clock.advanceHours(6);
    await store.save({ firstName: 'Ada', lastName: 'Lovelace' });
    clock.advanceHours(6);
    expect(await store.get()).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('reads the limit at each use, so a shorter one set in Settings applies to a draft already saved', async () => {
    const path = file();
    const clock = testClock();
    let maxAgeHours = 8;
    const store = createDraftStore(path, plain, { now: clock.now, maxAgeHours: () => maxAgeHours });
    await store.save({ firstName: 'Ada' });
    clock.advanceHours(2);
    expect(await store.get()).toEqual({ firstName: 'Ada' });
    maxAgeHours = 1;
    expect(await store.get()).toBeNull();
    expect(existsSync(path)).toBe(false);
  });

  it('at start-up, discardStale deletes a draft too old to restore and keeps a young one', async () => {
    const clock = testClock();
    const old = file();
    const young = file();
    await createDraftStore(old, plain, { now: clock.now }).save({ firstName: 'Old' });
    clock.advanceHours(7);
    await createDraftStore(young, plain, { now: clock.now }).save({ firstName: 'Young' });
    clock.advanceHours(2);
    await createDraftStore(old, plain, { now: clock.now }).discardStale();
    await createDraftStore(young, plain, { now: clock.now }).discardStale();
    expect(existsSync(old)).toBe(false);
    expect(await createDraftStore(young, plain, { now: clock.now }).get()).toEqual({ firstName: 'Young' });
  });

  it('the saved time is sealed with the draft (copying or touching the file does not make it young)', async () => {
    const path = file();
    await createDraftStore(path, plain).save({ firstName: 'Ada' });
    utimesSync(path, new Date(T0.getTime() + 9 * HOUR_MS), new Date(T0.getTime() + 9 * HOUR_MS));
    expect(await createDraftStore(path, plain, { now: () => new Date(T0.getTime() + 9 * HOUR_MS) }).get()).toBeNull();
  });

  it('a draft sealed before drafts carried their time counts from the file modified time', async () => {
    const path = file();
    writeFileSync(path, JSON.stringify({ firstName: 'Grace' }));
    utimesSync(path, T0, T0);
    expect(await createDraftStore(path, plain, { now: () => new Date(T0.getTime() + 7 * HOUR_MS) }).get()).toEqual({ firstName: 'Grace' });
    expect(await createDraftStore(path, plain, { now: () => new Date(T0.getTime() + 9 * HOUR_MS) }).get()).toBeNull();
    expect(existsSync(path)).toBe(false);
  });

  it('a draft that cannot be opened is kept while young (the key store may be back later) and deleted once old', async () => {
    const path = file();
    await createDraftStore(path, plain).save({ firstName: 'Ada' });
    utimesSync(path, T0, T0);
    const broken: Cipher = { ...plain, decrypt: () => Promise.reject(new Error('key store unavailable')) };
    expect(await createDraftStore(path, broken, { now: () => new Date(T0.getTime() + HOUR_MS) }).get()).toBeNull();
    expect(existsSync(path)).toBe(true);
    await createDraftStore(path, broken, { now: () => new Date(T0.getTime() + 9 * HOUR_MS) }).discardStale();
    expect(existsSync(path)).toBe(false);
  });

  it('a draft saved "in the future" (the clock was set back) is not restored', () => {
    expect(isDraftStale(new Date(T0.getTime() + 24 * HOUR_MS), T0, 8)).toBe(true);
    // A small correction by time sync is not.
    expect(isDraftStale(new Date(T0.getTime() + 60_000), T0, 8)).toBe(false);
    expect(isDraftStale(new Date(Number.NaN), T0, 8)).toBe(true);
  });
});

describe('draft age at start-up (the app services as Electron and the preview wire them)', () => {
  const appRoot = join(import.meta.dirname, '..', '..');

  /** Start the app's services on `dataDir` at time `at`; calls go through the real dispatch. */
  function startApp(dataDir: string, at: Date) {
    const caps: AppCapabilities = {
      openStore: () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', configFileMode: 0o600, projectName: 'clinic-test' }),
      rename: renameSync,
      cipher: plain,
      saveFile: async () => ({ saved: false }),
      printPdf: async () => ({ printed: false }),
      settingsChanged: () => undefined,
      operator: 'frontdesk1',
      now: () => at,
      log: () => undefined,
    };
    const dispatch = createDispatcher(createAppServices({ appRoot, dataDir }, caps).handlers, { middleware: [], log: () => undefined });
    return (channel: string, request?: unknown) => dispatch(channel, request, null);
  }

  it('a draft older than Settings allows is deleted when the app starts, before anything asks for it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clinic-draft-app-'));
    const draftFile = join(dataDir, 'draft.bin');
    expect(await startApp(dataDir, T0)('draft:save', { firstName: 'Ada' })).toEqual({ ok: true, value: null });
    expect(existsSync(draftFile)).toBe(true);

    startApp(dataDir, new Date(T0.getTime() + 9 * HOUR_MS));
    await vi.waitFor(() => expect(existsSync(draftFile)).toBe(false));
  });

  it('uses the limit saved in Settings → Records and privacy', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clinic-draft-app-'));
    const first = startApp(dataDir, T0);
    await first('draft:save', { firstName: 'Ada' });
    expect(await first('settings:update', { records: { draftMaxAgeHours: 2 } })).toMatchObject({ ok: true });

    expect(await startApp(dataDir, new Date(T0.getTime() + 1.5 * HOUR_MS))('draft:get')).toEqual({ ok: true, value: { firstName: 'Ada' } });
    expect(await startApp(dataDir, new Date(T0.getTime() + 2.5 * HOUR_MS))('draft:get')).toEqual({ ok: true, value: null });
  });
});
