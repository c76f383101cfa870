/**
 * Shared shapes of the estimate engine. All money is integer cents; dates are ISO
 * `YYYY-MM-DD` strings. The case-file / CLI boundary uses dollars (see core/case/case-schema.ts).
 */

import type { Payments } from './payments';
import type { BillingRole, CoverageKind, Language, MedigapPlan, Network, PlaceOfService, ProviderRole, Sedation } from '../case/enums';

export type { BillingRole, CoverageKind, Language, MedigapPlan, Network, PlaceOfService, ProviderRole, Sedation };

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
  /** Original Medicare only: the plan behind it (Medigap, Medicaid, an employer or retiree plan). */
  supplement?: Supplement;
  /** Medicare and Medicare Advantage: approved amounts staff know, per provider (else Medicare's rates). */
  allowedAmounts?: ProviderAmounts;
  /** Commercial and Medicare Advantage: the plan's copay per provider (a provider without one pays coinsurance). */
  copays?: ProviderAmounts;
  /** Commercial and Medicare Advantage: a provider's own network where it differs from `network`. */
  networkByProvider?: Partial<Record<BillingRole, Network>>;
  /** Commercial: the plan year's first day, "MM-DD" (January 1 when not given). */
  planYearStart?: string;
  /** Commercial: a second commercial plan (coordination of benefits). */
  secondary?: SecondaryPlan;
}

/** A second plan's terms, in cents (coordination of benefits: DOMAIN.md section 2). */
export interface SecondaryPlan {
  payerName?: string | undefined;
  deductibleCents: number;
  deductibleMetCents?: number | undefined;
  coinsurancePercent: number;
  copayCents?: number | undefined;
  /** null = no maximum; undefined = not given (no cap is assumed for the secondary). */
  outOfPocketMaxCents?: number | null | undefined;
  outOfPocketMetCents?: number | undefined;
}

/** Money toward this procedure: already paid to the clinic, and a payment plan. */
export interface CasePayments {
  alreadyPaidCents: number;
  /** null: no payment plan. */
  planMonths: number | null;
}

export type Supplement =
  | { kind: 'medigap'; plan: MedigapPlan; deductibleMetCents?: number; outOfPocketMetCents?: number }
  | { kind: 'medicaid'; qmb: boolean }
  | { kind: 'other'; paysPercent: number }
  /** An employer or retiree plan with its own terms: coordination of benefits behind Medicare. */
  | { kind: 'other'; plan: SecondaryPlan };

export type ProviderAmounts = Partial<Record<BillingRole, number>>;

/** A validated case, in cents. */
export interface Case {
  patient: PatientIdentity;
  procedure: ProcedureChoice;
  coverage: Coverage;
  /** ICD-10-CM code staff chose ("M80.08XA"); absent = not known yet. */
  diagnosis?: string;
  /** The performing doctor's name (Settings -> Doctors); absent = not chosen yet. */
  doctor?: string;
  /** Staff initials: who prepared it (kept with the record). */
  preparedBy?: string;
  /** The record id this packet revises (Past estimates -> Revise). */
  revises?: string;
  language: Language;
  largePrint: boolean;
  payments: CasePayments;
}

export interface EstimateLine {
  /** The fee line it comes from (fee-schedule.json). */
  id: string;
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
  /** What a second plan (Medigap, Medicaid, a retiree plan) pays of the parts above. */
  secondaryCents: number;
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
  /** Plan figures that are only a typical plan's (staff left them blank): never printed as the patient's plan. */
  typical: Array<'deductible' | 'coinsurance' | 'outOfPocketMax'>;
  /** Medicare Advantage: the copays per provider used (empty elsewhere). */
  copays: ProviderAmounts;
}

/** Where the allowed (approved) amounts came from. */
export type AllowedSource = 'medicare-fee-schedule' | 'payer-contract' | 'entered' | 'charges';

/** One provider's part of the bill. The providers add up to the estimate's totals. */
export interface ProviderShare {
  role: ProviderRole;
  charges: CentsRange;
  allowed: CentsRange;
  allowedSource: AllowedSource;
  insurance: CentsRange;
  secondary: CentsRange;
  patient: CentsRange;
  breakdown: { low: PatientBreakdown; high: PatientBreakdown };
}

/** How a Medicare estimate was figured, for the summary and the packet. */
export interface MedicareBasis {
  /** Original Medicare, or a Medicare Advantage plan paying on Medicare's amounts. */
  plan: 'original' | 'advantage';
  /** The rate file's year, and the year the case falls in (they differ when the app has no file for it). */
  rateYear: number;
  caseYear: number;
  /** Figures the clinic entered for its locality (labels); empty = national amounts only. */
  clinicFigures: string[];
  /** Figures used that no public source confirmed yet (labels). */
  unconfirmedFigures: string[];
  /** Part B deductible for the rate year, and what was still left of it. */
  partBDeductibleCents: number;
  partBDeductibleRemainingCents: number;
  /** The hospital outpatient coinsurance was cut to the Part A deductible (one service). */
  hospitalCopayCapped: boolean;
  hospitalCopayCapCents: number;
  supplement: Supplement | null;
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
  | 'allowed-exceeds-charges'
  | 'medicare-figures-unconfirmed'
  | 'medicare-rate-missing'
  | 'entered-for-absent-provider'
  | 'rate-year-missing'
  | 'new-year-reset'
  | 'qmb-no-cost-sharing'
  | 'medicare-advantage-out-of-network'
  | 'medicare-self-pay'
  | 'new-plan-year'
  | 'contract-not-found'
  | 'contract-not-used'
  | 'contract-incomplete'
  | 'no-surprises-protected'
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
  allowedSource: AllowedSource;
  /** The Medicare rate year used (null when Medicare's rates were not used). */
  rateYear: number | null;
  /** Each billing provider's part, physician first; their sums are the totals. */
  providers: ProviderShare[];
  patient: CentsRange;
  insurance: CentsRange;
  /** What a second plan pays (0 without one). */
  secondary: CentsRange;
  /** Original Medicare and Medicare Advantage: which figures were used. */
  medicare: MedicareBasis | null;
  /** The payer contract whose amounts were used (its payer name as the clinic wrote it), or null. */
  contract: string | null;
  /** Money before the day: deposit, what was paid, a payment plan (the clinic's own part only). */
  payments: Payments;
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
