/**
 * Every amount and percentage of a case, however it is sent (case file, IPC, form), is
 * bounded and normalised by the one case pipeline: whole cents from 0 to $10,000,000, never
 * -0 (which prints as "-$0.00"), or a refusal naming the field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEstimate } from '../estimate/estimate';
import { formatCents, MAX_CASE_CENTS } from '../money';
import { defaultOptions, shippedProcedureData, validateShippedCase } from '../testing/shipped-procedure';
import { MAX_DOLLARS } from './case-schema';

const TODAY = '2026-03-02';
const { procedure: shippedProcedure, schedule } = shippedProcedureData();
const estimateOf = (c: Parameters<typeof computeEstimate>[0]) => computeEstimate(c, shippedProcedure, schedule, defaultOptions);
const patient = { firstName: 'Test', lastName: 'Patient', dateOfBirth: '1950-01-01' };
const procedure = { id: 'vertebroplasty-lumbar', levels: 1, site: 'hospital-outpatient', sedation: 'moderate' };

/** Cases that carry every money and percent field the schema has, with a marker to replace. */
const commercial = (n: number) => ({
  patient,
  procedure,
  coverage: {
    kind: 'commercial', deductible: n, deductibleMet: n, coinsurancePercent: n, outOfPocketMax: n, outOfPocketMet: n, allowedAmount: n,
    copays: { physician: n, facility: n, anesthesia: n },
    secondary: { kind: 'commercial', deductible: n, deductibleMet: n, coinsurancePercent: n, copay: n, outOfPocketMax: n, outOfPocketMet: n },
  },
  payments: { alreadyPaid: n },
});
const medicare = (n: number) => ({
  patient,
  procedure,
  coverage: { kind: 'medicare', deductibleMet: n, allowedAmounts: { physician: n, facility: n, anesthesia: n }, supplement: { kind: 'medigap', plan: 'G', deductibleMet: n, outOfPocketMet: n } },
  payments: { alreadyPaid: n },
});
const medicareOther = (n: number) => ({
  patient,
  procedure,
  coverage: { kind: 'medicare', supplement: { kind: 'other', paysPercent: n } },
});
const builders = [commercial, medicare, medicareOther];

/** Every number anywhere in a value, with its path. */
function numbersIn(value: unknown, path = ''): { path: string; n: number }[] {
  if (typeof value === 'number') return [{ path, n: value }];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
}

describe('case amounts: bounded and normalised in the one pipeline', () => {
  it('reads -0 as 0 everywhere, so nothing prints "-$0.00"', () => {
    for (const build of builders) {
      const result = validateShippedCase(build(-0), TODAY);
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const negativeZeros = numbersIn(result.value.case).filter(({ n }) => Object.is(n, -0));
      expect(negativeZeros.map((z) => z.path)).toEqual([]);
      const estimate = estimateOf(result.value.case);
      expect(numbersIn(estimate).filter(({ n }) => Object.is(n, -0)).map((z) => z.path)).toEqual([]);
    }
  });

  it('any number in any amount: whole cents from 0 to $10,000,000, or a refusal naming that field', () => {
    expect(MAX_DOLLARS * 100).toBe(MAX_CASE_CENTS);
    const amount = fc.oneof(
      fc.constant(-0),
      fc.double({ noNaN: false }),
      fc.integer({ min: 0, max: MAX_CASE_CENTS + 1 }).map((c) => c / 100),
      fc.constantFrom(Number.MAX_SAFE_INTEGER, MAX_DOLLARS, MAX_DOLLARS + 0.01, 1e300, -1e-300),
    );
    fc.assert(
      fc.property(fc.constantFrom(...builders), amount, (build, n) => {
        const result = validateShippedCase(build(n), TODAY);
        if (!result.ok) {
          for (const issue of result.issues) expect(issue.path).toMatch(/^(coverage|payments)\./);
          return;
        }
        for (const { path, n: value } of numbersIn(result.value.case.coverage).concat(numbersIn(result.value.case.payments))) {
          expect(Object.is(value, -0), path).toBe(false);
          expect(Number.isFinite(value), path).toBe(true);
          if (path.endsWith('Cents')) {
            expect(Number.isSafeInteger(value), path).toBe(true);
            expect(value, path).toBeGreaterThanOrEqual(0);
            expect(value, path).toBeLessThanOrEqual(MAX_CASE_CENTS);
          }
        }
        const estimate = estimateOf(result.value.case);
        expect(formatCents(estimate.patient.high)).not.toBe('-$0.00');
      }),
      { numRuns: 600 },
    );
  });

  it('refuses an amount above $10,000,000 at its field', () => {
    const result = validateShippedCase(commercial(0), TODAY);
    expect(result.ok).toBe(true);
    const over = validateShippedCase({ ...commercial(0), payments: { alreadyPaid: MAX_DOLLARS + 0.01 } }, TODAY);
    expect(over.ok ? [] : over.issues).toEqual([{ path: 'payments.alreadyPaid', message: 'Enter the amount already paid as at most $10,000,000.' }]);
  });
});
