/** The fee schedule editor's pure part: typed dollar text per line to settings.feeOverrides. */
import type { FeeLineView } from '../../../core/ipc/contract';
import { formatCents } from '../../../core/money';
import { moneyTextErrorOr, parseMoneyText } from '../lib/text-parsers';

export interface FeeText {
  low: string;
  high: string;
}
export type FeeTexts = Record<string, FeeText>;
export type FeeErrors = Record<string, string>;
export type FeeOverrides = Record<string, { lowCents: number; highCents: number }>;

export function feeTextsFrom(lines: FeeLineView[]): FeeTexts {
  return Object.fromEntries(lines.map((l) => [l.id, { low: formatCents(l.lowCents), high: formatCents(l.highCents) }]));
}

export function defaultFeeTexts(lines: FeeLineView[]): FeeTexts {
  return Object.fromEntries(lines.map((l) => [l.id, { low: formatCents(l.defaultLowCents), high: formatCents(l.defaultHighCents) }]));
}

/**
 * Overrides for the lines whose amounts differ from the default schedule, or errors keyed
 * `<id>.low` / `<id>.high` saying what is wanted.
 */
export function toFeeOverrides(lines: FeeLineView[], texts: FeeTexts): { overrides: FeeOverrides; errors: FeeErrors } {
  const overrides: FeeOverrides = {};
  const errors: FeeErrors = {};
  for (const line of lines) {
    const text = texts[line.id] ?? { low: '', high: '' };
    const lowCents = parseMoneyText(text.low);
    const highCents = parseMoneyText(text.high);
    if (lowCents === null) errors[`${line.id}.low`] = moneyTextErrorOr(text.low, 'Enter an amount in dollars.');
    if (highCents === null) errors[`${line.id}.high`] = moneyTextErrorOr(text.high, 'Enter an amount in dollars.');
    if (lowCents === null || highCents === null) continue;
    if (lowCents > highCents) {
      errors[`${line.id}.low`] = 'The low amount must not be above the high amount.';
      continue;
    }
    if (lowCents !== line.defaultLowCents || highCents !== line.defaultHighCents) {
      overrides[line.id] = { lowCents, highCents };
    }
  }
  return { overrides, errors };
}
