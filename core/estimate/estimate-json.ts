/**
 * The estimate as the headless command prints it: money in dollars (at most 2 decimals),
 * warnings as plain sentences. Keys beyond the published shape are extras for readers.
 */
import { centsToDollars } from '../money';
import type { AllowedSource, CentsRange, Estimate, EstimateLine, PatientBreakdown, ProviderRole, ProviderShare } from './types';

export interface DollarRange {
  low: number;
  high: number;
}

export interface EstimateJsonLine {
  code: string;
  description: string;
  provider: ProviderRole;
  quantity: number;
  low: number;
  high: number;
  included?: true;
}

export interface BreakdownJson {
  copay: number;
  deductible: number;
  coinsurance: number;
  balanceBill: number;
  /** What a second plan (Medigap, Medicaid, a retiree plan) pays of the parts above. */
  secondary: number;
  selfPay?: number;
}

export interface ProviderJson {
  role: ProviderRole;
  charges: DollarRange;
  allowed: DollarRange;
  allowedSource: AllowedSource;
  insurance: DollarRange;
  secondary: DollarRange;
  patient: DollarRange;
  breakdown: { low: BreakdownJson; high: BreakdownJson };
}

export interface EstimateJson {
  procedureId: string;
  codes: string[];
  lines: EstimateJsonLine[];
  separatelyScheduled: Array<{ code: string; description: string; provider: ProviderRole; low: number; high: number }>;
  charges: DollarRange;
  allowed: DollarRange;
  allowedSource: AllowedSource;
  /** The Medicare rate year used; null when Medicare's rates were not used. */
  rateYear: number | null;
  /** Each billing provider's part (physician first); the totals are their sums. */
  providers: ProviderJson[];
  patient: DollarRange;
  insurance: DollarRange;
  secondary: DollarRange;
  /** The payer contract whose amounts were used (as the clinic named it). */
  contract?: string;
  payments: {
    alreadyPaid: number;
    dueBeforeProcedure: DollarRange;
    plan?: { months: number; monthly: DollarRange; lastPayment: DollarRange };
  };
  /** Medicare and Medicare Advantage: which figures were used (extra for readers). */
  medicare?: { plan: 'original' | 'advantage'; rateYear: number; caseYear: number; clinicFigures: string[]; unconfirmedFigures: string[] };
  patientBreakdown: { low: BreakdownJson; high: BreakdownJson };
  goodFaithEstimate: boolean;
  selfPayDiscountPercent: number;
  referenceRange: DollarRange;
  withinReferenceRange: boolean;
  warnings: string[];
  warningCodes: string[];
}

const dollars = (r: CentsRange): DollarRange => ({ low: centsToDollars(r.low), high: centsToDollars(r.high) });

function lineJson(line: EstimateLine): EstimateJsonLine {
  const out: EstimateJsonLine = {
    code: line.code,
    description: line.description,
    provider: line.provider,
    quantity: line.quantity,
    low: centsToDollars(line.lowCents),
    high: centsToDollars(line.highCents),
  };
  if (line.included === true) out.included = true;
  return out;
}

function breakdownJson(b: PatientBreakdown): BreakdownJson {
  const out: BreakdownJson = {
    copay: centsToDollars(b.copayCents),
    deductible: centsToDollars(b.deductibleCents),
    coinsurance: centsToDollars(b.coinsuranceCents),
    balanceBill: centsToDollars(b.balanceBillCents),
    secondary: centsToDollars(b.secondaryCents),
  };
  if (b.selfPayCents !== undefined) out.selfPay = centsToDollars(b.selfPayCents);
  return out;
}

function providerJson(p: ProviderShare): ProviderJson {
  return {
    role: p.role,
    charges: dollars(p.charges),
    allowed: dollars(p.allowed),
    allowedSource: p.allowedSource,
    insurance: dollars(p.insurance),
    secondary: dollars(p.secondary),
    patient: dollars(p.patient),
    breakdown: { low: breakdownJson(p.breakdown.low), high: breakdownJson(p.breakdown.high) },
  };
}

export function toEstimateJson(estimate: Estimate): EstimateJson {
  const m = estimate.medicare;
  const medicare = m === null ? {} : { medicare: { plan: m.plan, rateYear: m.rateYear, caseYear: m.caseYear, clinicFigures: [...m.clinicFigures], unconfirmedFigures: [...m.unconfirmedFigures] } };
  const p = estimate.payments;
  const payments: EstimateJson['payments'] = { alreadyPaid: centsToDollars(p.alreadyPaidCents), dueBeforeProcedure: dollars(p.dueBeforeProcedure) };
  if (p.plan !== null) payments.plan = { months: p.plan.months, monthly: dollars(p.plan.monthly), lastPayment: dollars(p.plan.last) };
  return {
    ...(estimate.contract === null ? {} : { contract: estimate.contract }),
    payments,
    procedureId: estimate.procedureId,
    codes: [...estimate.codes],
    lines: estimate.lines.map(lineJson),
    separatelyScheduled: estimate.separatelyScheduled.map((item) => ({
      code: item.code,
      description: item.description,
      provider: item.provider,
      low: centsToDollars(item.lowCents),
      high: centsToDollars(item.highCents),
    })),
    charges: dollars(estimate.charges),
    allowed: dollars(estimate.allowed),
    allowedSource: estimate.allowedSource,
    rateYear: estimate.rateYear,
    providers: estimate.providers.map(providerJson),
    patient: dollars(estimate.patient),
    insurance: dollars(estimate.insurance),
    secondary: dollars(estimate.secondary),
    ...medicare,
    patientBreakdown: { low: breakdownJson(estimate.patientBreakdown.low), high: breakdownJson(estimate.patientBreakdown.high) },
    goodFaithEstimate: estimate.goodFaithEstimate,
    selfPayDiscountPercent: estimate.selfPayDiscountPercent,
    referenceRange: dollars(estimate.referenceRange),
    withinReferenceRange: estimate.withinReferenceRange,
    warnings: estimate.warnings.map((w) => w.message),
    warningCodes: estimate.warnings.map((w) => w.code),
  };
}
