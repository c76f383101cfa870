import { describe, expect, it } from 'vitest';
import { lockableSettings } from './policy';
import { defaultSettings, settingsSchema, type Settings } from './settings';
import { keepLockedParts, lockedPartsDiffering, lockedPartsTouched, lockedSettingsKey, lockRefusal } from './settings-lock';

const changed: Settings = {
  ...defaultSettings,
  clinic: { ...defaultSettings.clinic, name: 'Riverside Spine' },
  feeOverrides: { 'some-procedure': { 'line-1': { lowCents: 100, highCents: 200 } } },
  defaults: { ...defaultSettings.defaults, depositPercent: 25 },
};

describe('settings locked by the machine policy', () => {
  it('maps every lockable part to its own settings group', () => {
    const groups = lockableSettings.map((part) => lockedSettingsKey[part]);
    expect(new Set(groups).size).toBe(lockableSettings.length);
    for (const group of groups) expect(Object.keys(settingsSchema.shape)).toContain(group);
  });

  it('finds the locked parts a change touches, by settings group', () => {
    expect(lockedPartsTouched(['clinic', 'defaults'], ['feeSchedule', 'clinic'])).toEqual(['clinic']);
    expect(lockedPartsTouched(['feeOverrides'], ['feeSchedule'])).toEqual(['feeSchedule']);
    expect(lockedPartsTouched(['medicareRates'], ['feeSchedule', 'clinic'])).toEqual([]);
  });

  it('names each locked part in the refusal, with an issue at its settings group', () => {
    const one = lockRefusal(['feeSchedule']);
    expect(one.message).toMatch(/^Fee schedule is set by your clinic's IT \(machine policy\)/);
    expect(one.issues).toEqual([{ path: 'feeOverrides', message: expect.stringMatching(/Ask IT/) }]);
    const two = lockRefusal(['clinic', 'medicare']);
    expect(two.message).toMatch(/^Clinic profile and Medicare rates are set by/);
    expect(two.issues.map((i) => i.path)).toEqual(['clinic', 'medicareRates']);
  });

  it('keeps what IT locked and takes everything else from the incoming settings', () => {
    const kept = keepLockedParts(changed, defaultSettings, ['feeSchedule', 'clinic']);
    expect(kept.clinic).toEqual(defaultSettings.clinic);
    expect(kept.feeOverrides).toEqual(defaultSettings.feeOverrides);
    expect(kept.defaults.depositPercent).toBe(25);
    expect(keepLockedParts(changed, defaultSettings, [])).toEqual(changed);
  });

  it('says which locked parts differ', () => {
    expect(lockedPartsDiffering(changed, defaultSettings, ['clinic', 'medicare', 'defaults'])).toEqual(['clinic', 'defaults']);
    expect(lockedPartsDiffering(changed, changed, lockableSettings)).toEqual([]);
  });
});
