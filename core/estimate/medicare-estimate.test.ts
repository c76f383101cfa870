/**
 * Hand-worked Medicare cases on the shipped 2026 rate file (DOMAIN.md section 2b). Each
 * figure in a comment is worked out by hand from the file: 22511 office $1,773.92, facility
 * $361.40; 22512 office $739.83, facility $181.37; 99152 $51.44 / $11.02; 99153 $12.36 (not
 * paid in a facility); anesthesia (6 base units + minutes / 15) x $20.4976; Part B deductible
 * $283; Part A deductible $1,736 (the hospital copay cap).
 */
import { describe, expect, it } from 'vitest';
import { defaultOptions, makeCase, shippedMedicare2026, shippedProcedureData } from '../testing/shipped-procedure';
import { computeEstimate, type EstimateOptions } from './estimate';
import type { Case, Coverage, ProcedureChoice, Supplement } from './types';

const { procedure, schedule } = shippedProcedureData();
const file = shippedMedicare2026();
const codes = (e: { warnings: { code: string }[] }) => e.warnings.map((w) => w.code);

/** The clinic's amounts for the facility payments the app does not have: a $7,000 hospital payment (copay $1,400), a $2,500 surgery center payment. */
const facilityAmounts = { 'hospitalOutpatient.22511.payment': 700_000, 'hospitalOutpatient.22511.minimumCopay': 140_000, 'asc.22511.payment': 250_000 };
const withAmounts = (amounts: Record<string, number>, today = defaultOptions.today): EstimateOptions => ({
  ...defaultOptions,
  today,
  medicare: { files: [file], overrides: { '2026': amounts } },
});
const clinic = withAmounts(facilityAmounts);

const medicare = (coverage: Partial<Coverage> = {}, choice: Partial<ProcedureChoice> = {}): Case => makeCase({ kind: 'medicare', ...coverage }, choice);
const estimate = (c: Case, options: EstimateOptions = clinic) => computeEstimate(c, procedure, schedule, options);
const part = (e: ReturnType<typeof estimate>, role: string) => e.providers.find((p) => p.role === role);

describe('Original Medicare by place of service and sedation', () => {
  // 1 level, deductible not met; the clinic's hospital ($7,000, copay $1,400) and surgery center ($2,500) amounts.
  // Doctor in a facility $361.40 (+ 99152 $11.02 with moderate sedation; 99153 not paid there): $283 + 20% of the rest.
  it.each([
    ['office', 'local', 58_118], // $283 + 20% x $1,490.92
    ['office', 'moderate', 59_394], // $1,837.72: $283 + $310.94
    ['office', 'anesthesia', 58_118 + 3_690], // + 20% of $184.48
    ['asc', 'local', 29_868 + 50_000], // $298.68 + 20% of $2,500
    ['asc', 'moderate', 30_088 + 50_000], // $372.42: $283 + $17.88
    ['asc', 'anesthesia', 29_868 + 50_000 + 3_690],
    ['hospital-outpatient', 'local', 29_868 + 140_000],
    ['hospital-outpatient', 'moderate', 30_088 + 140_000],
    ['hospital-outpatient', 'anesthesia', 29_868 + 140_000 + 3_690],
  ] as const)('%s with %s sedation: the patient owes %i cents', (site, sedation, cents) => {
    const e = estimate(medicare({}, { site, sedation }));
    expect(e.patient).toEqual({ low: cents, high: cents });
    expect(e.providers.map((p) => p.role)).toEqual(['physician', ...(site === 'office' ? [] : ['facility']), ...(sedation === 'anesthesia' ? ['anesthesia'] : [])]);
  });

  it('office, 1 level, local: $283 + 20% x ($1,773.92 - $283) = $581.18', () => {
    const e = estimate(medicare({}, { site: 'office', sedation: 'local' }));
    expect(e.patient).toEqual({ low: 58_118, high: 58_118 });
    expect(e.insurance).toEqual({ low: 119_274, high: 119_274 });
    expect(e.allowed).toEqual({ low: 177_392, high: 177_392 });
    expect(e.allowedSource).toBe('medicare-fee-schedule');
    expect(e.rateYear).toBe(2026);
    expect(e.providers.map((p) => p.role)).toEqual(['physician']);
    expect(e.costSharing).toMatchObject({ deductibleCents: 28_300, coinsurancePercent: 20, outOfPocketMaxCents: null });
    expect(codes(e)).not.toContain('allowed-from-charges');
  });

  it('office, 1 level, moderate sedation: + 99152 $51.44 + one 99153 $12.36 -> $283 + 20% x $1,554.72 = $593.94', () => {
    const e = estimate(medicare({}, { site: 'office', sedation: 'moderate' }));
    expect(e.allowed.low).toBe(183_772);
    expect(e.patient.low).toBe(59_394);
  });

  it('office, 2 levels: 22512 is paid in full, $2,513.75 -> $283 + 20% x $2,230.75 = $729.15', () => {
    const e = estimate(medicare({}, { site: 'office', sedation: 'local', levels: 2 }));
    expect(e.allowed.low).toBe(251_375);
    expect(e.patient.low).toBe(72_915);
  });

  it('surgery center, 1 level, local: physician at the facility rate plus the surgery center payment, 20% of each', () => {
    // Physician $361.40: $283 + 20% x $78.40 = $298.68. Surgery center $2,500: 20% = $500.
    const e = estimate(medicare({}, { site: 'asc', sedation: 'local' }));
    expect(part(e, 'physician')?.patient).toEqual({ low: 29_868, high: 29_868 });
    expect(part(e, 'facility')?.patient).toEqual({ low: 50_000, high: 50_000 });
    expect(part(e, 'facility')?.allowed).toEqual({ low: 250_000, high: 250_000 });
    expect(e.patient.low).toBe(79_868);
  });

  it('hospital outpatient, 2 levels, moderate: 99153 is not paid in a facility and the second level adds no hospital coinsurance', () => {
    // Physician: $361.40 + $181.37 + $11.02 = $553.79; $283 + 20% x $270.79 = $337.16. Hospital: $7,000, copay $1,400.
    const two = estimate(medicare({}, { site: 'hospital-outpatient', sedation: 'moderate', levels: 2 }));
    const one = estimate(medicare({}, { site: 'hospital-outpatient', sedation: 'moderate', levels: 1 }));
    expect(part(two, 'physician')?.allowed.low).toBe(55_379);
    expect(part(two, 'physician')?.patient.low).toBe(33_716);
    expect(part(two, 'facility')?.allowed.low).toBe(700_000);
    expect(part(two, 'facility')?.breakdown.low.coinsuranceCents).toBe(140_000);
    expect(part(one, 'facility')?.breakdown.low.coinsuranceCents).toBe(140_000);
    expect(two.patient.low).toBe(173_716);
  });

  it('anesthesia provider: (6 base units + 45 minutes / 15) x $20.4976 = $184.48 for 1 level, $204.98 for 2', () => {
    const one = estimate(medicare({ deductibleMetCents: 28_300 }, { site: 'hospital-outpatient', sedation: 'anesthesia' }));
    expect(part(one, 'anesthesia')?.allowed.low).toBe(18_448);
    expect(part(one, 'anesthesia')?.patient.low).toBe(3_690);
    const two = estimate(medicare({}, { site: 'hospital-outpatient', sedation: 'anesthesia', levels: 2 }));
    expect(part(two, 'anesthesia')?.allowed.low).toBe(20_498);
    expect(codes(one)).toContain('medicare-figures-unconfirmed');
    expect(one.medicare?.unconfirmedFigures).toContain('Anesthesia 01942: base units');
  });

  it('caps the hospital coinsurance for one service at the Part A deductible, $1,736', () => {
    const e = estimate(medicare({ deductibleMetCents: 28_300 }, { site: 'hospital-outpatient', sedation: 'local' }), withAmounts({ 'hospitalOutpatient.22511.payment': 1_000_000, 'hospitalOutpatient.22511.minimumCopay': 200_000 }));
    expect(part(e, 'facility')?.breakdown.low.coinsuranceCents).toBe(173_600);
    expect(e.medicare?.hospitalCopayCapped).toBe(true);
    expect(e.outOfPocketCapReached).toBe(false);
  });

  it('without the facility payment, uses the charges of its 22511 line only (22512 stays packaged), warns, and still caps the hospital part', () => {
    const e = estimate(medicare({ deductibleMetCents: 28_300 }, { site: 'hospital-outpatient', sedation: 'local' }), defaultOptions);
    const facility = part(e, 'facility');
    expect(facility?.allowedSource).toBe('charges');
    expect(e.allowedSource).toBe('charges');
    expect(facility?.allowed).toEqual(facility?.charges);
    const two = estimate(medicare({ deductibleMetCents: 28_300 }, { site: 'hospital-outpatient', sedation: 'local', levels: 2 }), defaultOptions);
    expect(part(two, 'facility')?.allowed).toEqual(facility?.allowed);
    expect(part(two, 'facility')?.patient).toEqual(facility?.patient);
    expect(facility?.breakdown.high.coinsuranceCents).toBeLessThanOrEqual(173_600);
    expect(e.warnings.find((w) => w.code === 'medicare-rate-missing')?.message).toMatch(/hospital outpatient payment for 22511.*\$1,736\.00.*Settings -> Medicare rates/);
  });

  it("uses the clinic's locality amounts when set and says which", () => {
    // $283 + 20% x ($1,800 - $283) = $586.40
    const e = estimate(medicare({}, { site: 'office', sedation: 'local' }), withAmounts({ 'physician.22511.nonFacility': 180_000 }));
    expect(e.patient.low).toBe(58_640);
    expect(e.medicare?.clinicFigures).toEqual(['Doctor, 22511, in the office']);
    expect(estimate(medicare({}, { site: 'office', sedation: 'local' })).medicare?.clinicFigures).toEqual([]);
  });

  it('uses approved amounts staff entered per provider, and says when one has no bill to apply to', () => {
    const e = estimate(medicare({ allowedAmounts: { physician: 100_000 } }, { site: 'office', sedation: 'local' }));
    expect(e.allowed.low).toBe(100_000);
    expect(e.allowedSource).toBe('entered');
    expect(e.patient.low).toBe(28_300 + 14_340);
    const office = estimate(medicare({ allowedAmounts: { facility: 50_000 } }, { site: 'office', sedation: 'local' }));
    expect(office.warnings.find((w) => w.code === 'entered-for-absent-provider')?.message).toMatch(/approved amount was entered for the facility/);
    expect(office.patient.low).toBe(58_118);
  });
});

describe('Original Medicare with a supplement (hospital outpatient, 1 level, local)', () => {
  // Medicare cost sharing: physician $283 deductible + $15.68 coinsurance; hospital $1,400 coinsurance. Total $1,698.68.
  const hospital = { site: 'hospital-outpatient' as const, sedation: 'local' as const };
  const behind = (supplement: Supplement) => estimate(medicare({ supplement }, hospital));

  it('with none, the patient owes $1,698.68', () => {
    expect(estimate(medicare({}, hospital)).patient.low).toBe(169_868);
  });

  it.each(['A', 'B', 'D', 'G', 'M', 'N'] as const)('Medigap Plan %s pays the coinsurance, not the Part B deductible: $283.00', (plan) => {
    const e = behind({ kind: 'medigap', plan });
    expect(e.patient).toEqual({ low: 28_300, high: 28_300 });
    expect(e.secondary.low).toBe(141_568);
  });

  it.each(['C', 'F'] as const)('Medigap Plan %s pays the deductible too: $0', (plan) => {
    const e = behind({ kind: 'medigap', plan });
    expect(e.patient.low).toBe(0);
    expect(e.secondary.low).toBe(169_868);
  });

  it("Medigap Plan N in the office: the procedure is not an office visit, so no visit copay: $283.00", () => {
    const e = estimate(medicare({ supplement: { kind: 'medigap', plan: 'N' } }, { site: 'office', sedation: 'local' }));
    expect(e.patient).toEqual({ low: 28_300, high: 28_300 });
    expect(e.secondary).toEqual({ low: 29_818, high: 29_818 });
  });

  it('high-deductible plans count the Part B deductible already met when their own figure is left blank', () => {
    // A $15,000 surgery center payment: $283 met; $2,950 - $283 = $2,667 left of the plan deductible.
    const big = withAmounts({ 'asc.22511.payment': 1_500_000 });
    const e = estimate(medicare({ deductibleMetCents: 28_300, supplement: { kind: 'medigap', plan: 'F-high' } }, { site: 'asc', sedation: 'local' }), big);
    expect(e.patient.low).toBe(266_700);
  });

  it.each(['F-high', 'G-high'] as const)('high-deductible %s: the patient pays up to what is left of $2,950, then the plan pays', (plan) => {
    expect(behind({ kind: 'medigap', plan }).patient.low).toBe(169_868);
    // $950 left of the plan deductible: the patient pays $950.00.
    const e = behind({ kind: 'medigap', plan, deductibleMetCents: 200_000 });
    expect(e.patient.low).toBe(95_000);
    expect(e.secondary.low).toBe(74_868);
  });

  it('Medigap Plan K pays half of the coinsurance: $283 + $7.84 + $700 = $990.84; near its $8,000 limit, all but the deductible', () => {
    expect(behind({ kind: 'medigap', plan: 'K' }).patient.low).toBe(99_084);
    expect(behind({ kind: 'medigap', plan: 'K', outOfPocketMetCents: 790_000 }).patient.low).toBe(28_300);
  });

  it('Medigap Plan L pays three quarters of the coinsurance: $283 + $3.92 + $350 = $636.92', () => {
    expect(behind({ kind: 'medigap', plan: 'L' }).patient.low).toBe(63_692);
    expect(codes(behind({ kind: 'medigap', plan: 'L' }))).toContain('medicare-figures-unconfirmed');
  });

  it('a Qualified Medicare Beneficiary owes nothing, and staff are told why', () => {
    const e = behind({ kind: 'medicaid', qmb: true });
    expect(e.patient).toEqual({ low: 0, high: 0 });
    expect(e.secondary.low).toBe(169_868);
    expect(e.providers.every((p) => p.patient.high === 0)).toBe(true);
    expect(codes(e)).toContain('qmb-no-cost-sharing');
  });

  it('Medicaid without QMB leaves the Medicare cost sharing, and says the state plan may pay part', () => {
    const e = behind({ kind: 'medicaid', qmb: false });
    expect(e.patient.low).toBe(169_868);
    expect(codes(e)).toContain('medicaid-check-coverage');
  });

  it('an employer or retiree plan paying 80% of what is left: $59.74 + $280 = $339.74', () => {
    const e = behind({ kind: 'other', paysPercent: 80 });
    expect(e.patient.low).toBe(33_974);
    expect(e.secondary.low).toBe(135_894);
  });
});

describe('the calendar year', () => {
  it('a date next year counts the deductible met as 0, and says the 2027 figures are not in the app', () => {
    const c = medicare({ deductibleMetCents: 28_300 }, { site: 'office', sedation: 'local', scheduledDate: '2027-01-15' });
    const thisYear = estimate({ ...c, procedure: { ...c.procedure, scheduledDate: '2026-12-20' } }, withAmounts({}, '2026-12-01'));
    const nextYear = estimate(c, withAmounts({}, '2026-12-01'));
    expect(thisYear.patient.low).toBe(35_478);
    expect(nextYear.patient.low).toBe(58_118);
    expect(codes(nextYear)).toEqual(expect.arrayContaining(['new-year-reset', 'rate-year-missing']));
    expect(nextYear.warnings.find((w) => w.code === 'rate-year-missing')?.message).toMatch(/^2027 Medicare figures are not in the app yet: 2026 figures used/);
    expect(nextYear.medicare).toMatchObject({ rateYear: 2026, caseYear: 2027 });
    expect(codes(thisYear)).not.toContain('rate-year-missing');
  });

  it("uses the next year's file when the app has it", () => {
    const next = { ...structuredClone(file), rateYear: 2027, deductibles: { ...file.deductibles, partB: { ...file.deductibles.partB, value: 30_000 } } };
    const e = estimate(medicare({}, { site: 'office', sedation: 'local', scheduledDate: '2027-02-01' }), { ...defaultOptions, today: '2026-12-01', medicare: { files: [file, next], overrides: {} } });
    expect(e.rateYear).toBe(2027);
    expect(e.patient.low).toBe(30_000 + 29_478);
    expect(codes(e)).not.toContain('rate-year-missing');
  });
});

describe('Medicare Advantage (hospital outpatient, 1 level, anesthesia provider)', () => {
  const plan = { kind: 'medicare-advantage' as const, deductibleCents: 0, coinsurancePercent: 20, outOfPocketMaxCents: 500_000, copays: { facility: 30_000, physician: 5_000 } };
  const choice = { site: 'hospital-outpatient' as const, sedation: 'anesthesia' as const };

  it('in network: Medicare amounts, the facility and doctor copays, 20% for anesthesia: $300 + $50 + $36.90', () => {
    const e = estimate(makeCase(plan, choice));
    expect(part(e, 'facility')?.patient.low).toBe(30_000);
    expect(part(e, 'physician')?.patient.low).toBe(5_000);
    expect(part(e, 'anesthesia')?.patient.low).toBe(3_690);
    expect(e.patient.low).toBe(38_690);
    expect(e.allowed.low).toBe(700_000 + 36_140 + 18_448);
    expect(e.costSharing?.copays).toEqual({ facility: 30_000, physician: 5_000 });
  });

  it('out of network with a provider that takes Medicare: the same amounts, no balance bill', () => {
    const e = estimate(makeCase({ ...plan, network: 'out' }, choice));
    expect(e.patient.low).toBe(38_690);
    expect(e.patientBreakdown.high.balanceBillCents).toBe(0);
    expect(codes(e)).toContain('medicare-advantage-out-of-network');
  });

  it("the plan's out-of-pocket maximum over the sum, taken in order: $50 + $150 at a $200 maximum", () => {
    const e = estimate(makeCase({ ...plan, outOfPocketMaxCents: 20_000 }, choice));
    expect(part(e, 'physician')?.patient.low).toBe(5_000);
    expect(part(e, 'facility')?.patient.low).toBe(15_000);
    expect(part(e, 'anesthesia')?.patient.low).toBe(0);
    expect(e.outOfPocketCapReached).toBe(true);
  });

  it("a plan deductible once, in order; blank figures are typical values and said so", () => {
    const e = estimate(makeCase({ kind: 'medicare-advantage', deductibleCents: 25_000 }, { site: 'office', sedation: 'local' }));
    // $250 deductible, then 20% of $1,523.92 = $304.78.
    expect(e.patient.low).toBe(55_478);
    expect(e.costSharing?.typical).toEqual(['coinsurance', 'outOfPocketMax']);
    expect(e.costSharing?.outOfPocketMaxCents).toBe(file.limits.medicareAdvantageOutOfPocket.value);
    expect(codes(e)).toContain('preset-values-used');
  });
});

describe('self-pay at 65 or older', () => {
  it('warns that a Medicare patient cannot simply pay cash', () => {
    const old = computeEstimate({ ...makeCase({ kind: 'self-pay' }), patient: { firstName: 'A', lastName: 'B', dateOfBirth: '1950-06-01' } }, procedure, schedule, defaultOptions);
    const young = computeEstimate(makeCase({ kind: 'self-pay' }), procedure, schedule, defaultOptions);
    expect(old.warnings.find((w) => w.code === 'medicare-self-pay')?.message).toMatch(/must bill Medicare unless the doctor has opted out/);
    expect(codes(young)).not.toContain('medicare-self-pay');
  });
});
