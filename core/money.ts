/** Money helpers: integer cents inside, dollars only at the edges. */

/** Largest amount accepted anywhere in a case: $10,000,000. */
export const MAX_CASE_CENTS = 1_000_000_000;

/** -0 (which prints as "-$0.00") is 0; every other number is itself. */
export const withoutNegativeZero = (n: number): number => n + 0;

/** Dollars (at most 2 decimals) to integer cents, rounding once; never -0. */
export function dollarsToCents(dollars: number): number {
  return withoutNegativeZero(Math.round(dollars * 100));
}

/** Integer cents to a dollar number (for JSON output). */
export function centsToDollars(cents: number): number {
  return withoutNegativeZero(Math.round(cents) / 100);
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "$1,234.50": rounded to whole cents first, so nothing between -0.5 and 0.5 prints as "-$0.00". */
export function formatCents(cents: number): string {
  if (!Number.isFinite(cents)) throw new RangeError('formatCents needs a finite number of cents.');
  return usd.format(withoutNegativeZero(Math.round(cents)) / 100);
}

/** Digits with commas between every group of three, or digits alone; then up to 2 decimals. */
const AMOUNT = /^(\d{1,3}(,\d{3})+|\d+)(\.\d{0,2})?$/;
const WELL_GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

const withoutDollarSign = (text: string): string => text.trim().replace(/^\$\s*/, '');

/**
 * What people type into a money box: "1500", "$1,500.00", "1,500.5", " 250 ".
 * Returns whole cents, or null when it is not an amount of money (negative, letters, 3+
 * decimals, more than whole cents can hold exactly) or a comma is not between thousands
 * ("1,50" is refused, not read as $150.00).
 */
export function parseMoneyText(text: string): number | null {
  const cleaned = withoutDollarSign(text);
  if (!AMOUNT.test(cleaned)) return null;
  const [whole = '', fraction = ''] = cleaned.replace(/,/g, '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Shown at a money field where a comma is used for cents or is not between thousands. */
export const MISPLACED_COMMA_MESSAGE = 'Use a period for cents (1.50) and commas only between thousands (1,500).';

/**
 * Why `parseMoneyText` refuses the text: 'misplaced-comma' for digits, periods and commas
 * whose commas are not between thousands ("1,50", "1.500,00"); 'not-money' for anything
 * else it refuses; null when it reads it.
 */
export function moneyTextProblem(text: string): 'misplaced-comma' | 'not-money' | null {
  if (parseMoneyText(text) !== null) return null;
  const cleaned = withoutDollarSign(text);
  const commaIsTheProblem = /^[\d,.]+$/.test(cleaned) && /\d/.test(cleaned) && cleaned.includes(',') && !WELL_GROUPED.test(cleaned);
  return commaIsTheProblem ? 'misplaced-comma' : 'not-money';
}

/** Largest single price: a fee line, a payer contract's amount, a Medicare figure ($1,000,000). */
export const MAX_PRICE_CENTS = 100_000_000;
