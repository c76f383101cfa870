import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeShare as computeShareWithTerms, type ShareTerms } from './cost-sharing';
import { computeEstimate } from './estimate';
import { applyFeeOverrides } from './fee-schedule';
import { defaultOptions, makeCase, shippedMedicare2026, shippedProcedureData } from '../testing/shipped-procedure';
import { medigapPlans } from '../case/enums';
import type { EstimateOptions } from './estimate';
import type { Case, CentsRange, Coverage, Estimate, ProviderAmounts, Supplement } from './types';

const RUNS = 3_000;
const { procedure, schedule } = shippedProcedureData();

const money = fc.integer({ min: 0, max: 1_000_000_000 });
const percent = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100);

type ShareInput = ShareTerms & { allowedCents: number; chargesCents: number };
const computeShare = ({ allowedCents, chargesCents, ...terms }: ShareInput) => computeShareWithTerms(terms, allowedCents, chargesCents);

const shareInput: fc.Arbitrary<ShareInput> = fc.record({
  allowedCents: money,
  chargesCents: money,
  network: fc.constantFrom('in' as const, 'out' as const),
  deductibleRemainingCents: money,
  coinsurancePercent: percent,
  copayCents: fc.oneof(fc.constant(0), money),
  outOfPocketRemainingCents: fc.oneof(fc.constant(null), money),
});

const isCents = (n: number) => Number.isSafeInteger(n) && n >= 0;

describe('computeShare properties', () => {
  it('whole non-negative cents; patient + insurance = allowed + balance bill; breakdown adds up', () => {
    fc.assert(
      fc.property(shareInput, (input) => {
        const s = computeShare(input);
        const b = s.breakdown;
        for (const n of [s.patientCents, s.insuranceCents, b.copayCents, b.deductibleCents, b.coinsuranceCents, b.balanceBillCents]) {
          expect(isCents(n)).toBe(true);
        }
        expect(s.patientCents + s.insuranceCents).toBe(input.allowedCents + b.balanceBillCents);
        expect(b.copayCents + b.deductibleCents + b.coinsuranceCents + b.balanceBillCents).toBe(s.patientCents);
        expect(b.balanceBillCents).toBe(input.network === 'out' ? Math.max(0, input.chargesCents - input.allowedCents) : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('in network, never above the remaining out-of-pocket maximum', () => {
    fc.assert(
      fc.property(shareInput, (input) => {
        const s = computeShare({ ...input, network: 'in' });
        if (input.outOfPocketRemainingCents !== null) expect(s.patientCents).toBeLessThanOrEqual(input.outOfPocketRemainingCents);
      }),
      { numRuns: RUNS },
    );
  });

  it('more deductible met (less remaining) never raises the share', () => {
    fc.assert(
      fc.property(shareInput, money, (input, moreMet) => {
        const before = computeShare(input).patientCents;
        const after = computeShare({ ...input, deductibleRemainingCents: Math.max(0, input.deductibleRemainingCents - moreMet) }).patientCents;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('a larger allowed amount never lowers the share (in network)', () => {
    fc.assert(
      fc.property(shareInput, money, (input, extra) => {
        const smaller = computeShare({ ...input, network: 'in' }).patientCents;
        const larger = computeShare({ ...input, network: 'in', allowedCents: input.allowedCents + extra }).patientCents;
        expect(larger).toBeGreaterThanOrEqual(smaller);
      }),
      { numRuns: RUNS },
    );
  });
});

const optionalMoney = fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined });
const providerAmountsArb: fc.Arbitrary<ProviderAmounts> = fc.record(
  { physician: fc.integer({ min: 0, max: 1_000_000 }), facility: fc.integer({ min: 0, max: 1_000_000 }), anesthesia: fc.integer({ min: 0, max: 1_000_000 }) },
  { requiredKeys: [] },
);
const supplementArb: fc.Arbitrary<Supplement> = fc.oneof(
  fc.record(
    { kind: fc.constant('medigap' as const), plan: fc.constantFrom(...medigapPlans), deductibleMetCents: fc.integer({ min: 0, max: 400_000 }), outOfPocketMetCents: fc.integer({ min: 0, max: 900_000 }) },
    { requiredKeys: ['kind', 'plan'] },
  ),
  fc.record({ kind: fc.constant('medicaid' as const), qmb: fc.boolean() }),
  fc.record({ kind: fc.constant('other' as const), paysPercent: percent }),
);
/** Coverage as validateCase lets each kind through (Original Medicare takes no plan figures). */
const coverageArb: fc.Arbitrary<Partial<Coverage>> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('commercial' as const, 'medicaid' as const, 'self-pay' as const, 'uninsured' as const),
    network: fc.constantFrom('in' as const, 'out' as const),
    deductibleCents: optionalMoney,
    deductibleMetCents: optionalMoney,
    coinsurancePercent: fc.option(percent, { nil: undefined }),
    copayCents: optionalMoney,
    outOfPocketMaxCents: fc.option(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5_000_000 })), { nil: undefined }),
    outOfPocketMetCents: optionalMoney,
    allowedAmountCents: optionalMoney,
  }),
  fc.record(
    {
      kind: fc.constant('medicare' as const),
      network: fc.constant('in' as const),
      deductibleMetCents: fc.integer({ min: 0, max: 50_000 }),
      supplement: supplementArb,
      allowedAmounts: providerAmountsArb,
    },
    { requiredKeys: ['kind', 'network'] },
  ),
  fc.record(
    {
      kind: fc.constant('medicare-advantage' as const),
      network: fc.constantFrom('in' as const, 'out' as const),
      deductibleCents: fc.integer({ min: 0, max: 500_000 }),
      deductibleMetCents: fc.integer({ min: 0, max: 500_000 }),
      coinsurancePercent: percent,
      copays: providerAmountsArb,
      outOfPocketMaxCents: fc.integer({ min: 0, max: 1_000_000 }),
      outOfPocketMetCents: fc.integer({ min: 0, max: 1_000_000 }),
      allowedAmounts: providerAmountsArb,
    },
    { requiredKeys: ['kind', 'network'] },
  ),
);
const caseArb: fc.Arbitrary<Case> = fc
  .tuple(
    coverageArb,
    fc.integer({ min: 1, max: 5 }),
    fc.constantFrom('hospital-outpatient' as const, 'asc' as const, 'office' as const),
    fc.constantFrom('local' as const, 'moderate' as const, 'anesthesia' as const),
  )
  .map(([coverage, levels, site, sedation]) => makeCase(coverage, { levels, site, sedation }));

const chargedIds = schedule.lines.filter((l) => l.included !== true).map((l) => l.id);
const overridesArb = fc.dictionary(
  fc.constantFrom(...chargedIds),
  fc.tuple(fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 0, max: 3_000_000 })).map(([a, b]) => ({ lowCents: Math.min(a, b), highCents: Math.max(a, b) })),
);
const medicare2026 = shippedMedicare2026();
/** The clinic's own Medicare amounts, the missing facility payments among them (or none). */
const medicareOverridesArb = fc.record(
  {
    'hospitalOutpatient.22511.payment': fc.integer({ min: 0, max: 1_500_000 }),
    'hospitalOutpatient.22511.minimumCopay': fc.integer({ min: 0, max: 300_000 }),
    'asc.22511.payment': fc.integer({ min: 0, max: 1_000_000 }),
    'deductibles.partB': fc.integer({ min: 0, max: 100_000 }),
    'physician.22511.facility': fc.integer({ min: 0, max: 500_000 }),
  },
  { requiredKeys: [] },
);
const optionsArb: fc.Arbitrary<EstimateOptions> = fc.record({
  selfPayDiscountPercent: percent,
  today: fc.constantFrom('2026-03-02', '2026-12-20'),
  medicare: medicareOverridesArb.map((overrides) => ({ files: [medicare2026], overrides: { '2026': overrides } })),
  payerContracts: fc.constant([]),
  depositPercent: percent,
});

/** Ranges whose low end is never above the high end. */
function orderedRanges(e: Estimate): CentsRange[] {
  return [
    e.charges, e.allowed, e.patient, e.insurance, e.referenceRange,
    ...e.lines.map((l) => ({ low: l.lowCents, high: l.highCents })),
    ...e.separatelyScheduled.map((l) => ({ low: l.lowCents, high: l.highCents })),
  ];
}

/**
 * The breakdown's parts are whole cents too, but not ordered: with several providers sharing
 * one out-of-pocket maximum, which part the cap cuts can differ between the two ends.
 */
function breakdownParts(e: Estimate): number[] {
  const keys = ['copayCents', 'deductibleCents', 'coinsuranceCents', 'balanceBillCents', 'secondaryCents'] as const;
  return [e.patientBreakdown, ...e.providers.map((p) => p.breakdown)].flatMap((b) => keys.flatMap((k) => [b.low[k], b.high[k]]));
}

describe('computeEstimate properties (random cases, clinic fees and settings)', () => {
  it('whole non-negative cents, low <= high for every total and line, and the money adds up, provider by provider', () => {
    fc.assert(
      fc.property(caseArb, overridesArb, optionsArb, (c, overrides, options) => {
        const e = computeEstimate(c, procedure, applyFeeOverrides(schedule, overrides), options);
        for (const r of orderedRanges(e)) {
          expect(isCents(r.low) && isCents(r.high)).toBe(true);
          expect(r.low).toBeLessThanOrEqual(r.high);
        }
        for (const n of breakdownParts(e)) expect(isCents(n)).toBe(true);
        for (const end of ['low', 'high'] as const) {
          expect(e.patient[end] + e.insurance[end] + e.secondary[end]).toBe(e.allowed[end] + e.patientBreakdown[end].balanceBillCents);
          // Each provider's parts add up to the totals.
          for (const key of ['charges', 'allowed', 'insurance', 'secondary', 'patient'] as const) {
            expect(e.providers.reduce((sum, p) => sum + p[key][end], 0)).toBe(e[key][end]);
          }
          for (const p of e.providers) {
            expect(isCents(p.patient[end]) && isCents(p.insurance[end]) && isCents(p.secondary[end]) && isCents(p.allowed[end])).toBe(true);
          }
          expect(e.lines.reduce((sum, l) => sum + (end === 'low' ? l.lowCents : l.highCents), 0)).toBe(e.charges[end]);
          if (e.goodFaithEstimate) expect(e.patient[end]).toBeLessThanOrEqual(e.charges[end]);
        }
        expect(e.goodFaithEstimate).toBe(c.coverage.kind === 'self-pay' || c.coverage.kind === 'uninsured');
      }),
      { numRuns: RUNS },
    );
  });

  it('in network, the patient never pays above the remaining out-of-pocket maximum', () => {
    fc.assert(
      fc.property(caseArb, optionsArb, (c, options) => {
        const e = computeEstimate({ ...c, coverage: { ...c.coverage, network: 'in' } }, procedure, schedule, options);
        const max = e.costSharing?.outOfPocketMaxCents;
        if (e.costSharing === null || max === null || max === undefined) return;
        expect(e.patient.high).toBeLessThanOrEqual(Math.max(0, max - e.costSharing.outOfPocketMetCents));
      }),
      { numRuns: RUNS },
    );
  });

  it('more deductible met never raises, and a larger allowed amount never lowers, the patient share', () => {
    fc.assert(
      fc.property(caseArb, optionsArb, fc.integer({ min: 1, max: 1_000_000 }), (c, options, delta) => {
        const run = (coverage: Partial<Coverage>) => computeEstimate({ ...c, coverage: { ...c.coverage, ...coverage } }, procedure, schedule, options);
        const base = run({});
        const moreMet = run({ deductibleMetCents: (c.coverage.deductibleMetCents ?? 0) + delta });
        expect(moreMet.patient.low).toBeLessThanOrEqual(base.patient.low);
        expect(moreMet.patient.high).toBeLessThanOrEqual(base.patient.high);
        if (c.coverage.network === 'in' && (c.coverage.kind === 'commercial' || c.coverage.kind === 'medicaid')) {
          const allowed = c.coverage.allowedAmountCents ?? 0;
          const smaller = run({ allowedAmountCents: allowed });
          const larger = run({ allowedAmountCents: allowed + delta });
          expect(larger.patient.high).toBeGreaterThanOrEqual(smaller.patient.high);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: same input, same output', () => {
    fc.assert(
      fc.property(caseArb, optionsArb, (c, options) => {
        expect(computeEstimate(c, procedure, schedule, options)).toEqual(computeEstimate(structuredClone(c), procedure, schedule, options));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the patient never owes more than is charged', () => {
  it('with an allowed amount within the charges, or none, patient <= charges at each end', () => {
    const kinds = fc.constantFrom('commercial' as const, 'medicaid' as const);
    fc.assert(
      fc.property(
        kinds,
        fc.constantFrom('in' as const, 'out' as const),
        fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
        fc.record({ deductibleCents: money, deductibleMetCents: money, coinsurancePercent: percent, copayCents: money }),
        fc.option(money, { nil: undefined }),
        (kind, network, allowedAmountCents, plan, outOfPocketMaxCents) => {
          const e = computeEstimate(makeCase({ kind, network, allowedAmountCents, ...plan, outOfPocketMaxCents }), procedure, schedule, defaultOptions);
          expect(e.patient.low).toBeLessThanOrEqual(e.charges.low);
          expect(e.patient.high).toBeLessThanOrEqual(e.charges.high);
          expect(e.insurance.low).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('Medicare properties', () => {
  const medicareCase = fc
    .tuple(
      fc.record({ deductibleMetCents: fc.integer({ min: 0, max: 50_000 }), allowedAmounts: providerAmountsArb }, { requiredKeys: [] }),
      supplementArb,
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom('hospital-outpatient' as const, 'asc' as const, 'office' as const),
      fc.constantFrom('local' as const, 'moderate' as const, 'anesthesia' as const),
    )
    .map(([coverage, supplement, levels, site, sedation]) => ({
      without: makeCase({ kind: 'medicare', ...coverage }, { levels, site, sedation }),
      withSupplement: makeCase({ kind: 'medicare', ...coverage, supplement }, { levels, site, sedation }),
    }));

  it('a supplement never makes the patient pay more than Original Medicare alone, provider by provider', () => {
    fc.assert(
      fc.property(medicareCase, optionsArb, ({ without, withSupplement }, options) => {
        const alone = computeEstimate(without, procedure, schedule, options);
        const behind = computeEstimate(withSupplement, procedure, schedule, options);
        for (const end of ['low', 'high'] as const) {
          expect(behind.patient[end]).toBeLessThanOrEqual(alone.patient[end]);
          expect(behind.insurance[end]).toBe(alone.insurance[end]);
          behind.providers.forEach((p, i) => expect(p.patient[end]).toBeLessThanOrEqual(alone.providers[i]?.patient[end] ?? Infinity));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('Original Medicare has no balance bill and no out-of-pocket maximum; the hospital coinsurance never passes the Part A deductible', () => {
    fc.assert(
      fc.property(medicareCase, optionsArb, ({ without }, options) => {
        const e = computeEstimate(without, procedure, schedule, options);
        const cap = options.medicare.overrides['2026']?.['deductibles.partA'] ?? medicare2026.deductibles.partA.value;
        for (const end of ['low', 'high'] as const) {
          expect(e.patientBreakdown[end].balanceBillCents).toBe(0);
          const facility = e.providers.find((p) => p.role === 'facility');
          if (without.procedure.site === 'hospital-outpatient' && facility !== undefined) {
            expect(facility.breakdown[end].coinsuranceCents).toBeLessThanOrEqual(cap);
          }
        }
        expect(e.costSharing?.outOfPocketMaxCents).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('commercial plans provider by provider (contracts, copays, networks, a second plan)', () => {
  const contracts = [
    { payer: 'Percent Plan', aliases: [], physician: { percentOfMedicare: 135 }, facility: { percentOfMedicare: 200 } },
    { payer: 'Code Plan', aliases: [], physician: { amountsCents: { '22511': 210_000, '22512': 90_000 } }, anesthesia: { percentOfMedicare: 150 } },
  ];
  const network = fc.constantFrom('in' as const, 'out' as const);
  const commercialArb = fc
    .tuple(
      fc.record(
        {
          payerName: fc.constantFrom('Percent Plan', 'code plan', 'Nobody Health'),
          deductibleCents: fc.integer({ min: 0, max: 1_000_000 }),
          deductibleMetCents: fc.integer({ min: 0, max: 1_000_000 }),
          coinsurancePercent: percent,
          outOfPocketMaxCents: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2_000_000 })),
          outOfPocketMetCents: fc.integer({ min: 0, max: 2_000_000 }),
          copays: providerAmountsArb,
          networkByProvider: fc.record({ physician: network, facility: network, anesthesia: network }, { requiredKeys: [] }),
          allowedAmountCents: fc.integer({ min: 0, max: 3_000_000 }),
        },
        { requiredKeys: ['payerName', 'deductibleCents', 'coinsurancePercent'] },
      ),
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom('hospital-outpatient' as const, 'asc' as const, 'office' as const),
      fc.constantFrom('local' as const, 'moderate' as const, 'anesthesia' as const),
    )
    .map(([coverage, levels, site, sedation]) => makeCase({ kind: 'commercial', ...coverage }, { levels, site, sedation }));
  const secondaryArb = fc.record(
    {
      deductibleCents: fc.integer({ min: 0, max: 1_000_000 }),
      deductibleMetCents: fc.integer({ min: 0, max: 1_000_000 }),
      coinsurancePercent: percent,
      copayCents: fc.integer({ min: 0, max: 50_000 }),
      outOfPocketMaxCents: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 2_000_000 })),
    },
    { requiredKeys: ['deductibleCents', 'coinsurancePercent'] },
  );
  const options = { ...defaultOptions, payerContracts: contracts };

  it('a second plan never raises what the patient owes, and the parts add up', () => {
    fc.assert(
      fc.property(commercialArb, secondaryArb, (c, secondary) => {
        const alone = computeEstimate(c, procedure, schedule, options);
        const both = computeEstimate({ ...c, coverage: { ...c.coverage, secondary } }, procedure, schedule, options);
        for (const end of ['low', 'high'] as const) {
          expect(both.patient[end]).toBeLessThanOrEqual(alone.patient[end]);
          expect(both.patient[end] + both.insurance[end] + both.secondary[end]).toBe(both.allowed[end] + both.patientBreakdown[end].balanceBillCents);
          for (const key of ['allowed', 'insurance', 'secondary', 'patient'] as const) {
            expect(both.providers.reduce((sum, p) => sum + p[key][end], 0)).toBe(both[key][end]);
          }
          for (const p of both.providers) expect(isCents(p.patient[end]) && isCents(p.insurance[end]) && isCents(p.secondary[end])).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('in network, the patient never pays above the remaining out-of-pocket maximum', () => {
    fc.assert(
      fc.property(commercialArb, (c) => {
        const inNetwork = { ...c, coverage: { ...c.coverage, network: 'in' as const, networkByProvider: undefined } };
        const e = computeEstimate(inNetwork, procedure, schedule, options);
        const max = e.costSharing?.outOfPocketMaxCents;
        if (e.costSharing === null || max === null || max === undefined) return;
        expect(e.patient.high).toBeLessThanOrEqual(Math.max(0, max - e.costSharing.outOfPocketMetCents));
      }),
      { numRuns: RUNS },
    );
  });
});
