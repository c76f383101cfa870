import { mkdtempSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_VERSION } from '../../core/settings';
import { createSettingsService, type JsonStore } from './settings-service';

function serviceIn(dir: string) {
  const openStore = (): JsonStore =>
    new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', configFileMode: 0o600, projectName: 'clinic-test' });
  return createSettingsService({
    openStore,
    filePath: join(dir, 'settings.json'),
    rename: renameSync,
    now: () => new Date('2026-11-29T10:00:00.000Z'),
    migration: { legacyProcedureId: 'first-procedure' },
  });
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'clinic-settings-'));

describe('settings service on conf', () => {
  it('starts with defaults and no notice', () => {
    const service = serviceIn(tempDir());
    expect(service.get()).toEqual(defaultSettings);
    expect(service.notice).toBeNull();
  });

  it('persists an update to a file a new service reads back', () => {
    const dir = tempDir();
    serviceIn(dir).update({ clinic: { name: 'Lakeside Spine' } });
    const again = serviceIn(dir);
    expect(again.get().clinic.name).toBe('Lakeside Spine');
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk['version']).toBe(SETTINGS_VERSION);
  });

  it('writes the file readable by its owner only', () => {
    const dir = tempDir();
    serviceIn(dir).update({ clinic: { phone: '555-0100' } });
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses an invalid update and keeps the old value', () => {
    const service = serviceIn(tempDir());
    service.update({ clinic: { npi: '1234567893' } });
    expect(() => service.update({ clinic: { npi: '123' } })).toThrow();
    expect(service.get().clinic.npi).toBe('1234567893');
  });

  it('moves a corrupt file aside, starts with defaults and says so', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{ "version": 1, "settings": { broken');
    const service = serviceIn(dir);
    expect(service.get()).toEqual(defaultSettings);
    expect(service.notice).toContain('settings.json.corrupt-2026-11-29T10-00-00-000Z');
    const files = readdirSync(dir);
    expect(files).toContain('settings.json.corrupt-2026-11-29T10-00-00-000Z');
    expect(readFileSync(join(dir, 'settings.json.corrupt-2026-11-29T10-00-00-000Z'), 'utf8')).toContain('broken');
  });

  it('moves aside a file that is valid JSON but not valid settings', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ version: 1, settings: { clinic: { npi: 42 } } }));
    const service = serviceIn(dir);
    expect(service.notice).not.toBeNull();
    expect(readdirSync(dir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('migrates a version 1 file: fee overrides move under the original procedure, and the next save writes the current version', () => {
    const dir = tempDir();
    const fee = { lowCents: 410_000, highCents: 610_000 };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ version: 1, settings: { ...defaultSettings, feeOverrides: { 'facility-asc': fee } } }));
    const service = serviceIn(dir);
    expect(service.notice).toBeNull();
    expect(service.get().feeOverrides).toEqual({ 'first-procedure': { 'facility-asc': fee } });
    service.update({ clinic: { name: 'Lakeside' } });
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { version: number; settings: { feeOverrides: unknown } };
    expect(onDisk.version).toBe(SETTINGS_VERSION);
    expect(onDisk.settings.feeOverrides).toEqual({ 'first-procedure': { 'facility-asc': fee } });
  });

  it('keeps a file from a newer app untouched, says so, and saves nothing until the app is updated', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ version: 99, settings: { clinic: { name: 'From the future' }, somethingNew: true } });
    writeFileSync(join(dir, 'settings.json'), newer);
    const service = serviceIn(dir);
    expect(service.get()).toEqual(defaultSettings);
    expect(service.notice).toContain(`newer version of this app (settings version 99; this app reads up to ${SETTINGS_VERSION})`);
    expect(service.readOnlyReason).toBe(service.notice);
    expect(() => service.update({ clinic: { name: 'Lakeside' } })).toThrow(/read-only/);
    service.setWindowBounds({ width: 900, height: 700 });
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(newer);
    expect(readdirSync(dir).some((f) => f.includes('corrupt'))).toBe(false);
  });

  it('remembers window bounds', () => {
    const dir = tempDir();
    serviceIn(dir).setWindowBounds({ width: 1100, height: 800, x: 10, y: 20 });
    expect(serviceIn(dir).getWindowBounds()).toEqual({ width: 1100, height: 800, x: 10, y: 20 });
  });
});
