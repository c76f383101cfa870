/**
 * Every way a logo comes in goes through the logo check: Settings (settings:update), an imported
 * clinic configuration (config:import-*), the CLI's clinic file; and a packet asked for with a
 * logo an older version stored, which cannot be printed, names the logo instead of "(Error)".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../core/result';
import { applySettingsPatch, CONFIG_FILE_KIND, defaultSettings, SETTINGS_VERSION, type Settings } from '../../core/settings';
import { readClinicFile } from '../cli/clinic-file';
import { createConfigHandlers } from '../ipc/config-ipc';
import { createSettingsHandlers } from '../ipc/settings-ipc';
import { LOGO_UNPRINTABLE, LOGO_UNREADABLE } from './clinic-logo';
import { createPacketService } from './packet-service';
import type { SettingsService } from './settings-service';
import { dataUrl, decodedSize, pngBytes, pngHeaderClaiming } from './testing/logo-images';
import * as fx from './testing/packet-fixtures';

const broken = 'data:image/png;base64,AAAA';
const tmp = mkdtempSync(join(tmpdir(), 'clinic-logo-'));

/** An in-memory settings service: what the handlers need of the real one. */
function memorySettings(start: Settings = defaultSettings): SettingsService {
  let current = start;
  return {
    get: () => current,
    update: (patch) => (current = applySettingsPatch(current, patch)),
    replace: (next) => (current = next),
    notice: null,
    readOnlyReason: null,
    canRetry: false,
    retryRead: () => true,
    getWindowBounds: () => null,
    setWindowBounds: () => undefined,
  };
}

function handlers(settings = memorySettings()) {
  const settingsHandlers = createSettingsHandlers({ settings, settingsChanged: () => undefined });
  const config = createConfigHandlers({
    settings,
    estimates: { catalog: fx.shippedCatalog() },
    migration: { legacyProcedureId: 'vertebroplasty-lumbar' },
    audit: { record: async () => undefined },
    today: () => fx.PREPARED_DATE,
    now: () => new Date(2026, 10, 29),
    saveFile: async () => ({ saved: false }),
    settingsChanged: () => undefined,
    describeWriteError: () => 'not written',
  });
  return { settings, ...settingsHandlers, ...config };
}

const logoIssue = (result: Result<unknown>) => (result.ok ? null : result.error.issues.find((i) => i.path === 'clinic.logoDataUrl')?.message);

describe('the logo set in Settings', () => {
  it('is refused on the logo field when it cannot be read, and nothing is saved', async () => {
    const h = handlers();
    const refused = await h['settings:update']({ clinic: { ...fx.clinic, logoDataUrl: broken } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: LOGO_UNREADABLE } });
    expect(logoIssue(refused)).toBe(LOGO_UNREADABLE);
    expect(h.settings.get().clinic.name).toBe('');
    const bomb = await h['settings:update']({ clinic: { logoDataUrl: dataUrl('png', pngHeaderClaiming(30000, 30000)) } });
    expect(logoIssue(bomb)).toBe('The logo is 30000 x 30000 pixels; use a picture at most 2000 x 2000.');
  });

  it('is stored small when it is a big picture', async () => {
    const h = handlers();
    const saved = await h['settings:update']({ clinic: { ...fx.clinic, logoDataUrl: dataUrl('png', pngBytes(1500, 500)) } });
    expect(saved.ok && decodedSize(saved.value.clinic.logoDataUrl)).toMatchObject({ width: 600, height: 200 });
  });
});

describe('the logo in an imported clinic configuration', () => {
  const file = (logoDataUrl: string) =>
    JSON.stringify({ kind: CONFIG_FILE_KIND, version: SETTINGS_VERSION, exportedAt: '', settings: { ...defaultSettings, clinic: { ...fx.clinic, logoDataUrl } } });

  it('is refused in the preview and on import, changing nothing', async () => {
    const h = handlers();
    const preview = await h['config:import-preview']({ text: file(broken) });
    expect(!preview.ok && preview.error.message).toContain(LOGO_UNREADABLE);
    const applied = await h['config:import-apply']({ text: file(broken) });
    expect(logoIssue(applied)).toBe(LOGO_UNREADABLE);
    expect(h.settings.get().clinic.name).toBe('');
  });

  it('is stored small when it is a big picture', async () => {
    const h = handlers();
    const applied = await h['config:import-apply']({ text: file(dataUrl('png', pngBytes(900, 900))) });
    expect(applied.ok && decodedSize(applied.value.clinic.logoDataUrl)).toMatchObject({ width: 200, height: 200 });
  });
});

describe("the CLI's clinic file", () => {
  it('names a logo that cannot be read', () => {
    const path = join(tmp, 'clinic.json');
    writeFileSync(path, JSON.stringify({ name: fx.clinic.name, logoDataUrl: broken }));
    const read = readClinicFile(path);
    expect(!read.ok && read.output).toBe(`clinic.logoDataUrl: ${LOGO_UNREADABLE}\n`);
    writeFileSync(path, JSON.stringify({ name: fx.clinic.name, logoDataUrl: dataUrl('png', pngBytes(1200, 200)) }));
    const good = readClinicFile(path);
    expect(good.ok && decodedSize(good.value.profile.logoDataUrl).width).toBe(600);
  });
});

describe('a packet with a logo an older version stored', () => {
  const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });

  it('that cannot be printed: the packet is refused naming the logo and where to fix it', async () => {
    for (const logoDataUrl of [broken, dataUrl('png', pngBytes(300, 100).subarray(0, 200))]) {
      const result = await service.build({ ...fx.estimateCase(fx.insuredCase), clinic: { ...fx.clinic, logoDataUrl }, preparedDate: fx.PREPARED_DATE });
      expect(result).toMatchObject({ ok: false, error: { message: LOGO_UNPRINTABLE, issues: [{ path: 'clinic.logoDataUrl', message: LOGO_UNPRINTABLE }] } });
    }
  }, 60_000);

  it('that can be printed: the packet is made', async () => {
    const result = await service.build({ ...fx.estimateCase(fx.insuredCase), clinic: { ...fx.clinic, logoDataUrl: dataUrl('png', pngBytes(300, 100)) }, preparedDate: fx.PREPARED_DATE });
    expect(result.ok).toBe(true);
  }, 60_000);
});
