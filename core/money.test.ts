import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dollarsToCents, formatCents, MAX_CASE_CENTS, MISPLACED_COMMA_MESSAGE, moneyTextProblem, parseMoneyText } from './money';

const RUNS = 2_000;
const cents = fc.integer({ min: 0, max: MAX_CASE_CENTS });

describe('parseMoneyText: commas only between thousands', () => {
  it('reads amounts written with thousands separators, a dollar sign and spaces', () => {
    expect(parseMoneyText('1,500')).toBe(150_000);
    expect(parseMoneyText('12,345.67')).toBe(1_234_567);
    expect(parseMoneyText('$1,234,567.8')).toBe(123_456_780);
    expect(parseMoneyText(' $ 250 ')).toBe(25_000);
    expect(parseMoneyText('1500.')).toBe(150_000);
    expect(parseMoneyText('0.29')).toBe(29);
  });

  it('refuses a comma where a period or nothing belongs ("1,50" is not $150.00)', () => {
    for (const text of ['1,50', '1,5', '1,5000', ',500', '1,,500', '15,00.00', '1500,', '1,500,00', '12,34.50']) {
      expect(parseMoneyText(text), text).toBeNull();
      expect(moneyTextProblem(text), text).toBe('misplaced-comma');
    }
    expect(MISPLACED_COMMA_MESSAGE).toBe('Use a period for cents (1.50) and commas only between thousands (1,500).');
  });

  it('says nothing about commas for other unreadable text, and nothing at all for an amount', () => {
    for (const text of ['abc', '-5', '1.505', '']) expect(moneyTextProblem(text), text).toBe('not-money');
    for (const text of ['1,500', '1.50', '$12,345.67']) expect(moneyTextProblem(text), text).toBeNull();
  });

  it('round-trips every amount through formatCents, with and without separators', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(parseMoneyText(formatCents(c))).toBe(c);
        expect(parseMoneyText(formatCents(c).replace(/[$,]/g, ''))).toBe(c);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns whole, non-negative, safe cents or null for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[$ ]?[0-9,.]{0,30}$/)), (text) => {
        const value = parseMoneyText(text);
        if (value !== null) {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(Object.is(value, -0)).toBe(false);
          expect(value).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses digits beyond what whole cents can hold exactly', () => {
    expect(parseMoneyText('99999999999999999999')).toBeNull();
    expect(parseMoneyText('90,071,992,547,409.91')).toBe(9_007_199_254_740_991);
  });
});

describe('formatCents and dollarsToCents: no negative zero', () => {
  it('never prints "-$0.00"', () => {
    expect(formatCents(-0)).toBe('$0.00');
    expect(formatCents(-0.4)).toBe('$0.00');
    fc.assert(
      fc.property(fc.double({ min: -0.49, max: 0.49, noNaN: true }), (c) => {
        expect(formatCents(c)).toBe('$0.00');
      }),
      { numRuns: RUNS },
    );
  });

  it('prints whole cents as dollars and refuses what is not an amount', () => {
    expect(formatCents(123_450)).toBe('$1,234.50');
    expect(formatCents(-150)).toBe('-$1.50');
    expect(() => formatCents(Number.NaN)).toThrow(RangeError);
    expect(() => formatCents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('turns -0 dollars into +0 cents', () => {
    expect(Object.is(dollarsToCents(-0), 0)).toBe(true);
    expect(Object.is(dollarsToCents(-0.001), 0)).toBe(true);
    fc.assert(
      fc.property(cents, (c) => {
        expect(dollarsToCents(c / 100)).toBe(c);
      }),
      { numRuns: RUNS },
    );
  });
});
