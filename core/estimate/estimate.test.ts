import { describe, expect, it } from 'vitest';
import { computeEstimate } from './estimate';
import { toEstimateJson } from './estimate-json';
import { applyFeeOverrides } from './fee-schedule';
import { defaultOptions, makeCase, shippedProcedureData } from '../testing/shipped-procedure';
import type { Estimate, WarningCode } from './types';

const { procedure, schedule } = shippedProcedureData();
const estimate = (c = makeCase(), options = defaultOptions, fees = schedule): Estimate => computeEstimate(c, procedure, fees, options);
const codes = (e: Estimate): WarningCode[] => e.warnings.map((w) => w.code);

describe('computeEstimate: insured patients', () => {
  it('reproduces the HealthCare.gov $12,000 example through a whole estimate', () => {
    const e = estimate(
      makeCase({ allowedAmountCents: 1_200_000, deductibleCents: 300_000, deductibleMetCents: 0, coinsurancePercent: 20, outOfPocketMaxCents: 685_000, outOfPocketMetCents: 0 }),
    );
    expect(e.allowed).toEqual({ low: 1_200_000, high: 1_200_000 });
    expect(e.patient).toEqual({ low: 480_000, high: 480_000 });
    expect(e.insurance).toEqual({ low: 720_000, high: 720_000 });
    expect(e.goodFaithEstimate).toBe(false);
    expect(codes(e)).not.toContain('allowed-from-charges');
  });

  it('reproduces the $100 allowed, deductible met, 20% example: $20', () => {
    const e = estimate(makeCase({ allowedAmountCents: 10_000, deductibleCents: 300_000, deductibleMetCents: 300_000, coinsurancePercent: 20, outOfPocketMaxCents: 685_000 }));
    expect(e.patient).toEqual({ low: 2_000, high: 2_000 });
  });

  it('uses the charges as the allowed amount when none is given, and says so', () => {
    const e = estimate(makeCase({ deductibleCents: 0, coinsurancePercent: 10, outOfPocketMaxCents: null }));
    expect(e.allowed).toEqual(e.charges);
    expect(e.patient.low).toBe(Math.round(e.charges.low / 10));
    expect(e.patient.high).toBe(Math.round(e.charges.high / 10));
    expect(codes(e)).toContain('allowed-from-charges');
    expect(e.costSharing?.allowedFromStaff).toBe(false);
  });

  it('warns when typical values stand in for a commercial plan', () => {
    expect(codes(estimate(makeCase({ allowedAmountCents: 100_000 })))).toContain('preset-values-used');
  });

  it('warns when the deductible met exceeds the deductible, and treats it as met', () => {
    const e = estimate(makeCase({ allowedAmountCents: 100_000, deductibleCents: 50_000, deductibleMetCents: 90_000, coinsurancePercent: 20, outOfPocketMaxCents: null }));
    expect(codes(e)).toContain('deductible-met-exceeds-deductible');
    expect(e.patient.low).toBe(20_000);
  });

  it('warns when the out-of-pocket met exceeds the maximum, and charges nothing more in network', () => {
    const e = estimate(makeCase({ allowedAmountCents: 100_000, deductibleCents: 0, coinsurancePercent: 20, outOfPocketMaxCents: 100_000, outOfPocketMetCents: 150_000 }));
    expect(codes(e)).toContain('oop-met-exceeds-max');
    expect(e.patient).toEqual({ low: 0, high: 0 });
  });

  it('out of network adds the balance bill at each end and warns', () => {
    const e = estimate(makeCase({ network: 'out', allowedAmountCents: 300_000, deductibleCents: 0, coinsurancePercent: 40, outOfPocketMaxCents: null }));
    expect(codes(e)).toContain('out-of-network');
    expect(e.patientBreakdown.low.balanceBillCents).toBe(e.charges.low - 300_000);
    expect(e.patientBreakdown.high.balanceBillCents).toBe(e.charges.high - 300_000);
    expect(e.patient.high).toBe(120_000 + e.charges.high - 300_000);
  });

  it('medicaid: no cost sharing by default and a warning to confirm coverage', () => {
    const e = estimate(makeCase({ kind: 'medicaid', allowedAmountCents: 300_000 }));
    expect(e.patient).toEqual({ low: 0, high: 0 });
    expect(codes(e)).toContain('medicaid-check-coverage');
    expect(e.goodFaithEstimate).toBe(false);
  });
});

describe('computeEstimate: Good Faith Estimates', () => {
  it.each(['self-pay', 'uninsured'] as const)('%s: the discount is off the clinic\'s own charges only, no insurance, no cost sharing', (kind) => {
    // Hospital outpatient, 1 level, moderate sedation: the doctor bills 22511 $1,900-$2,800,
    // 99152 $150-$300 and 99153 $60-$120 ($2,110-$3,220); the hospital bills $4,000-$6,000.
    const e = estimate(makeCase({ kind }), { ...defaultOptions, selfPayDiscountPercent: 25 });
    expect(e.goodFaithEstimate).toBe(true);
    expect(e.costSharing).toBeNull();
    expect(e.insurance).toEqual({ low: 0, high: 0 });
    expect(e.providers.map((p) => [p.role, p.patient])).toEqual([
      ['physician', { low: 158_250, high: 241_500 }],
      ['facility', { low: 400_000, high: 600_000 }],
    ]);
    expect(e.patient).toEqual({ low: 558_250, high: 841_500 });
    expect(e.selfPayDiscountCents).toEqual({ low: 52_750, high: 80_500 });
    expect(e.patientBreakdown.high.selfPayCents).toBe(e.patient.high);
    expect(e.separatelyScheduled.map((s) => s.code)).toEqual(['72100', '72148', '72131']);
  });

  it('ignores plan fields for self-pay patients', () => {
    const e = estimate(makeCase({ kind: 'self-pay', allowedAmountCents: 100, deductibleCents: 5 }));
    expect(e.patient).toEqual(e.charges);
    expect(e.warnings).toEqual([]);
  });
});

describe('computeEstimate: lines and range', () => {
  it('shows biopsy and imaging guidance as included, never charged', () => {
    const e = estimate();
    const included = e.lines.filter((l) => l.included === true);
    expect(included.map((l) => l.code).sort()).toEqual(['20225', '77012']);
    for (const line of included) expect([line.lowCents, line.highCents]).toEqual([0, 0]);
    const sum = e.lines.reduce((acc, l) => ({ low: acc.low + l.lowCents, high: acc.high + l.highCents }), { low: 0, high: 0 });
    expect(sum).toEqual(e.charges);
  });

  it('bills 22511 once and 22512 per extra level', () => {
    const e = estimate(makeCase({}, { levels: 3, site: 'asc' }));
    expect(e.codes).toEqual(['22511', '22512']);
    const physicianExtra = e.lines.find((l) => l.code === '22512' && l.provider === 'physician');
    expect(physicianExtra?.quantity).toBe(2);
    expect(estimate(makeCase({}, { levels: 1 })).lines.some((l) => l.code === '22512')).toBe(false);
  });

  it('has no facility fee in the office', () => {
    expect(estimate(makeCase({}, { site: 'office' })).lines.some((l) => l.provider === 'facility')).toBe(false);
    expect(estimate(makeCase({}, { site: 'asc' })).lines.some((l) => l.provider === 'facility')).toBe(true);
  });

  it('bills anesthesia as 01942 by an anesthesia provider, moderate sedation as 99152/99153', () => {
    const anesthesia = estimate(makeCase({}, { sedation: 'anesthesia' }));
    expect(anesthesia.lines.filter((l) => l.provider === 'anesthesia').map((l) => l.code)).toEqual(['01942']);
    expect(anesthesia.lines.some((l) => l.code.startsWith('9915'))).toBe(false);
    const local = estimate(makeCase({}, { sedation: 'local' }));
    expect(local.lines.some((l) => l.code === '01942' || l.code.startsWith('9915'))).toBe(false);
  });

  it('warns about 4-5 levels and refuses more', () => {
    expect(codes(estimate(makeCase({}, { levels: 4 })))).toContain('many-levels');
    expect(codes(estimate(makeCase({}, { levels: 3 })))).not.toContain('many-levels');
    expect(() => estimate(makeCase({}, { levels: 6 }))).toThrow(RangeError);
  });

  it('follows clinic fees out of the published range and warns instead of clamping', () => {
    const fees = applyFeeOverrides(schedule, { 'facility-hospital-outpatient': { lowCents: 2_000_000, highCents: 2_500_000 } });
    const e = estimate(makeCase(), defaultOptions, fees);
    expect(e.withinReferenceRange).toBe(false);
    expect(e.charges.low).toBeGreaterThan(2_000_000);
    expect(codes(e)).toContain('outside-reference-range');
    // In staff's words: the usual price range, not a "published range".
    const message = e.warnings.find((w) => w.code === 'outside-reference-range')?.message ?? '';
    expect(message).toMatch(/fall outside the usual price range for this procedure \(\$5,000\.00 to \$15,000\.00\)/);
    expect(message).not.toMatch(/published/);
  });
});

describe('toEstimateJson', () => {
  it('prints the published shape in dollars', () => {
    const json = toEstimateJson(estimate(makeCase({ allowedAmountCents: 1_200_000, deductibleCents: 300_000, coinsurancePercent: 20, outOfPocketMaxCents: 685_000 })));
    expect(json.patient).toEqual({ low: 4800, high: 4800 });
    expect(json.referenceRange).toEqual({ low: 5000, high: 15000 });
    expect(json.patientBreakdown.low).toEqual({ copay: 0, deductible: 3000, coinsurance: 1800, balanceBill: 0, secondary: 0 });
    expect(json.allowedSource).toBe('entered');
    expect(json.rateYear).toBeNull();
    expect(json.secondary).toEqual({ low: 0, high: 0 });
    expect(json.lines.find((l) => l.code === '20225')).toMatchObject({ included: true, low: 0, high: 0, quantity: 1 });
    expect(json.lines.find((l) => l.code === '22511' && l.provider === 'physician')).not.toHaveProperty('included');
    expect(json.warnings.every((w) => typeof w === 'string' && w.length > 20)).toBe(true);
  });
});
