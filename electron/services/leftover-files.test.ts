/**
 * A crash mid-save leaves a half-written temp file with patient data beside the target. The temp
 * carries the app's marker (never the patient's name), the folders the app saves into are noted
 * (paths only), and the next start-up removes old leftovers there and in the data folder.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPartialFile, writeFileAtomic } from './atomic-write';
import { startTestApp, value } from './testing/app-harness';
import { insuredCase, letterheadOnly } from './testing/packet-fixtures';

const LEFTOVER = '.clinic-estimate-partial-0123456789ab.tmp';
const MINUTE_MS = 60_000;

function leave(dir: string, name: string, ageMs: number): string {
  const path = join(dir, name);
  writeFileSync(path, 'half a packet: Okafor Margaret 1948-03-02');
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
  return path;
}

describe('writeFileAtomic temp files', () => {
  it('are named with the app marker, never after the file being written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-names-'));
    const seen = new Set<string>();
    const done = new Promise<void>((resolve) => {
      const watcher = watch(dir, (_event, name) => {
        if (name === null) return;
        seen.add(name);
        if (name === 'Okafor-Margaret-vertebroplasty.pdf') {
          watcher.close();
          resolve();
        }
      });
    });
    await writeFileAtomic(join(dir, 'Okafor-Margaret-vertebroplasty.pdf'), Buffer.alloc(256 * 1024, 7));
    await done;
    const temps = [...seen].filter((name) => name !== 'Okafor-Margaret-vertebroplasty.pdf');
    expect(temps.length).toBeGreaterThan(0);
    for (const name of temps) {
      expect(name).toMatch(/^\.clinic-estimate-partial-[0-9a-f]{12}\.tmp$/);
      expect(isPartialFile(name)).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(['Okafor-Margaret-vertebroplasty.pdf']);
  });
});

describe('leftovers at start-up', () => {
  it('removes old leftovers in the data folder and in folders the app saved into, keeping young ones and other files', async () => {
    const saveDir = mkdtempSync(join(tmpdir(), 'clinic-saved-here-'));
    const first = startTestApp({ saveDir });
    value(await first.call('settings:update', { clinic: letterheadOnly }));
    const saved = value(await first.call('packet:save-pdf', insuredCase)) as { saved: boolean; path: string };
    expect(saved.path.startsWith(saveDir)).toBe(true);
    await first.services.leftoversRemoved;
    // The folder list holds paths only, never a patient's name.
    const noted = readFileSync(join(first.dataDir, 'saved-folders.json'), 'utf8');
    expect(noted).toContain(JSON.stringify(saveDir));
    expect(noted).not.toMatch(/Okafor|Margaret/);

    // The app "crashes" mid-save: half-written temps stay behind.
    const oldInSaved = leave(saveDir, LEFTOVER, 10 * MINUTE_MS);
    const oldInData = leave(first.dataDir, '.clinic-estimate-partial-ba9876543210.tmp', 10 * MINUTE_MS);
    // Written by an earlier version of the app (named after the patient's file).
    const legacy = leave(first.dataDir, '.draft.bin.0123456789ab.tmp', 10 * MINUTE_MS);
    // Another instance (another PC on a shared folder) may be writing this one right now.
    const young = leave(saveDir, '.clinic-estimate-partial-00000000000a.tmp', 10_000);
    const unrelated = leave(saveDir, '.someone-elses.tmp', 10 * MINUTE_MS);
    // Another program's temp file of the same shape, but not a kind of file the app writes.
    const othersShaped = leave(saveDir, '.report.docx.0123456789ab.tmp', 10 * MINUTE_MS);

    const second = startTestApp({ dataDir: first.dataDir, saveDir });
    expect(await second.services.leftoversRemoved).toBe(3);
    expect([oldInSaved, oldInData, legacy].filter((path) => existsSync(path))).toEqual([]);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
    expect(existsSync(othersShaped)).toBe(true);
    expect(existsSync(saved.path)).toBe(true);
    expect(second.logs.join('\n')).not.toMatch(/Okafor|Margaret/);
  });

  it('starts when a folder it saved into is gone (a USB stick removed)', async () => {
    const saveDir = mkdtempSync(join(tmpdir(), 'clinic-usb-'));
    const first = startTestApp({ saveDir });
    value(await first.call('settings:update', { clinic: letterheadOnly }));
    value(await first.call('packet:save-pdf', insuredCase));
    rmSync(saveDir, { recursive: true, force: true });
    const oldInData = leave(first.dataDir, LEFTOVER, 10 * MINUTE_MS);
    const second = startTestApp({ dataDir: first.dataDir });
    expect(await second.services.leftoversRemoved).toBe(1);
    expect(existsSync(oldInData)).toBe(false);
  });
});
