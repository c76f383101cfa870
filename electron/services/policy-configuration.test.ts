/**
 * The machine policy's clinic configuration and lock, through the app's own services and
 * handlers: the configuration applied at start (whole when new or changed, the locked parts put
 * back at every start), changes to locked parts refused naming them, an imported file leaving
 * them as IT set them, and a configuration file that is not one stopping start-up, named.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigImportPreview, SettingsState, SharedRecordsView } from '../../core/ipc/contract';
import type { LockableSetting } from '../../core/policy';
import { CONFIG_FILE_KIND, SETTINGS_VERSION, defaultSettings, type Settings } from '../../core/settings';
import { loadGivenPolicy, PolicyError } from './policy';
import { POLICY_CONFIGURATION_STATE } from './policy-configuration';
import { describeStartupFailure } from './startup-failure';
import { startTestApp, value } from './testing/app-harness';

const configText = (settings: Settings) => JSON.stringify({ kind: CONFIG_FILE_KIND, version: SETTINGS_VERSION, exportedAt: '2026-12-01T09:00:00.000Z', settings });

const clinicSettings = (name: string, depositPercent: number): Settings => ({
  ...defaultSettings,
  clinic: { ...defaultSettings.clinic, name, phone: '555-0100' },
  defaults: { ...defaultSettings.defaults, depositPercent },
  // A file from another PC that chose the clinic's server: never this PC's choice.
  sharedRecords: { store: 'postgres', url: 'postgres://frontdesk@db.clinic.local:5432/clinic', caFile: '' },
});

/** A policy folder with policy.json naming clinic.json (written by `write`). */
function policyFolder(lock: LockableSetting[]) {
  const dir = mkdtempSync(join(tmpdir(), 'policy-configuration-'));
  writeFileSync(join(dir, 'policy.json'), JSON.stringify({ configuration: 'clinic.json', lock }));
  return {
    write: (text: string) => writeFileSync(join(dir, 'clinic.json'), text),
    load: () => loadGivenPolicy(join(dir, 'policy.json')),
    file: join(dir, 'clinic.json'),
  };
}

const state = async (app: ReturnType<typeof startTestApp>) => value(await app.call('settings:get')) as SettingsState;

describe("the machine policy's clinic configuration, applied at start", () => {
  it('applies a new configuration whole, keeping this PC\'s records choice, and notes it', async () => {
    const policy = policyFolder(['clinic']);
    policy.write(configText(clinicSettings('Riverside Spine Clinic', 20)));
    const app = startTestApp({ policy: await policy.load() });
    const { settings, locked } = await state(app);
    expect(settings.clinic.name).toBe('Riverside Spine Clinic');
    expect(settings.defaults.depositPercent).toBe(20);
    expect(settings.sharedRecords).toEqual(defaultSettings.sharedRecords);
    expect(locked).toEqual(['clinic']);
    const noted = JSON.parse(readFileSync(join(app.dataDir, POLICY_CONFIGURATION_STATE), 'utf8')) as { file: string; sha256: string };
    expect(noted.file).toBe(policy.file);
    expect(noted.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps what staff changed in unlocked parts at the next start, and applies a changed file again', async () => {
    const policy = policyFolder(['clinic']);
    policy.write(configText(clinicSettings('Riverside Spine Clinic', 20)));
    const first = startTestApp({ policy: await policy.load() });
    value(await first.call('settings:update', { defaults: { depositPercent: 35 } }));
    const again = startTestApp({ dataDir: first.dataDir, policy: await policy.load() });
    expect((await state(again)).settings.defaults.depositPercent).toBe(35);
    policy.write(configText(clinicSettings('Riverside Spine Clinic', 10)));
    const changed = startTestApp({ dataDir: first.dataDir, policy: await policy.load() });
    expect((await state(changed)).settings.defaults.depositPercent).toBe(10);
  });

  it('puts a locked part changed outside the app back to the configuration at the next start', async () => {
    const policy = policyFolder(['clinic']);
    policy.write(configText(clinicSettings('Riverside Spine Clinic', 20)));
    const first = startTestApp({ policy: await policy.load() });
    // Without the policy (as if it were removed for a day), the name is changed.
    const unmanaged = startTestApp({ dataDir: first.dataDir });
    value(await unmanaged.call('settings:update', { clinic: { name: 'Somebody Else' }, defaults: { depositPercent: 5 } }));
    const back = startTestApp({ dataDir: first.dataDir, policy: await policy.load() });
    const { settings } = await state(back);
    expect(settings.clinic.name).toBe('Riverside Spine Clinic');
    expect(settings.defaults.depositPercent).toBe(5);
  });

  it('applies the configuration whole again when the settings file was damaged and moved aside', async () => {
    const policy = policyFolder(['clinic']);
    policy.write(configText(clinicSettings('Riverside Spine Clinic', 20)));
    const first = startTestApp({ policy: await policy.load() });
    value(await first.call('settings:update', { defaults: { depositPercent: 35 } }));
    writeFileSync(join(first.dataDir, 'settings.json'), '{ not json');
    const again = startTestApp({ dataDir: first.dataDir, policy: await policy.load() });
    const { settings, notice } = await state(again);
    expect(notice).toMatch(/could not be read, so the app started with default settings/);
    expect(settings.clinic.name).toBe('Riverside Spine Clinic');
    expect(settings.defaults.depositPercent).toBe(20);
  });

  it('stops start-up naming the configuration file when it is not a clinic configuration', async () => {
    const policy = policyFolder([]);
    policy.write(JSON.stringify({ kind: 'something-else' }));
    let thrown: unknown = null;
    try {
      startTestApp({ policy: await policy.load() });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PolicyError);
    const shown = describeStartupFailure(thrown, { appRoot: '/opt/clinic', dataDir: '/home/frontdesk/clinic' });
    expect(shown.message).toContain(policy.file);
    expect(shown.message).toMatch(/clinic configuration file that IT's machine policy names/);
    expect(shown.message).toMatch(/kind: Expected "clinic-estimate-packet\/config"/);
  });

  it('stops start-up when the configuration file is not JSON', async () => {
    const policy = policyFolder([]);
    policy.write('{ "kind": ');
    await expect(async () => startTestApp({ policy: await policy.load() })).rejects.toMatchObject({ part: 'configuration', problem: 'not-json', file: policy.file });
  });
});

describe('settings the machine policy locks', () => {
  it('refuses a change to a locked part, naming it, and saves nothing; unlocked parts still save', async () => {
    const policy = policyFolder(['clinic', 'feeSchedule']);
    policy.write(configText(clinicSettings('Riverside Spine Clinic', 20)));
    const app = startTestApp({ policy: await policy.load() });
    const settingsJson = readFileSync(join(app.dataDir, 'settings.json'), 'utf8');
    const refused = await app.call('settings:update', { clinic: { name: 'Other' }, defaults: { depositPercent: 50 } });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('settings-locked');
    expect(refused.error.message).toMatch(/^Clinic profile is set by your clinic's IT \(machine policy\).*nothing was saved/);
    expect(refused.error.issues).toEqual([{ path: 'clinic', message: expect.stringMatching(/Ask IT/) }]);
    expect(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')).toBe(settingsJson);
    const { catalog } = app.services.estimates;
    const entry = catalog.entries[0];
    const line = entry?.schedule.lines[0];
    if (entry === undefined || line === undefined) throw new Error('the catalog has no fee line');
    const fees = await app.call('settings:update', { feeOverrides: { [entry.procedure.id]: { [line.id]: { lowCents: 1, highCents: 2 } } } });
    expect(fees.ok ? null : fees.error.message).toMatch(/^Fee schedule is set by/);
    expect((value(await app.call('settings:update', { defaults: { depositPercent: 50 } })) as Settings).defaults.depositPercent).toBe(50);
  });

  it('imports a configuration file without changing what is locked, and says which sections were kept', async () => {
    const policy = policyFolder(['clinic']);
    policy.write(configText(clinicSettings('Riverside Spine Clinic', 20)));
    const app = startTestApp({ policy: await policy.load() });
    const text = configText(clinicSettings('Lakeside Imaging', 40));
    const preview = value(await app.call('config:import-preview', { text })) as ConfigImportPreview;
    expect(preview.lockedKept).toEqual(['Clinic profile']);
    expect(preview.changes.join('\n')).not.toMatch(/Lakeside/);
    const applied = value(await app.call('config:import-apply', { text })) as Settings;
    expect(applied.clinic.name).toBe('Riverside Spine Clinic');
    expect(applied.defaults.depositPercent).toBe(40);
  });

  it('shows Shared records as set by IT and refuses a new choice or key when the policy locks it', async () => {
    const policy = policyFolder(['sharedRecords']);
    policy.write(configText(clinicSettings('Riverside Spine Clinic', 20)));
    const app = startTestApp({ policy: await policy.load() });
    expect((value(await app.call('shared-records:get')) as SharedRecordsView).source).toBe('policy');
    const saved = await app.call('shared-records:save', { store: 'local', url: '', caFile: '' });
    expect(saved.ok ? null : saved.error.code).toBe('settings-locked');
    const created = await app.call('shared-records:create-key');
    expect(created.ok ? null : created.error.message).toMatch(/^Shared records is set by your clinic's IT/);
  });
});
