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
      defaults: { ...defaultSettings.defaults, selfPayDiscountPercent: 25, medicareDeductibleCents: 29_000 },
      feeOverrides: { 'physician-22511': { lowCents: 150_000, highCents: 200_000 } },
    };
    expect(describeSettingsChanges(defaultSettings, after)).toEqual([
      'Clinic name: (empty) -> Lakeside Spine',
      'NPI: (empty) -> 1234567893',
      'Self-pay discount: 0% -> 25%',
      'Medicare deductible: $283.00 -> $290.00',
      'Fee physician-22511: default -> $1,500.00–$2,000.00',
    ]);
  });

  it('names a fee line by its code and description when they are known', () => {
    const after: Settings = { ...defaultSettings, feeOverrides: { 'physician-22511': { lowCents: 150_000, highCents: 200_000 } } };
    expect(describeSettingsChanges(defaultSettings, after, { 'physician-22511': '22511 Vertebroplasty, first level' })).toEqual([
      'Fee 22511 Vertebroplasty, first level: default -> $1,500.00–$2,000.00',
    ]);
  });
});
