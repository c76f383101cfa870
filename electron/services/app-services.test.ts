/**
 * The handlers behind every channel, through the same dispatch Electron's ipcMain and the
 * preview bridge use, with real files in a temp folder and real PDFs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../core/settings';
import { localIsoDate } from './app-services';
import { startTestApp, value } from './testing/app-harness';
import { shippedProcedureId } from '../../core/testing/shipped-procedure';
import { clinic, insuredCase, letterheadOnly, otherProviders, uninsuredCase } from './testing/packet-fixtures';

const setup = startTestApp;

describe('dispatch', () => {
  it('refuses an unknown channel and a request that fails its schema, naming the field', async () => {
    const { call } = setup();
    expect(await call('shell:exec', 'rm -rf /')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await call('settings:update', { clinic: { npi: 42 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!bad.ok && bad.error.issues.map((i) => i.path)).toEqual(['clinic.npi']);
  });

  it('estimates a case and names bad fields with the case schema', async () => {
    const { call } = setup();
    const estimate = value(await call('estimate:compute', insuredCase)) as { goodFaithEstimate: boolean; patient: { low: number } };
    expect(estimate.goodFaithEstimate).toBe(false);
    expect(estimate.patient.low).toBeGreaterThan(0);
    const bad = await call('estimate:compute', { ...insuredCase, coverage: { ...insuredCase.coverage, coinsurancePercent: 120 } });
    expect(!bad.ok && bad.error.issues.map((i) => i.path)).toContain('coverage.coinsurancePercent');
  });
});

describe('packets', () => {
  it("refuses every packet on a fresh install until the clinic's name and phone are set, naming them, and keeps the draft", async () => {
    const { call } = setup();
    value(await call('draft:save', { lastName: 'Okafor' }));
    for (const channel of ['packet:preview', 'packet:print', 'packet:save-pdf']) {
      const refused = await call(channel, insuredCase);
      expect(refused).toMatchObject({ ok: false, error: { code: 'missing-clinic-details', issues: [{ path: 'clinic.name' }] } });
      expect(!refused.ok && refused.error.message).toBe("Before you can print packets, add the clinic's name and phone number in Settings → Clinic profile.");
    }
    value(await call('settings:update', { clinic: { name: letterheadOnly.name } }));
    const noPhone = await call('packet:save-pdf', insuredCase);
    expect(!noPhone.ok && noPhone.error.issues).toEqual([{ path: 'clinic.phone', message: expect.stringContaining("add the clinic's phone number") }]);
    expect(value(await call('draft:get'))).toEqual({ lastName: 'Okafor' });
  });

  it('previews a real PDF with the suggested file name', async () => {
    const { call } = setup();
    value(await call('settings:update', { clinic: letterheadOnly }));
    const packet = value(await call('packet:preview', insuredCase)) as { pdfBase64: string; fileName: string; reference: string };
    expect(Buffer.from(packet.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(packet.fileName).toBe('Okafor-Margaret-vertebroplasty-2026-11-29.pdf');
    expect(packet.reference).toMatch(/\S{6,}/);
  });

  it('refuses a Good Faith Estimate until the clinic NPI and TIN are set, then saves it and clears the draft', async () => {
    const { call, dataDir, services } = setup();
    value(await call('draft:save', { firstName: 'Walter' }));
    const blocked = await call('packet:save-pdf', uninsuredCase);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'missing-clinic-details' } });
    expect(!blocked.ok && blocked.error.message).toMatch(/Settings/);
    expect(value(await call('draft:get'))).toEqual({ firstName: 'Walter' });

    value(await call('settings:update', { clinic, defaults: { selfPayDiscountPercent: 25 } }));
    // At a surgery center: its own name, NPI, TIN and address too, or its fee would print under the clinic's.
    const noCenter = await call('packet:save-pdf', uninsuredCase);
    expect(noCenter).toMatchObject({ ok: false, error: { code: 'missing-clinic-details', issues: [{ path: 'otherProviders.asc.name' }] } });
    expect(!noCenter.ok && noCenter.error.message).toContain('Settings → Other providers → Surgery center (ASC)');
    value(await call('settings:update', { otherProviders }));
    const saved = value(await call('packet:save-pdf', uninsuredCase)) as { saved: boolean; path: string };
    expect(saved.saved).toBe(true);
    expect(readFileSync(saved.path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', saved.path, '-'], { encoding: 'utf8' });
    // The discount is the clinic's own line, one amount (the high end), in the clinic's block.
    expect(text).toMatch(/Self-pay discount \(25%\)\s+−\s\$[\d,]+\.\d\d\n/);
    expect(value(await call('draft:get'))).toBeNull();
    // Kept on record, with its audit entry (who and when, never whom) in the same database.
    const store = (await services.records).store;
    const entries = (await store?.auditEntries()) ?? [];
    expect(entries.filter((e) => e.action === 'issue-save')).toMatchObject([{ osUser: 'frontdesk1', reference: expect.stringMatching(/^VP-/) }]);
    expect(JSON.stringify(entries)).not.toMatch(/Walter|Brennan|1951/);
    expect((await store?.search('brenn'))?.rows.map((r) => r.kind)).toEqual(['good-faith-estimate']);
    expect(existsSync(join(dataDir, 'audit.log'))).toBe(false);
  });

  it('says plainly when the folder cannot be written, and keeps the draft', async () => {
    const blockedDir = join(mkdtempSync(join(tmpdir(), 'clinic-blocked-')), 'not-a-folder');
    writeFileSync(blockedDir, 'a file where a folder should be');
    const { call } = setup({ saveDir: blockedDir });
    value(await call('settings:update', { clinic: letterheadOnly }));
    value(await call('draft:save', { lastName: 'Okafor' }));
    const result = await call('packet:save-pdf', insuredCase);
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(!result.ok && result.error.message).toMatch(/could not be saved|cannot be written|Choose another/);
    expect(value(await call('draft:get'))).toEqual({ lastName: 'Okafor' });
  });
});

describe('audit log', () => {
  it('a failed audit write does not turn a saved packet into an error', async () => {
    // No OS key store: no records are kept, so the audit goes to audit.log, which cannot be written.
    const dataDir = mkdtempSync(join(tmpdir(), 'clinic-services-'));
    mkdirSync(join(dataDir, 'audit.log'));
    const refuse = async (): Promise<never> => Promise.reject(new Error('encryption unavailable'));
    const { call, logs, services } = setup({ dataDir, cipher: { encrypt: refuse, decrypt: refuse } });
    expect((await services.records).status.available).toBe(false);
    value(await call('settings:update', { clinic }));
    const saved = value(await call('packet:save-pdf', insuredCase)) as { saved: boolean };
    expect(saved.saved).toBe(true);
    expect(logs.join('\n')).toMatch(/\[audit\] could not write packet-saved/);
    expect(logs.join('\n')).not.toMatch(/Okafor|Margaret/);
  });
});

describe('issued packets and Past estimates', () => {
  it('says whether an issued packet was kept on record, so the form never claims Past estimates without them', async () => {
    const kept = setup();
    expect((await kept.services.records).status.available).toBe(true);
    value(await kept.call('settings:update', { clinic }));
    expect(value(await kept.call('packet:save-pdf', insuredCase))).toMatchObject({ saved: true, recorded: true });
    expect(value(await kept.call('packet:print', insuredCase))).toEqual({ printed: true, recorded: true, waiting: false });

    // No OS key store: no records are kept (the audit goes to audit.log).
    const refuse = async (): Promise<never> => Promise.reject(new Error('encryption unavailable'));
    const notKept = setup({ cipher: { encrypt: refuse, decrypt: refuse } });
    expect((await notKept.services.records).status.available).toBe(false);
    value(await notKept.call('settings:update', { clinic }));
    expect(value(await notKept.call('packet:save-pdf', insuredCase))).toMatchObject({ saved: true, recorded: false });
    expect(value(await notKept.call('packet:print', insuredCase))).toEqual({ printed: true, recorded: false, waiting: false });
  });
});

describe('drafts', () => {
  it('keeps the draft encrypted at rest with the cipher given', async () => {
    const { call, dataDir } = setup();
    value(await call('draft:save', { firstName: 'Margaret', memberId: 'XJH123456789' }));
    const raw = readFileSync(join(dataDir, 'draft.bin'), 'utf8');
    expect(raw).not.toContain('Margaret');
    expect(value(await call('draft:get'))).toEqual({ firstName: 'Margaret', memberId: 'XJH123456789' });
    value(await call('draft:clear'));
    expect(existsSync(join(dataDir, 'draft.bin'))).toBe(false);
  });
});

describe('clinic configuration', () => {
  it('exports one file that another PC previews as changes and then imports', async () => {
    const first = setup();
    value(await first.call('settings:update', { clinic, defaults: { selfPayDiscountPercent: 30 }, feeOverrides: { [shippedProcedureId]: { 'facility-hospital-outpatient': { lowCents: 410_000, highCents: 620_000 } } } }));
    const exported = value(await first.call('config:export')) as { saved: boolean; path: string };
    expect(exported.path).toMatch(/clinic-configuration-2026-11-29\.json$/);
    const text = readFileSync(exported.path, 'utf8');

    const second = setup();
    const preview = value(await second.call('config:import-preview', { text })) as { changes: string[] };
    expect(preview.changes).toContain('Clinic name: (empty) -> Riverside Spine Clinic');
    expect(preview.changes).toContain('Self-pay discount: 0% -> 30%');
    expect(preview.changes.find((line) => line.startsWith('Fee 22511 Hospital outpatient facility fee'))).toMatch(/default -> \$4,100\.00–\$6,200\.00$/);
    const imported = value(await second.call('config:import-apply', { text })) as Settings;
    expect(imported.clinic.npi).toBe('1234567893');
    expect(second.changed.at(-1)?.clinic.name).toBe('Riverside Spine Clinic');
  });

  it('imports a file exported before other providers existed, leaving them empty', async () => {
    const { call } = setup();
    const { otherProviders: _dropped, ...older } = defaultSettings;
    const text = JSON.stringify({ kind: 'clinic-estimate-packet/config', version: 1, exportedAt: '', settings: { ...older, clinic: { ...older.clinic, name: 'Old File Clinic' } } });
    const imported = value(await call('config:import-apply', { text })) as Settings;
    expect(imported.clinic.name).toBe('Old File Clinic');
    expect(imported.otherProviders.asc.npi).toBe('');
  });

  it('refuses a file that is not a configuration, changing nothing', async () => {
    const { call } = setup();
    const notJson = await call('config:import-preview', { text: 'hello' });
    expect(notJson).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const badNpi = await call('config:import-preview', {
      text: JSON.stringify({ kind: 'clinic-estimate-packet/config', version: 1, exportedAt: '', settings: { ...defaultSettings, clinic: { ...defaultSettings.clinic, npi: '123' } } }),
    });
    expect(!badNpi.ok && badNpi.error.message).toMatch(/settings\.clinic\.npi: This NPI is not valid/);
    const wrongVersion = await call('config:import-apply', { text: JSON.stringify({ kind: 'clinic-estimate-packet/config', version: 99, exportedAt: '', settings: {} }) });
    expect(!wrongVersion.ok && wrongVersion.error.message).toMatch(/newer version of the app/);
    const settings = value(await call('settings:get')) as { settings: Settings };
    expect(settings.settings.clinic.name).toBe('');
  });
});

describe('settings from a newer version of the app', () => {
  it('refuses changes, imports and exports (which would send stand-in defaults to other PCs), keeping the file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clinic-newer-'));
    const newer = JSON.stringify({ version: 99, settings: { clinic: { name: 'Future Clinic' } } });
    writeFileSync(join(dataDir, 'settings.json'), newer);
    const { call } = setup({ dataDir });
    const state = value(await call('settings:get')) as { notice: string };
    expect(state.notice).toMatch(/newer version of this app/);
    for (const [channel, request] of [['settings:update', { clinic: { name: 'X' } }], ['config:export', undefined], ['config:import-apply', { text: '{}' }]] as const) {
      expect(await call(channel, request)).toMatchObject({ ok: false, error: { code: 'settings-read-only' } });
    }
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe(newer);
  });
});

describe('localIsoDate', () => {
  it('is the local calendar date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('errors never carry patient data to the log', () => {
  it('a failed draft write says what failed, with no patient data in the message or the log', async () => {
    const { call, logs, dataDir } = setup();
    mkdirSync(join(dataDir, 'draft.bin'));
    const result = await call('draft:save', { firstName: 'Margaret', lastName: 'Okafor' });
    expect(result).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(!result.ok && result.error.message).toMatch(/^The draft could not be saved: the computer reported an error \(EISDIR\)/);
    expect(JSON.stringify(result)).not.toMatch(/Margaret|Okafor/);
    expect(logs.join('\n')).not.toMatch(/Margaret|Okafor/);
  });
});
