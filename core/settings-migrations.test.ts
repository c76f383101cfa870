import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_VERSION } from './settings';
import { migrateSettings, migrateV1ToV2, migrateV2ToV3, migrateV3ToV4, migrateV4ToV5, migrateV5ToV6, migrationSteps } from './settings-migrations';

const context = { legacyProcedureId: 'first-procedure' };
const fee = { lowCents: 100, highCents: 200 };

describe('settings migrations', () => {
  it('has one pure step for every version before the current one', () => {
    for (let v = 1; v < SETTINGS_VERSION; v += 1) expect(migrationSteps[v], `step ${v}`).toBeTypeOf('function');
    expect(migrationSteps[SETTINGS_VERSION]).toBeUndefined();
  });

  it('1 -> 2 moves the fee overrides under the original procedure and leaves the rest alone', () => {
    const v1 = { clinic: { name: 'Lakeside' }, feeOverrides: { 'facility-asc': fee } };
    expect(migrateV1ToV2(v1, context)).toEqual({ clinic: { name: 'Lakeside' }, feeOverrides: { 'first-procedure': { 'facility-asc': fee } } });
    expect(migrateV1ToV2({ feeOverrides: {} }, context)).toEqual({ feeOverrides: {} });
    expect(v1.feeOverrides).toEqual({ 'facility-asc': fee });
  });

  it('2 -> 3 keeps a Part B deductible the clinic had changed as its 2026 Medicare amount, and drops the national one', () => {
    const v2 = { defaults: { language: 'en', largePrint: false, selfPayDiscountPercent: 10, medicareDeductibleCents: 29_000 }, feeOverrides: {} };
    expect(migrateV2ToV3(v2, context)).toEqual({
      defaults: { language: 'en', largePrint: false, selfPayDiscountPercent: 10 },
      feeOverrides: {},
      medicareRates: { 'first-procedure': { '2026': { 'deductibles.partB': 29_000 } } },
    });
    expect(migrateV2ToV3({ defaults: { medicareDeductibleCents: 28_300 } }, context)).toEqual({ defaults: {}, medicareRates: {} });
    expect(v2.defaults.medicareDeductibleCents).toBe(29_000);
    const outcome = migrateSettings(2, { ...defaultSettings, medicareRates: undefined, defaults: { ...defaultSettings.defaults, medicareDeductibleCents: 28_300 } }, context);
    expect(outcome).toEqual({ ok: true, migratedFrom: 2, settings: defaultSettings });
  });

  it('3 -> 4 lists no doctors yet, and a version 3 file opens with an empty list', () => {
    expect(migrateV3ToV4({ clinic: { name: 'Lakeside' } })).toEqual({ clinic: { name: 'Lakeside' }, doctors: [] });
    const { doctors: _none, records: _later, ...v3 } = defaultSettings;
    expect(migrateSettings(3, v3, context)).toEqual({ ok: true, migratedFrom: 3, settings: defaultSettings });
  });

  it('4 -> 5 keeps records 6 years, shows the privacy screen after 5 idle minutes, restores drafts up to 8 hours', () => {
    expect(migrateV4ToV5({})).toEqual({ records: { retentionYears: 6, keepWithoutKeyStore: false, idleMinutes: 5, draftMaxAgeHours: 8 } });
    const { records: _none, ...v4 } = defaultSettings;
    expect(migrateSettings(4, v4, context)).toEqual({ ok: true, migratedFrom: 4, settings: defaultSettings });
    const outcome = migrateSettings(SETTINGS_VERSION, { ...defaultSettings, records: { ...defaultSettings.records, retentionYears: 0 } }, context);
    expect(outcome.ok === false && outcome.reason === 'invalid' && outcome.issues.map((i) => i.path)).toEqual(['settings.records.retentionYears']);
  });

  it('5 -> 6 keeps records on this computer until Settings -> Shared records chooses the clinic server; the choice is read back and checked', () => {
    expect(migrateV5ToV6({ clinic: { name: 'Lakeside' } })).toEqual({ clinic: { name: 'Lakeside' }, sharedRecords: { store: 'local', url: '', caFile: '' } });
    const { sharedRecords: _none, ...v5 } = defaultSettings;
    expect(migrateSettings(5, v5, context)).toEqual({ ok: true, migratedFrom: 5, settings: defaultSettings });
    const shared = { ...defaultSettings, sharedRecords: { store: 'postgres' as const, url: 'postgres://clinic_app@db.clinic.local:5432/clinic', caFile: '' } };
    expect(migrateSettings(SETTINGS_VERSION, shared, context)).toEqual({ ok: true, migratedFrom: null, settings: shared });
    const withPassword = { ...shared, sharedRecords: { ...shared.sharedRecords, url: 'postgres://clinic_app:secret@db.clinic.local/clinic' } };
    const outcome = migrateSettings(SETTINGS_VERSION, withPassword, context);
    expect(outcome.ok === false && outcome.reason === 'invalid' && outcome.issues.map((i) => i.path)).toEqual(['settings.sharedRecords.url']);
    expect(JSON.stringify(outcome)).not.toContain('secret');
  });

  it('refuses a doctors list with the same doctor twice, naming the entry', () => {
    const twice = { ...defaultSettings, doctors: [{ name: 'Dr. Ana Ruiz', npi: '' }, { name: 'dr. ana ruiz ', npi: '' }] };
    const outcome = migrateSettings(SETTINGS_VERSION, twice, context);
    expect(outcome.ok === false && outcome.reason === 'invalid' && outcome.issues.map((i) => i.path)).toEqual(['settings.doctors.1.name']);
  });

  it('brings a version 1 file to the current version, defaults filling missing groups', () => {
    const outcome = migrateSettings(1, { ...defaultSettings, otherProviders: undefined, feeOverrides: { 'facility-asc': fee } }, context);
    expect(outcome).toEqual({ ok: true, migratedFrom: 1, settings: { ...defaultSettings, feeOverrides: { 'first-procedure': { 'facility-asc': fee } } } });
  });

  it('reads the current version as it is', () => {
    const current = { ...defaultSettings, feeOverrides: { p: { x: fee } } };
    expect(migrateSettings(SETTINGS_VERSION, current, context)).toEqual({ ok: true, migratedFrom: null, settings: current });
  });

  it('recognises a file from a newer app instead of calling it corrupt', () => {
    expect(migrateSettings(SETTINGS_VERSION + 1, defaultSettings, context)).toEqual({ ok: false, reason: 'newer', version: SETTINGS_VERSION + 1 });
  });

  it('calls unreadable what no version can read, naming the field', () => {
    for (const [version, raw, path] of [
      ['2', defaultSettings, 'version'],
      [0, defaultSettings, 'version'],
      [2, 'text', 'settings'],
      [2, { ...defaultSettings, clinic: 'Lakeside' }, 'settings.clinic'],
      [2, { ...defaultSettings, defaults: { ...defaultSettings.defaults, selfPayDiscountPercent: 130 } }, 'settings.defaults.selfPayDiscountPercent'],
    ] as const) {
      const outcome = migrateSettings(version, raw, context);
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.reason === 'invalid' && outcome.issues[0]?.path).toBe(path);
    }
  });
});

describe("the clinic's Medicare amounts", () => {
  it('are checked by unit: whole cents, base units to 0-100, the conversion factor to the hundredth of a cent', () => {
    const withRates = (rates: Record<string, number>) => migrateSettings(SETTINGS_VERSION, { ...defaultSettings, medicareRates: { p: { '2026': rates } } }, context);
    expect(withRates({ 'deductibles.partB': 29_000, 'anesthesia.01942.baseUnits': 5.5, 'anesthesia.conversionFactor': 2_049.76 }).ok).toBe(true);
    for (const [id, value] of [['deductibles.partB', 28_350.5], ['anesthesia.01942.baseUnits', 99_999], ['anesthesia.conversionFactor', 2_049.761], ['physician.22511.facility', -1]] as const) {
      const outcome = withRates({ [id]: value });
      expect(!outcome.ok && outcome.reason === 'invalid' && outcome.issues[0]?.path, id).toBe(`settings.medicareRates.p.2026.${id}`);
    }
  });
});
