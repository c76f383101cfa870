/** Money helpers: integer cents inside, dollars only at the edges. */

/** Dollars (at most 2 decimals) to integer cents, rounding once. */
export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}

/** Integer cents to a dollar number (for JSON output). */
export function centsToDollars(cents: number): number {
  return Math.round(cents) / 100;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "$1,234.50" */
export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}

/**
 * What people type into a money box: "1500", "$1,500.00", "1,500.5", " 250 ".
 * Returns cents, or null when it is not an amount of money (negative, letters, 3+ decimals).
 */
export function parseMoneyText(text: string): number | null {
  const cleaned = text.trim().replace(/^\$\s*/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  return dollarsToCents(Number(cleaned));
}
