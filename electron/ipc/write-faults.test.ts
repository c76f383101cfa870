/**
 * A full disk while saving settings, importing a configuration, saving the draft and printing:
 * a typed 'write-failed' answer saying the disk is full (never "Something went wrong"), and what
 * was there before is kept. The disk is real where this machine allows (see fault-methods).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_FILE_KIND, SETTINGS_VERSION, defaultSettings } from '../../core/settings';
import { writeFileAtomic } from '../services/atomic-write';
import { createDraftStore } from '../services/draft-store';
import { confStore, reversingCipher, startTestApp, value } from '../services/testing/app-harness';
import { smallDisk, type SmallDisk } from '../services/testing/fault-methods';
import { insuredCase, letterheadOnly } from '../services/testing/packet-fixtures';
import { createDraftHandlers } from './draft-ipc';

const cleanups: (() => unknown)[] = [];
function disk(): SmallDisk {
  const made = smallDisk();
  console.log(`[write-faults] full disk: ${made.label}`);
  cleanups.push(() => made.release());
  return made;
}
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const DISK_FULL = /disk is full.*Free some space/;

/** The app on a small disk, filled once it has started (with the clinic's letterhead first when `letterhead`). */
async function appOnFullDisk(options: { letterhead?: boolean } = {}) {
  const full = disk();
  const dataDir = full.folder('data');
  const app = startTestApp({
    dataDir,
    openStore: full.store(confStore(dataDir)),
    // As the app prints: the PDF goes to a temp file in the data folder first.
    printPdf: async (pdf) => {
      await full.write(join(dataDir, 'printing', 'packet.pdf'), pdf);
      return { printed: true };
    },
  });
  const { store } = await app.services.records;
  cleanups.push(() => store?.close());
  await app.services.leftoversRemoved;
  if (options.letterhead) value(await app.call('settings:update', { clinic: letterheadOnly }));
  full.fill();
  return app;
}

describe('a full disk', () => {
  it('Settings: the save says the disk is full, and the settings in use stay as they were', async () => {
    const { call } = await appOnFullDisk();
    const result = await call('settings:update', { clinic: { name: 'Riverside Spine Clinic' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(!result.ok && result.error.message).toMatch(/^The settings could not be saved: the /);
    expect(!result.ok && result.error.message).toMatch(DISK_FULL);
    const state = value(await call('settings:get')) as { settings: { clinic: { name: string } } };
    expect(state.settings.clinic.name).toBe('');
  });

  it('importing a clinic configuration says the disk is full', async () => {
    const { call } = await appOnFullDisk();
    const text = JSON.stringify({ kind: CONFIG_FILE_KIND, version: SETTINGS_VERSION, exportedAt: '', settings: { ...defaultSettings, clinic: { ...defaultSettings.clinic, name: 'Imported Clinic' } } });
    const result = await call('config:import-apply', { text });
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(!result.ok && result.error.message).toMatch(DISK_FULL);
  });

  it('Print: says the disk is full (the PDF goes to a temp file first)', async () => {
    const { call } = await appOnFullDisk({ letterhead: true });
    const result = await call('packet:print', insuredCase);
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(!result.ok && result.error.message).toMatch(/^The packet could not be printed: the /);
    expect(!result.ok && result.error.message).toMatch(DISK_FULL);
  });

  it('the draft: saving says the disk is full, and the draft saved before is kept', async () => {
    const full = disk();
    const file = join(full.folder('data'), 'draft.bin');
    let failing = false;
    const drafts = createDraftStore(file, reversingCipher, {
      maxAgeHours: () => 12,
      now: () => new Date(),
      write: (path, data) => (failing ? full.write(path, data) : writeFileAtomic(path, data)),
    });
    const handlers = createDraftHandlers({ drafts });
    value(await handlers['draft:save']({ lastName: 'Okafor' }));
    full.fill();
    failing = true;
    const result = await handlers['draft:save']({ lastName: 'Okafor', firstName: 'Margaret' });
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(!result.ok && result.error.message).toMatch(/^The draft could not be saved: the /);
    expect(!result.ok && result.error.message).toMatch(DISK_FULL);
    expect(!result.ok && result.error.message).not.toMatch(/Okafor|Margaret/);
    expect(value(await handlers['draft:get'](undefined))).toEqual({ lastName: 'Okafor' });
  });
});
