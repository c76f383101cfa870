import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from './settings';
import { describeSettingsChanges } from './settings-diff';

describe('describeSettingsChanges', () => {
  it('is empty for identical settings', () => {
    expect(describeSettingsChanges(defaultSettings, structuredClone(defaultSettings))).toEqual([]);
  });

  it('names each changed setting with old and new values', () => {
    const after: Settings = {
      ...defaultSettings,
      clinic: { ...defaultSettings.clinic, name: 'Lakeside Spine', npi: '1234567893' },
      defaults: { ...defaultSettings.defaults, selfPayDiscountPercent: 25 },
      feeOverrides: { proc: { 'physician-22511': { lowCents: 150_000, highCents: 200_000 } } },
      medicareRates: { proc: { '2026': { 'deductibles.partB': 29_000, 'anesthesia.01942.baseUnits': 5, 'anesthesia.conversionFactor': 2_100.5 } } },
    };
    expect(describeSettingsChanges(defaultSettings, after)).toEqual([
      'Clinic name: (empty) -> Lakeside Spine',
      'NPI: (empty) -> 1234567893',
      'Self-pay discount: 0% -> 25%',
      'Medicare 2026 anesthesia.01942.baseUnits: national -> 5 units',
      'Medicare 2026 anesthesia.conversionFactor: national -> $21.0050',
      'Medicare 2026 deductibles.partB: national -> $290.00',
      'Fee physician-22511: default -> $1,500.00–$2,000.00',
    ]);
  });

  it('names changes to the other providers on the Good Faith Estimate', () => {
    const after: Settings = {
      ...defaultSettings,
      otherProviders: { ...defaultSettings.otherProviders, asc: { name: 'Lakeside Surgery Center', npi: '1234567893', tin: '', address: '' } },
    };
    expect(describeSettingsChanges(defaultSettings, after)).toEqual([
      'Surgery center name: (empty) -> Lakeside Surgery Center',
      'Surgery center NPI: (empty) -> 1234567893',
    ]);
  });

  it('names the doctors when the list changes', () => {
    const after: Settings = { ...defaultSettings, doctors: [{ name: 'Dr. Ana Ruiz', npi: '1234567893' }, { name: 'Dr. Lee', npi: '' }] };
    expect(describeSettingsChanges(defaultSettings, after)).toEqual(['Doctors: (empty) -> Dr. Ana Ruiz (NPI 1234567893); Dr. Lee']);
  });

  it('names a fee line by its code and description when they are known', () => {
    const after: Settings = { ...defaultSettings, feeOverrides: { proc: { 'physician-22511': { lowCents: 150_000, highCents: 200_000 } } } };
    expect(describeSettingsChanges(defaultSettings, after, { proc: { 'physician-22511': '22511 Vertebroplasty, first level' } })).toEqual([
      'Fee 22511 Vertebroplasty, first level: default -> $1,500.00–$2,000.00',
    ]);
  });
});
