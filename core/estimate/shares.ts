/**
 * The money half of an estimate, as each coverage path (self-pay, commercial and Medicaid,
 * Medicare) returns it, and the small helpers they share.
 */
import { formatCents } from '../money';
import type { CentsRange, Estimate, EstimateWarning, WarningCode } from './types';

/** The fields of the estimate each coverage path decides. */
export type Shares = Pick<
  Estimate,
  | 'allowed'
  | 'allowedSource'
  | 'rateYear'
  | 'providers'
  | 'patient'
  | 'insurance'
  | 'secondary'
  | 'medicare'
  | 'patientBreakdown'
  | 'costSharing'
  | 'selfPayDiscountPercent'
  | 'outOfPocketCapReached'
> & { selfPayDiscountCents: CentsRange | undefined; contract?: string | null };

export const range = (low: number, high: number): CentsRange => ({ low, high });
export const rangeText = (r: CentsRange): string => (r.low === r.high ? formatCents(r.low) : `${formatCents(r.low)} to ${formatCents(r.high)}`);
export const warn = (code: WarningCode, message: string): EstimateWarning => ({ code, message });
export const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));
