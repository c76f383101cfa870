/**
 * The estimate: itemized charges for the case, then either the insured patient's share
 * (DOMAIN.md section 2) or, for uninsured and self-pay patients, a Good Faith Estimate
 * with the clinic's self-pay discount. Pure and deterministic; integer cents throughout.
 * Low and high are computed the same way from the low and high charges, so low <= high.
 */
import { formatCents } from '../money';
import { computeShare, percentOf, type ShareTerms } from './cost-sharing';
import { costSharingUsed, isGoodFaithEstimateKind, resolveCoverage, type ResolvedCoverage } from './coverage-presets';
import { isWithinRange, itemizeCharges, separatelyScheduledItems } from './fee-schedule';
import { medicareShares } from './medicare-estimate';
import type { MedicareOverrides } from './medicare-rates';
import type { MedicareRateFile } from './medicare-schema';
import type { FeeSchedule, ProcedureDefinition } from './procedure-schema';
import { commercialShares, needsPerProvider } from './commercial-estimate';
import { coordinate } from './coordination';
import { ratesForCase } from './medicare-rates';
import { matchContract, type PayerContract } from './payer-contracts';
import { computePayments } from './payments';
import { allocate, allocatePlanShare, emptyBreakdown, isClinicRole, patientOf, providersOf, type ProviderLines } from './providers';
import { range, rangeText, warn, yearOf, type Shares } from './shares';
import type { AllowedSource, Case, CentsRange, Estimate, EstimateWarning, Network, PatientBreakdown, ProviderShare } from './types';

export interface EstimateOptions {
  /** Clinic's discount off charges for uninsured and self-pay patients, 0-100. */
  selfPayDiscountPercent: number;
  /** The clinic's date, YYYY-MM-DD: deductibles and Medicare's rates follow the calendar year. */
  today: string;
  /** This procedure's Medicare rate files (one per year) and the clinic's own amounts by year. */
  medicare: MedicareData;
  /** The clinic's payer contracts (Settings -> Payer contracts). */
  payerContracts: readonly PayerContract[];
  /** The clinic's deposit policy: this share of the patient's part of its own bill, asked before the day. */
  depositPercent: number;
}

export interface MedicareData {
  files: readonly MedicareRateFile[];
  /** By rate year ("2026"), then figure id: the clinic's locality amounts (Settings -> Medicare rates). */
  overrides: Readonly<Record<string, MedicareOverrides>>;
}

/**
 * Throws RangeError when the case asks for more levels than the procedure allows (the case
 * schema refuses those first, so this only guards programming mistakes), or when a Medicare
 * case has no rate file (the catalog loader requires one).
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
        `The total charges (${rangeText(charges)}) fall outside the usual price range for this procedure (${rangeText(referenceRange)}). ` +
          'The estimate follows the clinic fee schedule as it is; check the fees if this looks wrong.',
      ),
    );
  }
  const goodFaithEstimate = isGoodFaithEstimateKind(c.coverage.kind);
  const providers = providersOf(lines);
  const kind = c.coverage.kind;
  const shares = goodFaithEstimate
    ? selfPayShares(c, providers, charges, options, warnings)
    : kind === 'medicare' || kind === 'medicare-advantage'
      ? medicareShares(c, { lines, providers, schedule }, options, warnings)
      : insuredShares(c, { providers, schedule, charges }, options, warnings);

  // Written out in full (no object spread): this runs for every keystroke and in bulk.
  return {
    procedureId: procedure.id,
    codes: levels > 1 ? [procedure.codes.primary, procedure.codes.addOn] : [procedure.codes.primary],
    addOnCodes: procedure.addOnCodes,
    lines,
    separatelyScheduled: separatelyScheduledItems(schedule),
    charges,
    allowed: shares.allowed,
    allowedSource: shares.allowedSource,
    rateYear: shares.rateYear,
    providers: shares.providers,
    patient: shares.patient,
    insurance: shares.insurance,
    secondary: shares.secondary,
    medicare: shares.medicare,
    contract: shares.contract ?? null,
    payments: computePayments(shares.providers, c.payments, options.depositPercent),
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

const selfPayBreakdown = (selfPayCents: number): PatientBreakdown => ({ ...emptyBreakdown(), selfPayCents });

/** Good Faith Estimate: the clinic's self-pay discount off its own charges; no insurer. */
function selfPayShares(c: Case, providers: readonly ProviderLines[], charges: CentsRange, options: EstimateOptions, warnings: EstimateWarning[]): Shares {
  const percent = options.selfPayDiscountPercent;
  const perProvider: ProviderShare[] = providers.map((p) => {
    const off = isClinicRole(p.role) ? range(percentOf(p.charges.low, percent), percentOf(p.charges.high, percent)) : range(0, 0);
    const owed = range(p.charges.low - off.low, p.charges.high - off.high);
    return {
      role: p.role,
      charges: p.charges,
      allowed: owed,
      allowedSource: 'charges',
      insurance: range(0, 0),
      secondary: range(0, 0),
      patient: owed,
      breakdown: { low: selfPayBreakdown(owed.low), high: selfPayBreakdown(owed.high) },
    };
  });
  const patient = range(
    perProvider.reduce((sum, p) => sum + p.patient.low, 0),
    perProvider.reduce((sum, p) => sum + p.patient.high, 0),
  );
  const discount = range(charges.low - patient.low, charges.high - patient.high);
  const age = ageOn(c.patient.dateOfBirth, c.procedure.scheduledDate ?? options.today);
  if (age >= MEDICARE_AGE) {
    warnings.push(
      warn(
        'medicare-self-pay',
        `The patient is ${MEDICARE_AGE} or older, so likely to have Medicare. A Medicare patient cannot simply pay cash: the doctor must bill Medicare unless the doctor has opted out of Medicare and the patient signed a private contract. Check Medicare eligibility before giving a self-pay Good Faith Estimate.`,
      ),
    );
  }
  return {
    allowed: patient,
    allowedSource: 'charges',
    rateYear: null,
    providers: perProvider,
    patient,
    insurance: range(0, 0),
    secondary: range(0, 0),
    medicare: null,
    patientBreakdown: { low: selfPayBreakdown(patient.low), high: selfPayBreakdown(patient.high) },
    costSharing: null,
    selfPayDiscountPercent: percent,
    selfPayDiscountCents: discount,
    outOfPocketCapReached: false,
  };
}

/** Medicare eligibility by age (SSA 226). */
const MEDICARE_AGE = 65;

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = yearOf(day) - yearOf(dateOfBirth);
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * Commercial plans and Medicaid: DOMAIN.md section 2 on the total at each end (one allowed
 * amount for the whole bill until payer contracts give one per provider), then divided among
 * the providers exactly: the plan's parts by allowed amount, any balance bill by what each
 * charges above it.
 */
function insuredShares(
  c: Case,
  parts: { providers: readonly ProviderLines[]; schedule: FeeSchedule; charges: CentsRange },
  options: EstimateOptions,
  warnings: EstimateWarning[],
): Shares {
  const { providers, charges } = parts;
  const newPlanYear = startsNewPlanYear(c, options.today);
  if (newPlanYear !== null) warnings.push(newPlanYear);
  const coverage = withPlanYear(resolveCoverage(c.coverage, { medicareAdvantageOutOfPocketCents: null }), newPlanYear !== null);
  const network = networkOf(c);
  const contract = c.coverage.kind === 'commercial' ? findContract(c, options.payerContracts, warnings) : null;
  const general = coverageWarnings(c, coverage, network);
  const primary =
    c.coverage.kind === 'commercial' && needsPerProvider(c, contract)
      ? commercialShares(c, { providers, schedule: parts.schedule, medicare: ratesForCase(c, options).file }, coverage, contract, warnings)
      : totalShares(c, { providers, charges }, coverage, network, warnings);
  // Where a contract gave the allowed amounts, the "no allowed amount was entered" warnings do not apply.
  const contractCodes: string[] = ['allowed-from-charges', 'allowed-unknown-out-of-network'];
  warnings.push(...general.filter((w) => primary.contract === null || primary.contract === undefined || !contractCodes.includes(w.code)));
  const secondary = c.coverage.secondary;
  return secondary === undefined ? primary : coordinate(primary, secondary, newPlanYear !== null);
}

/** The clinic's contract for the case's payer; says so when the clinic has contracts and none matches. */
function findContract(c: Case, contracts: readonly PayerContract[], warnings: EstimateWarning[]): PayerContract | null {
  const found = matchContract(contracts, c.coverage.payerName);
  // An allowed amount staff typed (from the payer's portal) is the plan's word for this case: it wins.
  if (found !== null && c.coverage.allowedAmountCents !== undefined) {
    warnings.push(warn('contract-not-used', `The allowed amount entered was used instead of the payer contract "${found.payer}". Leave it empty to use the contracted rates.`));
    return null;
  }
  if (found === null && contracts.length > 0 && c.coverage.payerName !== undefined) {
    warnings.push(
      warn('contract-not-found', `No payer contract in Settings matches "${c.coverage.payerName}": the estimate uses the charges. Check the payer name, or add it as another name of its contract.`),
    );
  }
  return found;
}

/** Met amounts start again in a new plan year. */
function withPlanYear(coverage: ResolvedCoverage, reset: boolean): ResolvedCoverage {
  return reset ? { ...coverage, deductibleMetCents: 0, outOfPocketMetCents: 0 } : coverage;
}

/** The plan year a day falls in, for a plan year starting on MM-DD. */
export function planYearOf(day: string, start: string): number {
  return day.slice(5) >= start ? yearOf(day) : yearOf(day) - 1;
}

/** A commercial case booked in a later plan year than today: the warning that met amounts count as 0, else null. */
function startsNewPlanYear(c: Case, today: string): EstimateWarning | null {
  const scheduled = c.procedure.scheduledDate;
  if (c.coverage.kind !== 'commercial' || scheduled === undefined) return null;
  const start = c.coverage.planYearStart ?? '01-01';
  if (planYearOf(scheduled, start) <= planYearOf(today, start)) return null;
  const met = (c.coverage.deductibleMetCents ?? 0) > 0 || (c.coverage.outOfPocketMetCents ?? 0) > 0;
  const when = start === '01-01' ? 'January 1' : `${start.replace('-', '/')} (the plan year start)`;
  return warn(
    'new-plan-year',
    `The procedure falls in the next plan year, which starts on ${when}: the deductible and out-of-pocket amounts start again${met ? ', so the amounts met so far are counted as 0' : ''}. Check the plan's figures for that year.`,
  );
}

/** DOMAIN.md section 2 on the whole bill at each end, then divided among providers. */
function totalShares(
  c: Case,
  parts: { providers: readonly ProviderLines[]; charges: CentsRange },
  coverage: ResolvedCoverage,
  network: Network,
  warnings: EstimateWarning[],
): Shares {
  const { providers, charges } = parts;
  const oopMax = coverage.outOfPocketMaxCents;
  const staffAllowed = c.coverage.allowedAmountCents;
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
  const allowedSource: AllowedSource = staffAllowed !== undefined ? 'entered' : 'charges';
  const perEnd = (end: 'low' | 'high', share: typeof low) => {
    const allowedParts = staffAllowed !== undefined || network === 'in' ? allocate(allowed[end], providers.map((p) => p.charges[end])) : providers.map(() => 0);
    const planParts = allocatePlanShare(share.breakdown, allowedParts);
    const above = providers.map((p, i) => Math.max(0, p.charges[end] - (allowedParts[i] ?? 0)));
    const balance = allocate(share.breakdown.balanceBillCents, above);
    return providers.map((_, i) => {
      const b = { ...(planParts[i] ?? emptyBreakdown()), balanceBillCents: balance[i] ?? 0 };
      const allowedCents = allowedParts[i] ?? 0;
      return { b, allowedCents, insurance: allowedCents - (b.copayCents + b.deductibleCents + b.coinsuranceCents) };
    });
  };
  const lows = perEnd('low', low);
  const highs = perEnd('high', high);
  const perProvider: ProviderShare[] = providers.map((p, i) => {
    const l = lows[i] ?? { b: emptyBreakdown(), allowedCents: 0, insurance: 0 };
    const h = highs[i] ?? { b: emptyBreakdown(), allowedCents: 0, insurance: 0 };
    return {
      role: p.role,
      charges: p.charges,
      allowed: range(l.allowedCents, h.allowedCents),
      allowedSource,
      insurance: range(l.insurance, h.insurance),
      secondary: range(0, 0),
      patient: range(patientOf(l.b), patientOf(h.b)),
      breakdown: { low: l.b, high: h.b },
    };
  });
  return {
    allowed,
    allowedSource,
    rateYear: null,
    providers: perProvider,
    patient: range(low.patientCents, high.patientCents),
    insurance: range(low.insuranceCents, high.insuranceCents),
    secondary: range(0, 0),
    medicare: null,
    patientBreakdown: { low: low.breakdown, high: high.breakdown },
    costSharing: costSharingUsed(coverage, network, staffAllowed !== undefined, {}),
    selfPayDiscountPercent: 0,
    selfPayDiscountCents: undefined,
    outOfPocketCapReached: low.capReached || high.capReached,
  };
}

/** Medicaid has no network, and its patients cannot be balance billed (Medicare's path is medicare-estimate.ts). */
function networkOf(c: Case): 'in' | 'out' {
  return c.coverage.kind === 'medicaid' ? 'in' : c.coverage.network;
}

function coverageWarnings(c: Case, coverage: ResolvedCoverage, network: 'in' | 'out'): EstimateWarning[] {
  const warnings: EstimateWarning[] = [];
  if (c.coverage.network === 'out' && network === 'in') {
    warnings.push(
      warn(
        'no-network-plan',
        'Medicaid has no networks, and its patients cannot be billed above the approved amount. The estimate is figured as in network; if the clinic does not accept this plan, ask billing.',
      ),
    );
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
