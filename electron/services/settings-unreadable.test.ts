/**
 * A valid settings file the app cannot read (no permission; on Windows a lock by antivirus or
 * OneDrive) is not corrupt: it is left in place, the app runs on defaults without saving over
 * it, says why, and Try again reads it once it can.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_VERSION, defaultSettings } from '../../core/settings';
import { createSettingsService, type JsonStore } from './settings-service';
import { faultFolder, giveToChild, permissionMethod, runNode } from './testing/fault-methods';

const probe = join(import.meta.dirname, 'testing', 'settings-probe.ts');
const fileText = JSON.stringify({ version: SETTINGS_VERSION, settings: { ...defaultSettings, clinic: { ...defaultSettings.clinic, name: 'Riverside Spine Clinic' } } });

interface ProbeState {
  step: string;
  notice: string | null;
  canRetry: boolean;
  clinicName: string;
  saveRefused: boolean;
  files: string[];
}

describe('a settings file this user may not read (real permissions)', () => {
  it('is left in place, not saved over, named in plain words, and read on Try again once allowed', async (context) => {
    const method = permissionMethod();
    console.log(`[settings-unreadable] unreadable settings file: ${method.label}`);
    if (method.kind === 'unavailable') context.skip();
    const dataDir = faultFolder(method, 'clinic-unreadable-');
    const file = join(dataDir, 'settings.json');
    writeFileSync(file, fileText);
    giveToChild(method, file);
    chmodSync(file, 0o000);
    const states: ProbeState[] = [];
    const run = await runNode(method, [probe, dataDir], (line, answer) => {
      states.push(JSON.parse(line) as ProbeState);
      if (states.length === 1) {
        // Someone fixes the permission; then staff press Try again.
        chmodSync(file, 0o600);
        answer('retry\n');
      }
    });
    expect(run.stderr).toBe('');
    const [first, second] = states;
    expect(first?.notice).toMatch(/^The settings file could not be read: the user signed in to this computer is not allowed to read it\./);
    expect(first?.notice).toMatch(/Try again/);
    expect(first?.notice).not.toMatch(/corrupt|moved/);
    expect(first).toMatchObject({ canRetry: true, clinicName: '', saveRefused: true, files: ['settings.json'] });
    expect(second).toMatchObject({ notice: null, canRetry: false, clinicName: 'Riverside Spine Clinic', files: ['settings.json'] });
    expect(readFileSync(file, 'utf8')).toBe(fileText);
  });
});

describe('a settings file locked by another program (Windows: EBUSY / EPERM; no such lock on Linux, so the error is given)', () => {
  function lockedService(failures: number, code: 'EBUSY' | 'EPERM') {
    let opens = 0;
    let pauses = 0;
    const stored: Record<string, unknown> = JSON.parse(fileText) as Record<string, unknown>;
    const openStore = (): JsonStore => {
      opens += 1;
      if (opens <= failures) throw Object.assign(new Error(`${code}: resource busy or locked, open`), { code });
      return { path: 'settings.json', store: stored, set: (key, v) => (stored[key] = v) };
    };
    const renamed: string[] = [];
    const service = createSettingsService({ openStore, filePath: 'settings.json', rename: (from) => renamed.push(from), now: () => new Date(), migration: { legacyProcedureId: 'x' }, pause: () => (pauses += 1) });
    return { service, renamed, opens: () => opens, pauses: () => pauses };
  }

  it('is tried again at start-up, and used once the lock goes', () => {
    const { service, renamed, opens, pauses } = lockedService(2, 'EBUSY');
    expect(service.notice).toBeNull();
    expect(service.get().clinic.name).toBe('Riverside Spine Clinic');
    expect(opens()).toBe(3);
    expect(pauses()).toBe(2);
    expect(renamed).toEqual([]);
  });

  it('still locked: defaults without saving, the notice names the lock, and Try again reads it later', () => {
    const { service, renamed } = lockedService(3, 'EPERM');
    expect(service.notice).toMatch(/^The settings file could not be read: it is locked by another program \(for example antivirus or OneDrive\)\./);
    expect(service.readOnlyReason).toBe(service.notice);
    expect(service.get().clinic.name).toBe('');
    expect(() => service.update({ clinic: { name: 'X' } })).toThrow();
    expect(renamed).toEqual([]);
    expect(service.retryRead()).toBe(true);
    expect(service.get().clinic.name).toBe('Riverside Spine Clinic');
    expect(service.notice).toBeNull();
    expect(service.readOnlyReason).toBeNull();
  });
});

describe('a settings file that is not JSON is still corrupt', () => {
  it('is moved aside as before', () => {
    const moved: string[] = [];
    let opens = 0;
    const openStore = (): JsonStore => {
      opens += 1;
      if (opens === 1) throw new SyntaxError('Unexpected token');
      return { path: 'settings.json', store: {}, set: () => undefined };
    };
    const service = createSettingsService({ openStore, filePath: 'settings.json', rename: (from) => moved.push(from), now: () => new Date(), migration: { legacyProcedureId: 'x' } });
    expect(moved).toEqual(['settings.json']);
    expect(service.notice).toMatch(/The old file was kept as/);
    expect(service.canRetry).toBe(false);
  });
});
