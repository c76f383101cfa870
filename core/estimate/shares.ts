/**
 * The money half of an estimate, as each coverage path (self-pay, commercial and Medicaid,
 * Medicare) returns it, and the small helpers they share.
 */
import { formatCents } from '../money';
import type {
  AllowedSource,
  CentsRange,
  CostSharingUsed,
  EstimateWarning,
  MedicareBasis,
  PatientBreakdown,
  ProviderShare,
  WarningCode,
} from './types';

export interface Shares {
  allowed: CentsRange;
  allowedSource: AllowedSource;
  rateYear: number | null;
  providers: ProviderShare[];
  patient: CentsRange;
  insurance: CentsRange;
  secondary: CentsRange;
  medicare: MedicareBasis | null;
  patientBreakdown: { low: PatientBreakdown; high: PatientBreakdown };
  costSharing: CostSharingUsed | null;
  selfPayDiscountPercent: number;
  selfPayDiscountCents: CentsRange | undefined;
  outOfPocketCapReached: boolean;
}

export const range = (low: number, high: number): CentsRange => ({ low, high });
export const rangeText = (r: CentsRange): string => (r.low === r.high ? formatCents(r.low) : `${formatCents(r.low)} to ${formatCents(r.high)}`);
export const warn = (code: WarningCode, message: string): EstimateWarning => ({ code, message });
export const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));
