/** What people type, turned into exact values (or null when it is not one). Pure. */
import { formatCents, MISPLACED_COMMA_MESSAGE, moneyTextProblem, parseMoneyText } from '../../../core/money';

export { parseMoneyText };

/** What a money field says about text that is not an amount; null when it is one. */
export function moneyTextError(text: string): string | null {
  const problem = moneyTextProblem(text);
  if (problem === null) return null;
  return problem === 'misplaced-comma' ? MISPLACED_COMMA_MESSAGE : 'Enter an amount in dollars, like 1,500.00.';
}

/** A money field's own message for text that is not an amount, unless the comma is the problem ("1,50"). */
export function moneyTextErrorOr(text: string, otherwise: string): string {
  return moneyTextProblem(text) === 'misplaced-comma' ? MISPLACED_COMMA_MESSAGE : otherwise;
}

/** Local calendar date as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1850 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * "03/14/1950", "3/14/1950", "03-14-1950" (US order) or "1950-03-14" to ISO; null when it is
 * not a real calendar date with a 4-digit year.
 */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const usMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  let parts: [number, number, number] | null = null;
  if (isoMatch) parts = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
  else if (usMatch) parts = [Number(usMatch[3]), Number(usMatch[1]), Number(usMatch[2])];
  if (!parts) return null;
  const [y, m, d] = parts;
  return isRealDate(y, m, d) ? iso(y, m, d) : null;
}

/** ISO YYYY-MM-DD to the MM/DD/YYYY staff read. */
export function formatIsoDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : isoDate;
}

/** "20", "20%", "12.5 %" to a number 0-100 (null when not a number). */
export function parsePercentText(text: string): number | null {
  const cleaned = text.trim().replace(/\s*%$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Tidy a typed value for display once the field loses focus; unparseable text is kept as typed. */
export function tidyMoneyText(text: string): string {
  if (text.trim() === '') return '';
  const cents = parseMoneyText(text);
  return cents === null ? text : formatCents(cents);
}

export function tidyDateText(text: string): string {
  if (text.trim() === '') return '';
  const parsed = parseDateText(text);
  return parsed === null ? text : formatIsoDate(parsed);
}

export function tidyPercentText(text: string): string {
  const parsed = parsePercentText(text);
  return parsed === null ? text : String(parsed);
}

/** Cents to the dollar number the case JSON carries. */
export const centsToDollarNumber = (cents: number): number => Math.round(cents) / 100;

/** "$1,234.00 – $2,345.00", or one figure when both ends agree. */
export function formatRange(range: { low: number; high: number }): string {
  return range.low === range.high ? formatCents(range.low) : `${formatCents(range.low)} – ${formatCents(range.high)}`;
}

/** "07/01", "7/1" or "07-01" as "07-01"; null when it is not a month and day. */
export function parseMonthDayText(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(text.trim());
  if (m === null) return null;
  const iso = `2024-${m[1]?.padStart(2, '0')}-${m[2]?.padStart(2, '0')}`;
  return parseDateText(iso) === null ? null : iso.slice(5);
}

/** "12" as 12; null when it is not a whole number. */
export const parseWholeText = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null);
