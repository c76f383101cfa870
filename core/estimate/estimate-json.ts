/**
 * The estimate as the headless command prints it: money in dollars (at most 2 decimals),
 * warnings as plain sentences. Keys beyond the published shape are extras for readers.
 */
import { centsToDollars } from '../money';
import type { CentsRange, Estimate, EstimateLine, PatientBreakdown, ProviderRole } from './types';

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
  selfPay?: number;
}

export interface EstimateJson {
  procedureId: string;
  codes: string[];
  lines: EstimateJsonLine[];
  separatelyScheduled: Array<{ code: string; description: string; provider: ProviderRole; low: number; high: number }>;
  charges: DollarRange;
  allowed: DollarRange;
  patient: DollarRange;
  insurance: DollarRange;
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
  };
  if (b.selfPayCents !== undefined) out.selfPay = centsToDollars(b.selfPayCents);
  return out;
}

export function toEstimateJson(estimate: Estimate): EstimateJson {
  return {
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
    patient: dollars(estimate.patient),
    insurance: dollars(estimate.insurance),
    patientBreakdown: { low: breakdownJson(estimate.patientBreakdown.low), high: breakdownJson(estimate.patientBreakdown.high) },
    goodFaithEstimate: estimate.goodFaithEstimate,
    selfPayDiscountPercent: estimate.selfPayDiscountPercent,
    referenceRange: dollars(estimate.referenceRange),
    withinReferenceRange: estimate.withinReferenceRange,
    warnings: estimate.warnings.map((w) => w.message),
    warningCodes: estimate.warnings.map((w) => w.code),
  };
}
