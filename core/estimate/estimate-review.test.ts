/** Cases a review found the engine got wrong or stayed silent on. */
import { describe, expect, it } from 'vitest';
import { parseCase } from '../testing/shipped-procedure';
import { computeEstimate } from './estimate';
import { defaultOptions, makeCase, shippedProcedureData } from '../testing/shipped-procedure';
import type { Estimate, WarningCode } from './types';

const { procedure, schedule } = shippedProcedureData();
const estimate = (c = makeCase(), options = defaultOptions): Estimate => computeEstimate(c, procedure, schedule, options);
const codes = (e: Estimate): WarningCode[] => e.warnings.map((w) => w.code);
const plan = { deductibleCents: 300_000, deductibleMetCents: 0, coinsurancePercent: 20, outOfPocketMaxCents: 685_000, outOfPocketMetCents: 0 };

describe('out of network with no allowed amount', () => {
  it('shows the full charges as what the patient may owe, not a best case', () => {
    const e = estimate(makeCase({ ...plan, network: 'out' }));
    expect(e.patient).toEqual(e.charges);
    expect(e.insurance).toEqual({ low: 0, high: 0 });
    expect(e.patientBreakdown.high.balanceBillCents).toBe(e.charges.high);
    expect(codes(e)).toContain('allowed-unknown-out-of-network');
    expect(codes(e)).not.toContain('allowed-from-charges');
  });

  it('is never below the in-network figure for the same plan', () => {
    const inNetwork = estimate(makeCase(plan));
    const outOfNetwork = estimate(makeCase({ ...plan, network: 'out' }));
    expect(outOfNetwork.patient.low).toBeGreaterThanOrEqual(inNetwork.patient.low);
    expect(outOfNetwork.patient.high).toBeGreaterThanOrEqual(inNetwork.patient.high);
  });
});

describe('an allowed amount above the charges', () => {
  it('is used as given but warned about in plain words', () => {
    const e = estimate(makeCase({ ...plan, allowedAmountCents: 2_000_000 }));
    expect(e.allowed).toEqual({ low: 2_000_000, high: 2_000_000 });
    const warning = e.warnings.find((w) => w.code === 'allowed-exceeds-charges');
    expect(warning?.message).toMatch(/\$20,000\.00.*more than the total charges/);
  });

  it('is not warned about when it is within the charges', () => {
    expect(codes(estimate(makeCase({ ...plan, allowedAmountCents: 500_000 })))).not.toContain('allowed-exceeds-charges');
  });
});

describe('out-of-pocket met left blank', () => {
  it('counts at least the deductible already met toward the maximum', () => {
    const e = estimate(makeCase({ ...plan, deductibleMetCents: 300_000, outOfPocketMetCents: undefined, allowedAmountCents: 4_000_000 }));
    expect(e.patient.high).toBe(685_000 - 300_000);
    expect(e.outOfPocketCapReached).toBe(true);
  });

  it('warns when the out-of-pocket met is below the deductible met', () => {
    const e = estimate(makeCase({ ...plan, deductibleMetCents: 200_000, outOfPocketMetCents: 100_000 }));
    expect(codes(e)).toContain('oop-met-below-deductible-met');
  });
});

describe('the out-of-pocket cap flag', () => {
  it('is set only when the maximum limited the share', () => {
    expect(estimate(makeCase({ ...plan, outOfPocketMetCents: 600_000 })).outOfPocketCapReached).toBe(true);
    expect(estimate(makeCase({ ...plan, allowedAmountCents: 100_000 })).outOfPocketCapReached).toBe(false);
  });
});

describe('Original Medicare and Medicaid', () => {
  it.each(['medicare', 'medicaid'] as const)('%s has no network and no balance bill', (kind) => {
    const e = estimate(makeCase({ kind, network: 'out' }));
    expect(e.costSharing?.network).toBe('in');
    expect(e.patientBreakdown.high.balanceBillCents).toBe(0);
    expect(codes(e)).toContain('no-network-plan');
    expect(codes(e)).not.toContain('out-of-network');
  });

  it('Medicare Advantage keeps its network for the cost sharing, but with no balance bill (42 CFR 422.214)', () => {
    const e = estimate(makeCase({ kind: 'medicare-advantage', network: 'out', coinsurancePercent: 40 }));
    expect(e.costSharing?.network).toBe('out');
    expect(e.patientBreakdown.high.balanceBillCents).toBe(0);
    expect(codes(e)).toContain('medicare-advantage-out-of-network');
    expect(codes(e)).not.toContain('out-of-network');
  });
});

describe('scheduled date', () => {
  const raw = (scheduledDate: string) => ({
    patient: { firstName: 'A', lastName: 'B', dateOfBirth: '1950-01-01' },
    procedure: { id: 'vertebroplasty-lumbar', levels: 1, site: 'office', sedation: 'local', scheduledDate },
    coverage: { kind: 'self-pay' },
  });

  it('refuses a date in the past, naming the field', () => {
    const result = parseCase(raw('2026-11-28'), '2026-11-29');
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(['procedure.scheduledDate']);
  });

  it('accepts today and later', () => {
    expect(parseCase(raw('2026-11-29'), '2026-11-29').ok).toBe(true);
    expect(parseCase(raw('2027-01-15'), '2026-11-29').ok).toBe(true);
  });
});

describe('typical plan values', () => {
  it('names exactly the figures that came from typical values', () => {
    const e = estimate(makeCase({ kind: 'commercial', deductibleCents: 300_000, outOfPocketMaxCents: 685_000 }));
    const warning = e.warnings.find((w) => w.code === 'preset-values-used');
    expect(warning?.message).toMatch(/used for: Coinsurance 20%\./);
    expect(warning?.message).not.toMatch(/Deductible|Out-of-pocket/);
  });

  it('says nothing when staff typed every plan figure', () => {
    expect(codes(estimate(makeCase({ kind: 'commercial', ...plan })))).not.toContain('preset-values-used');
  });
});
