/**
 * Shared shapes of the estimate engine. All money is integer cents; dates are ISO
 * `YYYY-MM-DD` strings. The case-file / CLI boundary uses dollars (see core/case/case-schema.ts).
 */

import type { CoverageKind, Language, Network, PlaceOfService, ProviderRole, Sedation } from '../case/enums';

export type { CoverageKind, Language, Network, PlaceOfService, ProviderRole, Sedation };

/** A low-high range of cents, low <= high. */
export interface CentsRange {
  low: number;
  high: number;
}

export interface PatientIdentity {
  firstName: string;
  lastName: string;
  /** ISO date YYYY-MM-DD */
  dateOfBirth: string;
}

export interface ProcedureChoice {
  id: string;
  levels: number;
  site: PlaceOfService;
  sedation: Sedation;
  scheduledDate?: string;
}

/** Coverage as the engine sees it: cents, percents as numbers 0-100. */
export interface Coverage {
  kind: CoverageKind;
  payerName?: string;
  memberId?: string;
  network: Network;
  deductibleCents?: number;
  deductibleMetCents?: number;
  coinsurancePercent?: number;
  copayCents?: number;
  /** null = the plan has no out-of-pocket maximum (Original Medicare). */
  outOfPocketMaxCents?: number | null;
  outOfPocketMetCents?: number;
  allowedAmountCents?: number;
}

/** A validated case, in cents. */
export interface Case {
  patient: PatientIdentity;
  procedure: ProcedureChoice;
  coverage: Coverage;
  language: Language;
  largePrint: boolean;
}

export interface EstimateLine {
  code: string;
  description: string;
  provider: ProviderRole;
  quantity: number;
  /** Gross charge range for this line (quantity already applied). 0 when included. */
  lowCents: number;
  highCents: number;
  /** Part of another code's payment (biopsy, imaging guidance): shown, never charged. */
  included?: true;
}

/** Items scheduled and billed separately (pre-procedure imaging): not in the totals. */
export interface SeparateItem {
  code: string;
  description: string;
  provider: ProviderRole;
  lowCents: number;
  highCents: number;
}

export interface PatientBreakdown {
  copayCents: number;
  deductibleCents: number;
  coinsuranceCents: number;
  /** Out of network: charges above the allowed amount the provider may bill. */
  balanceBillCents: number;
  /** Good Faith Estimate only: the discounted self-pay price (the whole patient amount). */
  selfPayCents?: number;
}

/** The cost-sharing figures actually used (after presets and staff overrides). */
export interface CostSharingUsed {
  network: Network;
  deductibleCents: number;
  deductibleMetCents: number;
  coinsurancePercent: number;
  copayCents: number;
  outOfPocketMaxCents: number | null;
  outOfPocketMetCents: number;
  /** true when allowed = what staff typed; false when estimated from charges. */
  allowedFromStaff: boolean;
}

export type WarningCode =
  | 'deductible-met-exceeds-deductible'
  | 'oop-met-exceeds-max'
  | 'allowed-from-charges'
  | 'out-of-network'
  | 'outside-reference-range'
  | 'many-levels'
  | 'medicaid-check-coverage'
  | 'procedure-alias'
  | 'allowed-unknown-out-of-network'
  | 'no-network-plan'
  | 'oop-met-below-deductible-met'
  | 'medicare-terms-differ'
  | 'allowed-exceeds-charges'
  /** Plan figures left blank: typical preset values were used (commercial, Medicare Advantage). */
  | 'preset-values-used';

export interface EstimateWarning {
  code: WarningCode;
  /** Plain words for front-desk staff (English). */
  message: string;
}

export interface Estimate {
  procedureId: string;
  /** The procedure's billed codes: its primary code, then its add-on code when levels > 1. */
  codes: string[];
  /** Codes billed only with a primary code (printed "+code"), from the procedure's data. */
  addOnCodes: readonly string[];
  lines: EstimateLine[];
  separatelyScheduled: SeparateItem[];
  charges: CentsRange;
  allowed: CentsRange;
  patient: CentsRange;
  insurance: CentsRange;
  patientBreakdown: { low: PatientBreakdown; high: PatientBreakdown };
  /** Null for self-pay / uninsured. */
  costSharing: CostSharingUsed | null;
  goodFaithEstimate: boolean;
  /** Self-pay discount applied for a Good Faith Estimate (0 otherwise). */
  selfPayDiscountPercent: number;
  /** Good Faith Estimate only: the self-pay discount in cents (charges - patient). */
  selfPayDiscountCents?: CentsRange;
  referenceRange: CentsRange;
  withinReferenceRange: boolean;
  /** The out-of-pocket maximum limited what the patient owes (at either end). */
  outOfPocketCapReached: boolean;
  warnings: EstimateWarning[];
}
