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
  outOfPocketCapReached: boolean;
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
    addOnCodes: procedure.addOnCodes,
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
    outOfPocketCapReached: shares.outOfPocketCapReached,
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
    outOfPocketCapReached: false,
  };
}

/** Insured: DOMAIN.md section 2 at each end of the range; warnings added to `warnings`. */
function insuredShares(c: Case, charges: CentsRange, options: EstimateOptions, warnings: EstimateWarning[]): Shares {
  const coverage = resolveCoverage(c.coverage, options);
  const network = networkOf(c);
  const oopMax = coverage.outOfPocketMaxCents;
  const staffAllowed = c.coverage.allowedAmountCents;
  warnings.push(...coverageWarnings(c, coverage, network, options));
  if (staffAllowed !== undefined && staffAllowed > charges.high) {
    warnings.push(
      warn(
        'allowed-exceeds-charges',
        `The allowed amount entered (${formatCents(staffAllowed)}) is more than the total charges (${rangeText(charges)}). ` +
          'A plan rarely allows more than is charged: check the figure from the payer before giving this estimate.',
      ),
    );
  }

  // Out of network with no allowed amount, the plan may pay little or nothing: the honest
  // estimate is the full charges (all of it billable to the patient), not a guess.
  const allowed =
    staffAllowed !== undefined ? range(staffAllowed, staffAllowed) : network === 'out' ? range(0, 0) : charges;
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
    outOfPocketCapReached: low.capReached || high.capReached,
  };
}

/** Original Medicare and Medicaid have no networks, and their patients cannot be balance billed. */
function networkOf(c: Case): 'in' | 'out' {
  return c.coverage.kind === 'medicare' || c.coverage.kind === 'medicaid' ? 'in' : c.coverage.network;
}

function coverageWarnings(c: Case, coverage: ResolvedCoverage, network: 'in' | 'out', options: EstimateOptions): EstimateWarning[] {
  const warnings: EstimateWarning[] = [];
  if (c.coverage.network === 'out' && network === 'in') {
    warnings.push(
      warn(
        'no-network-plan',
        'Original Medicare and Medicaid have no networks, and their patients cannot be billed above the approved amount. The estimate is figured as in network; if the clinic does not accept this plan, ask billing.',
      ),
    );
  }
  if (c.coverage.kind === 'medicare') {
    const differs: string[] = [];
    if (coverage.deductibleCents !== options.medicareDeductibleCents) differs.push(`deductible ${formatCents(coverage.deductibleCents)} (this year's Part B deductible is ${formatCents(options.medicareDeductibleCents)})`);
    if (coverage.coinsurancePercent !== 20) differs.push(`coinsurance ${coverage.coinsurancePercent}% (Part B is 20%)`);
    if (coverage.outOfPocketMaxCents !== null) differs.push('an out-of-pocket maximum (Original Medicare has none)');
    if (differs.length > 0) {
      warnings.push(
        warn('medicare-terms-differ', `Original Medicare was chosen but the plan figures differ from Medicare's: ${differs.join('; ')}. Check them, or choose Medicare Advantage if that is the plan.`),
      );
    }
  }
  if (c.coverage.outOfPocketMetCents !== undefined && c.coverage.outOfPocketMetCents < coverage.deductibleMetCents) {
    warnings.push(
      warn(
        'oop-met-below-deductible-met',
        `The out-of-pocket amount met (${formatCents(c.coverage.outOfPocketMetCents)}) is less than the deductible met (${formatCents(coverage.deductibleMetCents)}). Deductible payments count toward the out-of-pocket maximum; check both amounts.`,
      ),
    );
  }
  if (coverage.typicalValuesUsed.length > 0) {
    warnings.push(
      warn(
        'preset-values-used',
        `Typical values, not this plan's, were used for: ${coverage.typicalValuesUsed.join(', ')}. ` +
          "Type the plan's own figures from the card or payer portal for a closer estimate.",
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
  if (network === 'out') {
    warnings.push(
      warn(
        'out-of-network',
        'Out of network: the plan may pay less, and the providers may bill the patient for charges above the allowed amount. That part does not count toward the out-of-pocket maximum.',
      ),
    );
  }
  if (c.coverage.allowedAmountCents === undefined && network === 'out') {
    warnings.push(
      warn(
        'allowed-unknown-out-of-network',
        "Out of network with no allowed amount: the estimate shows the full charges as what the patient may owe, because the plan may pay little or nothing. Ask the payer for the out-of-network allowed amount and enter it for a closer estimate.",
      ),
    );
  } else if (c.coverage.allowedAmountCents === undefined) {
    warnings.push(
      warn(
        'allowed-from-charges',
        "No allowed amount was entered, so this estimate uses the full charges. The plan's allowed amount is usually lower: ask the payer or check its portal, and enter it for a closer estimate.",
      ),
    );
  }
  return warnings;
}
