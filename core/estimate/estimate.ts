/**
 * The estimate: itemized charges for the case, then either the insured patient's share
 * (DOMAIN.md section 2) or, for uninsured and self-pay patients, a Good Faith Estimate
 * with the clinic's self-pay discount. Pure and deterministic; integer cents throughout.
 * Low and high are computed the same way from the low and high charges, so low <= high.
 */
import { formatCents } from '../money';
import { computeShare, percentOf, type ShareTerms } from './cost-sharing';
import { isGoodFaithEstimateKind, resolveCoverage, type ResolvedCoverage } from './coverage-presets';
import { isWithinRange, itemizeCharges, separatelyScheduledItems } from './fee-schedule';
import type { FeeSchedule, ProcedureDefinition } from './procedure-schema';
import type { Case, CentsRange, CostSharingUsed, Estimate, EstimateWarning, PatientBreakdown, WarningCode } from './types';

export interface EstimateOptions {
  /** Clinic's discount off charges for uninsured and self-pay patients, 0-100. */
  selfPayDiscountPercent: number;
  /** Original Medicare Part B deductible for the year, in cents. */
  medicareDeductibleCents: number;
}

const range = (low: number, high: number): CentsRange => ({ low, high });
const rangeText = (r: CentsRange): string => (r.low === r.high ? formatCents(r.low) : `${formatCents(r.low)} to ${formatCents(r.high)}`);

const warn = (code: WarningCode, message: string): EstimateWarning => ({ code, message });

/** The money half of an estimate: what is owed and by whom. */
interface Shares {
  allowed: CentsRange;
  patient: CentsRange;
  insurance: CentsRange;
  patientBreakdown: { low: PatientBreakdown; high: PatientBreakdown };
  costSharing: CostSharingUsed | null;
  selfPayDiscountPercent: number;
  selfPayDiscountCents: CentsRange | undefined;
}

/**
 * Throws RangeError when the case asks for more levels than the procedure allows (the case
 * schema refuses those first, so this only guards programming mistakes).
 */
export function computeEstimate(c: Case, procedure: ProcedureDefinition, schedule: FeeSchedule, options: EstimateOptions): Estimate {
  const { levels, site, sedation } = c.procedure;
  if (!Number.isInteger(levels) || levels < procedure.levels.min || levels > procedure.levels.max) {
    throw new RangeError(`levels must be ${procedure.levels.min}-${procedure.levels.max}`);
  }
  const { lines, charges } = itemizeCharges(schedule, { levels, site, sedation });
  const referenceRange = range(procedure.referenceRange.lowCents, procedure.referenceRange.highCents);
  const withinReferenceRange = isWithinRange(charges, procedure.referenceRange);

  const warnings: EstimateWarning[] = [];
  if (levels > procedure.levels.normalMax) warnings.push(warn('many-levels', procedure.levels.manyLevelsWarning));
  if (!withinReferenceRange) {
    warnings.push(
      warn(
        'outside-reference-range',
        `The total charges (${rangeText(charges)}) fall outside the published range of ${rangeText(referenceRange)}. ` +
          'The estimate follows the clinic fee schedule as it is; check the fees if this looks wrong.',
      ),
    );
  }
  const goodFaithEstimate = isGoodFaithEstimateKind(c.coverage.kind);
  const shares = goodFaithEstimate ? selfPayShares(charges, options) : insuredShares(c, charges, options, warnings);

  // Written out in full (no object spread): this runs for every keystroke and in bulk.
  return {
    procedureId: procedure.id,
    codes: levels > 1 ? [procedure.codes.primary, procedure.codes.addOn] : [procedure.codes.primary],
    lines,
    separatelyScheduled: separatelyScheduledItems(schedule),
    charges,
    allowed: shares.allowed,
    patient: shares.patient,
    insurance: shares.insurance,
    patientBreakdown: shares.patientBreakdown,
    costSharing: shares.costSharing,
    goodFaithEstimate,
    selfPayDiscountPercent: shares.selfPayDiscountPercent,
    selfPayDiscountCents: shares.selfPayDiscountCents,
    referenceRange,
    withinReferenceRange,
    warnings,
  };
}

const selfPayBreakdown = (selfPayCents: number): PatientBreakdown => ({
  copayCents: 0,
  deductibleCents: 0,
  coinsuranceCents: 0,
  balanceBillCents: 0,
  selfPayCents,
});

/** Good Faith Estimate: the clinic's self-pay discount off the charges; no insurer. */
function selfPayShares(charges: CentsRange, options: EstimateOptions): Shares {
  const percent = options.selfPayDiscountPercent;
  const discount = range(percentOf(charges.low, percent), percentOf(charges.high, percent));
  const patient = range(charges.low - discount.low, charges.high - discount.high);
  return {
    allowed: patient,
    patient,
    insurance: range(0, 0),
    patientBreakdown: { low: selfPayBreakdown(patient.low), high: selfPayBreakdown(patient.high) },
    costSharing: null,
    selfPayDiscountPercent: percent,
    selfPayDiscountCents: discount,
  };
}

/** Insured: DOMAIN.md section 2 at each end of the range; warnings added to `warnings`. */
function insuredShares(c: Case, charges: CentsRange, options: EstimateOptions, warnings: EstimateWarning[]): Shares {
  const coverage = resolveCoverage(c.coverage, options);
  const network = c.coverage.network;
  const oopMax = coverage.outOfPocketMaxCents;
  const staffAllowed = c.coverage.allowedAmountCents;
  warnings.push(...coverageWarnings(c, coverage));

  const allowed = staffAllowed === undefined ? charges : range(staffAllowed, staffAllowed);
  const terms: ShareTerms = {
    network,
    deductibleRemainingCents: Math.max(0, coverage.deductibleCents - coverage.deductibleMetCents),
    coinsurancePercent: coverage.coinsurancePercent,
    copayCents: coverage.copayCents,
    outOfPocketRemainingCents: oopMax === null ? null : Math.max(0, oopMax - coverage.outOfPocketMetCents),
  };
  const low = computeShare(terms, allowed.low, charges.low);
  const high = computeShare(terms, allowed.high, charges.high);
  return {
    allowed,
    patient: range(low.patientCents, high.patientCents),
    insurance: range(low.insuranceCents, high.insuranceCents),
    patientBreakdown: { low: low.breakdown, high: high.breakdown },
    costSharing: {
      network,
      deductibleCents: coverage.deductibleCents,
      deductibleMetCents: coverage.deductibleMetCents,
      coinsurancePercent: coverage.coinsurancePercent,
      copayCents: coverage.copayCents,
      outOfPocketMaxCents: oopMax,
      outOfPocketMetCents: coverage.outOfPocketMetCents,
      allowedFromStaff: staffAllowed !== undefined,
    },
    selfPayDiscountPercent: 0,
    selfPayDiscountCents: undefined,
  };
}

function coverageWarnings(c: Case, coverage: ResolvedCoverage): EstimateWarning[] {
  const warnings: EstimateWarning[] = [];
  if (coverage.presetUsed) {
    warnings.push(
      warn(
        'preset-values-used',
        'Some plan details were left blank, so typical values were used. Enter the deductible, coinsurance and out-of-pocket maximum from the plan for a closer estimate.',
      ),
    );
  }
  if (c.coverage.kind === 'medicaid') {
    warnings.push(
      warn(
        'medicaid-check-coverage',
        'Medicaid patients usually pay little or nothing, but rules differ by state. Confirm coverage and any prior approval with the Medicaid plan.',
      ),
    );
  }
  if (coverage.deductibleMetCents > coverage.deductibleCents) {
    warnings.push(
      warn(
        'deductible-met-exceeds-deductible',
        `The deductible already met (${formatCents(coverage.deductibleMetCents)}) is more than the deductible (${formatCents(coverage.deductibleCents)}). ` +
          'The estimate treats the deductible as fully met; check both amounts.',
      ),
    );
  }
  const oopMax = coverage.outOfPocketMaxCents;
  if (oopMax !== null && coverage.outOfPocketMetCents > oopMax) {
    warnings.push(
      warn(
        'oop-met-exceeds-max',
        `The out-of-pocket amount already met (${formatCents(coverage.outOfPocketMetCents)}) is more than the out-of-pocket maximum (${formatCents(oopMax)}). ` +
          'The estimate treats the maximum as reached; check both amounts.',
      ),
    );
  }
  if (c.coverage.network === 'out') {
    warnings.push(
      warn(
        'out-of-network',
        'Out of network: the plan may pay less, and the providers may bill the patient for charges above the allowed amount. That part does not count toward the out-of-pocket maximum.',
      ),
    );
  }
  if (c.coverage.allowedAmountCents === undefined) {
    warnings.push(
      warn(
        'allowed-from-charges',
        "No allowed amount was entered, so this estimate uses the full charges. The plan's allowed amount is usually lower: ask the payer or check its portal, and enter it for a closer estimate.",
      ),
    );
  }
  return warnings;
}
