import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../core/settings';
import { shippedProcedureData } from '../../../core/testing/shipped-procedure';
import { toCaseJson } from './form-case-json';
import { initialValues } from './form-model';
import { caseFromKey, estimateSettingsKey, liveEstimateKey } from './live-estimate-key';

const base: Settings = defaultSettings;
const caseJson = toCaseJson({ ...initialValues(base.defaults), firstName: 'Ana', lastName: 'Ruiz', dateOfBirth: '03/14/1950' }, shippedProcedureData().procedure);

describe('live estimate key', () => {
  it("changes when a fee, the self-pay discount or one of the clinic's Medicare amounts changes", () => {
    const before = liveEstimateKey(caseJson, estimateSettingsKey(base));
    const fee = { ...base, feeOverrides: { p: { 'facility-hopd': { lowCents: 100, highCents: 200 } } } };
    const discount = { ...base, defaults: { ...base.defaults, selfPayDiscountPercent: 15 } };
    const deductible = { ...base, medicareRates: { p: { '2026': { 'deductibles.partB': 30_000 } } } };
    for (const changed of [fee, discount, deductible]) {
      expect(liveEstimateKey(caseJson, estimateSettingsKey(changed))).not.toBe(before);
    }
  });

  it('stays the same for a clinic profile change or fee lines listed in another order', () => {
    const a = { lowCents: 1, highCents: 2 };
    const b = { lowCents: 3, highCents: 4 };
    const clinic = { ...base, clinic: { ...base.clinic, name: 'Lakeside' } };
    expect(estimateSettingsKey(clinic)).toBe(estimateSettingsKey(base));
    expect(estimateSettingsKey({ ...base, feeOverrides: { p: { x: a, y: b } } })).toBe(estimateSettingsKey({ ...base, feeOverrides: { p: { y: b, x: a } } }));
  });

  it('is null while the form stops the estimate, and gives back the case it was made from', () => {
    expect(liveEstimateKey(null, estimateSettingsKey(base))).toBeNull();
    const key = liveEstimateKey(caseJson, estimateSettingsKey(base));
    expect(key && caseFromKey(key)).toEqual(caseJson);
  });
});
