/**
 * Every amount in settings is bounded and normalised where settings are parsed (IPC, the
 * settings file, an imported clinic file): the clinic's fees, its payer contracts and its
 * Medicare amounts. Keys are the shape of what they name (a procedure id, a fee-line id), so
 * a megabyte-long key or a key no procedure has is refused at its field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFieldIssues } from './result';
import { MAX_PRICE_CENTS } from './money';
import { defaultSettings, settingsPatchSchema, settingsSchema } from './settings';

const PROCEDURE = 'vertebroplasty-lumbar';
const LINE = 'physician-first-level';
const issuesOf = (patch: unknown) => {
  const parsed = settingsPatchSchema.safeParse(patch);
  return parsed.success ? [] : toFieldIssues(parsed.error.issues);
};
const fees = (fee: unknown, procedure = PROCEDURE, line = LINE) => ({ feeOverrides: { [procedure]: { [line]: fee } } });

describe('fee overrides: bounded amounts and keys', () => {
  it('refuses amounts no fee can be ($180,143,985,095,029.84 in total was printed), naming the field', () => {
    const huge = Number.MAX_SAFE_INTEGER;
    expect(issuesOf(fees({ lowCents: huge, highCents: huge }))).toEqual([
      { path: `feeOverrides.${PROCEDURE}.${LINE}.lowCents`, message: 'Use at most $1,000,000.' },
      { path: `feeOverrides.${PROCEDURE}.${LINE}.highCents`, message: 'Use at most $1,000,000.' },
    ]);
    expect(issuesOf(fees({ lowCents: MAX_PRICE_CENTS, highCents: MAX_PRICE_CENTS }))).toEqual([]);
    expect(issuesOf(fees({ lowCents: 10.5, highCents: 20 })).map((i) => i.message)).toEqual(['Use whole cents.']);
    expect(issuesOf(fees({ lowCents: 300, highCents: 200 })).map((i) => i.message)).toEqual(['The low amount must not be above the high amount.']);
  });

  it('reads -0 as 0', () => {
    const parsed = settingsPatchSchema.parse(fees({ lowCents: -0, highCents: -0 }));
    const fee = parsed.feeOverrides?.[PROCEDURE]?.[LINE];
    expect([Object.is(fee?.lowCents, 0), Object.is(fee?.highCents, 0)]).toEqual([true, true]);
  });

  it('refuses a megabyte-long key, a key of the wrong shape and too many keys', () => {
    const long = 'a'.repeat(1_000_000);
    expect(issuesOf(fees({ lowCents: 1, highCents: 2 }, long)).map((i) => i.message)).toEqual(['Use a procedure id this app knows.']);
    expect(issuesOf(fees({ lowCents: 1, highCents: 2 }, PROCEDURE, long)).map((i) => i.message)).toEqual(['Use a fee line id from the fee schedule.']);
    expect(issuesOf(fees({ lowCents: 1, highCents: 2 }, PROCEDURE, '__proto__ x')).map((i) => i.message)).toEqual(['Use a fee line id from the fee schedule.']);
    const manyLines = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`line-${i}`, { lowCents: 1, highCents: 2 }]));
    expect(issuesOf({ feeOverrides: { [PROCEDURE]: manyLines } }).map((i) => i.message)).toEqual(['List at most 200 fee lines per procedure.']);
    const manyProcedures = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`procedure-${i}`, {}]));
    expect(issuesOf({ feeOverrides: manyProcedures }).map((i) => i.message)).toEqual(['List at most 100 procedures.']);
  });

  it('holds for the whole settings file too', () => {
    const stored = { ...defaultSettings, ...fees({ lowCents: Number.MAX_SAFE_INTEGER, highCents: Number.MAX_SAFE_INTEGER }) };
    expect(settingsSchema.safeParse(stored).success).toBe(false);
    expect(settingsSchema.safeParse({ ...defaultSettings, ...fees({ lowCents: 100, highCents: 200 }) }).success).toBe(true);
  });

  it('any fee: whole cents from 0 to $1,000,000 with low <= high, or refused', () => {
    const amount = fc.oneof(fc.integer({ min: -10, max: MAX_PRICE_CENTS + 10 }), fc.double(), fc.constant(-0), fc.constant(Number.MAX_SAFE_INTEGER));
    fc.assert(
      fc.property(amount, amount, (low, high) => {
        const parsed = settingsPatchSchema.safeParse(fees({ lowCents: low, highCents: high }));
        if (!parsed.success) return;
        const fee = parsed.data.feeOverrides?.[PROCEDURE]?.[LINE];
        if (fee === undefined) throw new Error('the fee was dropped');
        for (const cents of [fee.lowCents, fee.highCents]) {
          expect(Number.isSafeInteger(cents) && cents >= 0 && cents <= MAX_PRICE_CENTS && !Object.is(cents, -0)).toBe(true);
        }
        expect(fee.lowCents).toBeLessThanOrEqual(fee.highCents);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('other money in settings', () => {
  it("payer contracts' amounts and the clinic's Medicare amounts read -0 as 0 and stay bounded", () => {
    const contract = { payer: 'Acme', aliases: [], physician: { amountsCents: { '22511': -0 } } };
    const parsed = settingsPatchSchema.parse({ payerContracts: [contract], medicareRates: { [PROCEDURE]: { '2026': { 'pfs.22511.facility': -0 } } } });
    const basis = parsed.payerContracts?.[0]?.physician;
    expect(basis !== undefined && 'amountsCents' in basis && Object.is(basis.amountsCents['22511'], 0)).toBe(true);
    expect(Object.is(parsed.medicareRates?.[PROCEDURE]?.['2026']?.['pfs.22511.facility'], 0)).toBe(true);
    expect(issuesOf({ payerContracts: [{ ...contract, physician: { amountsCents: { '22511': MAX_PRICE_CENTS + 1 } } }] })).toEqual([
      { path: 'payerContracts.0.physician.amountsCents.22511', message: 'Use at most $1,000,000.' },
    ]);
    expect(issuesOf({ medicareRates: { [PROCEDURE]: { '2026': { 'pfs.22511.facility': MAX_PRICE_CENTS + 1 } } } }).map((i) => i.message)).toEqual(['Use whole cents, up to $1,000,000.']);
    expect(issuesOf({ medicareRates: { ['x'.repeat(1_000_000)]: {} } }).map((i) => i.message)).toEqual(['Use a procedure id this app knows.']);
  });

  it('percentages in the packet defaults read -0 as 0', () => {
    const parsed = settingsPatchSchema.parse({ defaults: { selfPayDiscountPercent: -0, depositPercent: -0 } });
    expect([Object.is(parsed.defaults?.selfPayDiscountPercent, 0), Object.is(parsed.defaults?.depositPercent, 0)]).toEqual([true, true]);
  });
});
