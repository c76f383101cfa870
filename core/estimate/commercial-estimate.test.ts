/**
 * Hand-worked commercial cases (issue 10) on the shipped fee schedule and 2026 Medicare file:
 * payer contracts (a percentage of Medicare line by line, amounts per code), no match, two
 * plans by coordination of benefits, a plan with no maximum, a next-plan-year date, the No
 * Surprises Act for anesthesia, and the deposit and payment plan arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultOptions, makeCase, shippedProcedureData } from '../testing/shipped-procedure';
import { computeEstimate, planYearOf, type EstimateOptions } from './estimate';
import type { PayerContract } from './payer-contracts';
import { matchContract } from './payer-contracts';
import { splitPayments } from './payments';
import type { Case, Coverage, ProcedureChoice } from './types';

const { procedure, schedule } = shippedProcedureData();
const codes = (e: { warnings: { code: string }[] }) => e.warnings.map((w) => w.code);
const office = { site: 'office', sedation: 'local' } as const;

const percentContract: PayerContract = { payer: 'Blue Prairie PPO', aliases: ['BPH', 'Blue Prairie Health'], physician: { percentOfMedicare: 135 } };
const codeContract: PayerContract = { payer: 'Acme Health', aliases: [], physician: { amountsCents: { '22511': 210_000 } } };
const withContracts = (contracts: PayerContract[], more: Partial<EstimateOptions> = {}): EstimateOptions => ({ ...defaultOptions, payerContracts: contracts, ...more });
const plan = { kind: 'commercial' as const, deductibleCents: 100_000, deductibleMetCents: 0, coinsurancePercent: 20, outOfPocketMaxCents: 600_000 };
const commercial = (coverage: Partial<Coverage>, choice: Partial<ProcedureChoice> = office): Case => makeCase({ ...plan, ...coverage }, choice);
const estimate = (c: Case, options: EstimateOptions = defaultOptions) => computeEstimate(c, procedure, schedule, options);

describe('payer contracts', () => {
  it('matches the payer by name or alias, regardless of case, spacing and punctuation', () => {
    expect(matchContract([percentContract], '  blue prairie  ppo')?.payer).toBe('Blue Prairie PPO');
    expect(matchContract([percentContract], 'B.P.H.')?.payer).toBe('Blue Prairie PPO');
    expect(matchContract([percentContract], 'Blue Prairie')).toBeNull();
    expect(matchContract([percentContract], undefined)).toBeNull();
  });

  it('135% of Medicare, line by line: 22511 in the office $1,773.92 x 1.35 = $2,394.79; $1,000 deductible + 20% of $1,394.79', () => {
    const e = estimate(commercial({ payerName: 'Blue Prairie Health' }), withContracts([percentContract]));
    expect(e.allowed).toEqual({ low: 239_479, high: 239_479 });
    expect(e.allowedSource).toBe('payer-contract');
    expect(e.contract).toBe('Blue Prairie PPO');
    expect(e.patient.low).toBe(100_000 + 27_896);
    expect(codes(e)).not.toContain('allowed-from-charges');
  });

  it("uses the clinic's own Medicare amounts (locality) for the percentage", () => {
    const e = estimate(commercial({ payerName: 'BPH' }), withContracts([percentContract], { medicare: { ...defaultOptions.medicare, overrides: { '2026': { 'physician.22511.nonFacility': 200_000 } } } }));
    expect(e.allowed.low).toBe(270_000);
  });

  it('per-code amounts: $2,100 for 22511; a code the contract leaves out uses its charges, and says so', () => {
    const one = estimate(commercial({ payerName: 'acme health' }), withContracts([codeContract]));
    expect(one.allowed).toEqual({ low: 210_000, high: 210_000 });
    expect(one.patient.low).toBe(100_000 + 22_000);
    const two = estimate(commercial({ payerName: 'Acme Health' }, { ...office, levels: 2 }), withContracts([codeContract]));
    expect(two.allowed).toEqual({ low: 210_000 + 160_000, high: 210_000 + 240_000 });
    expect(two.warnings.find((w) => w.code === 'contract-incomplete')?.message).toMatch(/22512/);
  });

  it('an allowed amount staff typed wins over the contract, and says so; a contract left unused is not named', () => {
    const e = estimate(commercial({ payerName: 'BPH', allowedAmountCents: 150_000 }), withContracts([percentContract]));
    expect(e.allowed.low).toBe(150_000);
    expect(e.contract).toBeNull();
    expect(e.warnings.find((w) => w.code === 'contract-not-used')?.message).toMatch(/instead of the payer contract "Blue Prairie PPO"/);
    const outOfNetwork = estimate(commercial({ payerName: 'BPH', network: 'out' }), withContracts([percentContract]));
    expect(outOfNetwork.contract).toBeNull();
    expect(codes(outOfNetwork)).toContain('allowed-unknown-out-of-network');
  });

  it('one provider out of network is said, and its charges above the allowed amount may be billed', () => {
    const e = estimate(commercial({ networkByProvider: { facility: 'out' } }, { site: 'hospital-outpatient', sedation: 'local' }));
    expect(e.warnings.find((w) => w.code === 'out-of-network')?.message).toMatch(/Out of network: the facility/);
    expect(e.providers.find((p) => p.role === 'facility')?.breakdown.low.balanceBillCents).toBe(400_000);
  });

  it('no match falls back to the charges, with a warning naming the payer', () => {
    const e = estimate(commercial({ payerName: 'Sunrise Health' }), withContracts([percentContract]));
    expect(e.allowedSource).toBe('charges');
    expect(e.contract).toBeNull();
    expect(e.warnings.find((w) => w.code === 'contract-not-found')?.message).toMatch(/No payer contract in Settings matches "Sunrise Health"/);
  });

  it('a hospital case: the contract prices the doctor, the facility its charges; the deductible is taken doctor first', () => {
    // Doctor: 135% x $361.40 = $487.89, all deductible. Facility $4,000: $512.11 deductible + 20% of $3,487.89.
    const e = estimate(commercial({ payerName: 'BPH' }, { site: 'hospital-outpatient', sedation: 'local' }), withContracts([percentContract]));
    const [doctor, facility] = e.providers;
    expect(doctor?.allowed.low).toBe(48_789);
    expect(doctor?.patient.low).toBe(48_789);
    expect(facility?.allowedSource).toBe('charges');
    expect(facility?.patient.low).toBe(51_211 + 69_758);
    expect(e.patient.low).toBe(48_789 + 51_211 + 69_758);
    expect(e.warnings.filter((w) => w.code === 'allowed-from-charges').map((w) => w.message)).toEqual([
      "The payer contract gives no amounts for the facility: its charges are used, and the plan's allowed amount is usually lower. Add them to the contract in Settings, or ask the payer.",
    ]);
  });
});

describe('two plans (coordination of benefits)', () => {
  const allowed = { allowedAmountCents: 200_000, outOfPocketMaxCents: null };

  it('the second plan pays the smaller of what is left and what it would have paid alone', () => {
    // First plan: $1,000 + 20% of $1,000 = $1,200 left to the patient.
    expect(estimate(commercial(allowed)).patient.low).toBe(120_000);
    // Second: $500 deductible, 20%: alone it pays $2,000 - $800 = $1,200 -> pays all $1,200.
    const full = estimate(commercial({ ...allowed, secondary: { deductibleCents: 50_000, coinsurancePercent: 20 } }));
    expect(full.patient.low).toBe(0);
    expect(full.secondary.low).toBe(120_000);
    // Second: $1,500 deductible, 50%: alone it pays $2,000 - $1,750 = $250 -> the patient owes $950.
    const part = estimate(commercial({ ...allowed, secondary: { deductibleCents: 150_000, coinsurancePercent: 50 } }));
    expect(part.secondary.low).toBe(25_000);
    expect(part.patient.low).toBe(95_000);
    expect(part.insurance.low).toBe(80_000);
  });

  it('behind Original Medicare, a retiree plan with its own terms is coordinated the same way', () => {
    // Medicare office: $581.18 left. Retiree plan, $100 deductible, 20%, on $1,773.92: alone it pays $1,339.14 -> pays all $581.18.
    const e = estimate(makeCase({ kind: 'medicare', supplement: { kind: 'other', plan: { deductibleCents: 10_000, coinsurancePercent: 20 } } }, office));
    expect(e.patient.low).toBe(0);
    expect(e.secondary.low).toBe(58_118);
  });
});

describe('plan terms', () => {
  it('a plan with no out-of-pocket maximum is not capped, and is not called typical', () => {
    const e = estimate(commercial({ allowedAmountCents: 2_000_000, deductibleCents: 0, coinsurancePercent: 50, outOfPocketMaxCents: null }));
    expect(e.patient.low).toBe(1_000_000);
    expect(e.costSharing?.outOfPocketMaxCents).toBeNull();
    expect(e.costSharing?.typical).not.toContain('outOfPocketMax');
  });

  it('a date in the next plan year counts the deductible met as 0 and says so (plan year from July 1)', () => {
    const met = { allowedAmountCents: 200_000, deductibleMetCents: 100_000, outOfPocketMetCents: 100_000, planYearStart: '07-01' };
    const before = estimate(commercial(met, { ...office, scheduledDate: '2026-06-30' }));
    const after = estimate(commercial(met, { ...office, scheduledDate: '2026-07-15' }));
    expect(before.patient.low).toBe(40_000);
    expect(after.patient.low).toBe(120_000);
    expect(after.warnings.find((w) => w.code === 'new-plan-year')?.message).toMatch(/07\/01 \(the plan year start\).*counted as 0/);
    expect(codes(before)).not.toContain('new-plan-year');
    expect(planYearOf('2027-01-05', '01-01')).toBe(2027);
    expect(planYearOf('2026-06-30', '07-01')).toBe(2025);
  });

  it('an anesthesia provider out of network at an in-network hospital: in-network cost sharing, no balance bill (No Surprises Act)', () => {
    const c = commercial({ allowedAmountCents: undefined, networkByProvider: { anesthesia: 'out' } }, { site: 'hospital-outpatient', sedation: 'anesthesia' });
    const e = estimate(c);
    expect(e.patientBreakdown.high.balanceBillCents).toBe(0);
    expect(codes(e)).toContain('no-surprises-protected');
    const inOffice = estimate(commercial({ networkByProvider: { anesthesia: 'out' } }, { site: 'office', sedation: 'anesthesia' }));
    const anesthesia = inOffice.providers.find((p) => p.role === 'anesthesia');
    expect(anesthesia?.breakdown.low.balanceBillCents).toBe(anesthesia?.charges.low);
  });

  it('copays per provider: the facility copay instead of its coinsurance, the doctor pays deductible and coinsurance', () => {
    // Doctor $1,900 (charges): $1,000 deductible + 20% of $900 = $1,180; facility $4,000: $250 copay.
    const e = estimate(commercial({ copays: { facility: 25_000 } }, { site: 'hospital-outpatient', sedation: 'local' }));
    expect(e.providers.map((p) => p.patient.low)).toEqual([118_000, 25_000]);
  });
});

describe('money before the day', () => {
  it("a 25% deposit of the clinic's part less what was paid, then 3 payments of the rest", () => {
    // Office, allowed $2,000: the patient's part of the clinic's bill is $1,200; deposit $300, $100 paid -> $200 due; $900 in 3 x $300.
    const c = { ...commercial({ allowedAmountCents: 200_000, outOfPocketMaxCents: null }), payments: { alreadyPaidCents: 10_000, planMonths: 3 } };
    const e = estimate(c, { ...defaultOptions, depositPercent: 25 });
    expect(e.payments.dueBeforeProcedure).toEqual({ low: 20_000, high: 20_000 });
    expect(e.payments.plan).toEqual({ months: 3, monthly: { low: 30_000, high: 30_000 }, last: { low: 30_000, high: 30_000 } });
  });

  it('only the clinic\'s own part: the facility bills the patient itself', () => {
    const c = { ...commercial({}, { site: 'hospital-outpatient', sedation: 'local' }), payments: { alreadyPaidCents: 0, planMonths: null } };
    const e = estimate(c, { ...defaultOptions, depositPercent: 100 });
    const doctor = e.providers.find((p) => p.role === 'physician');
    expect(e.payments.dueBeforeProcedure).toEqual(doctor?.patient);
  });

  it('monthly payments are rounded up to the cent and add up exactly: $1,000.01 in 3 is $333.34, $333.34, $333.33', () => {
    expect(splitPayments(100_001, 3)).toEqual({ monthly: 33_334, last: 33_333 });
    // A few cents over many months: rounding up would leave nothing for the last payment.
    expect(splitPayments(5, 4)).toEqual({ monthly: 1, last: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 2, max: 60 }), (amount, months) => {
        const { monthly, last } = splitPayments(amount, months);
        expect(monthly * (months - 1) + last).toBe(amount);
        expect(monthly >= 0 && last >= 0).toBe(true);
        // Rounded up wherever that leaves a last payment: then the last is never more than the others.
        if (monthly === Math.ceil(amount / months) && amount > 0) expect(last <= monthly && last >= 1).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });
});
