/**
 * Settings -> Medicare rates, the pure part: each figure as text staff read and type (money
 * in dollars, the anesthesia conversion factor to 4 decimals, base units as a number), and the
 * typed texts back to the clinic's amounts for the year. Blank = use the national figure.
 */
import type { MedicareFigureView } from '../../../core/ipc/contract';
import { formatCents } from '../../../core/money';
import { moneyTextErrorOr, parseMoneyText } from '../lib/text-parsers';

export type RateTexts = Record<string, string>;
export type RateErrors = Record<string, string>;

/** Figures the clinic may replace (the physician conversion factor is shown for reference only). */
export const isEditable = (f: MedicareFigureView): boolean => f.unit !== 'dollars-per-rvu';

/** A value in its unit as staff read it. */
export function figureText(f: Pick<MedicareFigureView, 'unit'>, value: number | null): string {
  if (value === null) return '';
  switch (f.unit) {
    case 'cents':
      return formatCents(value);
    case 'cents-per-unit':
      return `$${(value / 100).toFixed(4)}`;
    case 'units':
      return String(value);
    case 'dollars-per-rvu':
      return `$${value.toFixed(4)}`;
  }
}

export function rateTextsFrom(figures: readonly MedicareFigureView[]): RateTexts {
  return Object.fromEntries(figures.filter(isEditable).map((f) => [f.id, figureText(f, f.clinicValue)]));
}

/** "$20.4976" or "20.4976" (dollars, up to 4 decimals) to cents with up to 2 decimals. */
function parsePerUnit(text: string): number | null {
  const m = /^\$?\s*(\d{1,4})(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (m === null) return null;
  const fraction = (m[2] ?? '').padEnd(4, '0');
  return Number(m[1]) * 100 + Number(fraction) / 100;
}

function parseUnits(text: string): number | null {
  const t = text.trim();
  return /^\d{1,2}(\.\d)?$/.test(t) ? Number(t) : null;
}

const messages = {
  cents: 'Enter an amount in dollars, like 1,773.92, or leave it empty for the national amount.',
  'cents-per-unit': 'Enter dollars per unit with up to 4 decimals, like 20.4976, or leave it empty.',
  units: 'Enter the base units as a number, like 6, or leave it empty.',
} as const;

/** The clinic's amounts for the year, by figure id (blank ones left out), or what is wrong, by id. */
export function toRateOverrides(figures: readonly MedicareFigureView[], texts: RateTexts): { overrides: Record<string, number>; errors: RateErrors } {
  const overrides: Record<string, number> = {};
  const errors: RateErrors = {};
  for (const f of figures) {
    if (!isEditable(f) || f.unit === 'dollars-per-rvu') continue;
    const text = (texts[f.id] ?? '').trim();
    if (text === '') continue;
    const value = f.unit === 'cents' ? parseMoneyText(text) : f.unit === 'cents-per-unit' ? parsePerUnit(text) : parseUnits(text);
    if (value === null || value > 100_000_000) errors[f.id] = f.unit === 'cents' ? moneyTextErrorOr(text, messages.cents) : messages[f.unit];
    else overrides[f.id] = value;
  }
  return { overrides, errors };
}
