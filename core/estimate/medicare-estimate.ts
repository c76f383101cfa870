/**
 * The Medicare path of the estimate: Original Medicare (with any supplement) and Medicare
 * Advantage, on Medicare's own amounts for the case's calendar year (DOMAIN.md section 2b).
 * - The rate file is the case's year's (scheduled date, else today), else the latest earlier
 *   one, with a warning; the clinic's locality amounts replace the national ones.
 * - A date in a later year than today starts the deductibles and yearly limits again at 0.
 * - Each provider's approved amount: what staff entered for it, else Medicare's rate; a
 *   facility payment the app does not have yet falls back to the facility's charges, warned.
 */
import { formatCents } from '../money';
import { resolveCoverage } from './coverage-presets';
import type { EstimateOptions } from './estimate';
import { advantageShares, medigapYearlyFigure, originalMedicareShares, type ProviderResult } from './medicare-share';
import { hospitalCopayFor, medicareLineAmount, ratesForCase } from './medicare-rates';
import { figureRefs, type MedicareRateFile } from './medicare-schema';
import type { FeeSchedule } from './procedure-schema';
import { contractAllowed } from './commercial-estimate';
import { coordinate } from './coordination';
import { basisFor, matchContract, type PayerContract } from './payer-contracts';
import { patientOf, sumBreakdowns, sumRanges, type ProviderLines } from './providers';
import { range, warn, yearOf, type Shares } from './shares';
import { billingRoles } from '../case/enums';
import type { AllowedSource, Case, CentsRange, EstimateLine, EstimateWarning, ProviderAmounts, ProviderShare, Supplement } from './types';

const facilityWords = { 'hospital-outpatient': 'hospital outpatient', asc: 'surgery center', office: 'office' } as const;

interface Basis {
  role: ProviderLines['role'];
  charges: CentsRange;
  allowed: CentsRange;
  allowedSource: AllowedSource;
}

/** Each provider's approved amount and the rate figures it rests on. */
function approvedAmounts(
  c: Case,
  providers: readonly ProviderLines[],
  file: MedicareRateFile,
  schedule: FeeSchedule,
  used: Set<string>,
  contract: PayerContract | null,
): { bases: Basis[]; missing: string[]; contractMissing: string[] } {
  const missing: string[] = [];
  const contractMissing: string[] = [];
  const bases = providers.map((p): Basis => {
    const entered = p.role === 'imaging' ? undefined : c.coverage.allowedAmounts?.[p.role];
    if (entered !== undefined) return { role: p.role, charges: p.charges, allowed: range(entered, entered), allowedSource: 'entered' };
    // A Medicare Advantage plan's contract with the clinic replaces Medicare's amounts where it gives them.
    const basis = contract === null || p.role === 'imaging' ? undefined : basisFor(contract, p.role);
    if (basis !== undefined) {
      const amount = contractAllowed(basis, p.lines, file, schedule, c.procedure);
      contractMissing.push(...amount.missing);
      const priced = p.lines.some((l) => l.included !== true && !amount.missing.includes(l.code));
      return { role: p.role, charges: p.charges, allowed: amount.allowed, allowedSource: priced ? 'payer-contract' : 'charges' };
    }
    // A payment the app does not have stands in as that line's charges; packaged lines stay at 0.
    let low = 0;
    let high = 0;
    let unknown = false;
    for (const line of p.lines) {
      const amount = medicareLineAmount(file, schedule, line, c.procedure);
      for (const id of amount.figureIds) used.add(id);
      if (amount.missing) {
        unknown = true;
        missing.push(`${facilityWords[c.procedure.site]} payment for ${line.code}`);
        low += line.lowCents;
        high += line.highCents;
      } else {
        low += amount.cents;
        high += amount.cents;
      }
    }
    return { role: p.role, charges: p.charges, allowed: range(low, high), allowedSource: unknown ? 'charges' : 'medicare-fee-schedule' };
  });
  return { bases, missing, contractMissing };
}

/** Approved amounts or copays staff entered for a provider that does not bill in this case: said, not silently dropped. */
function unusedEntries(c: Case, providers: readonly ProviderLines[]): EstimateWarning[] {
  const billing = new Set(providers.map((p) => p.role));
  const words = { physician: 'the doctor', facility: 'the facility', anesthesia: 'anesthesia' } as const;
  const unused = (amounts: ProviderAmounts | undefined) => billingRoles.filter((role) => amounts?.[role] !== undefined && !billing.has(role)).map((role) => words[role]);
  const warnings: EstimateWarning[] = [];
  const allowed = unused(c.coverage.allowedAmounts);
  const copays = unused(c.coverage.copays);
  if (allowed.length > 0) warnings.push(warn('entered-for-absent-provider', `An approved amount was entered for ${allowed.join(' and ')}, but nobody bills that part in this case (place of service or sedation): it was not used.`));
  if (copays.length > 0) warnings.push(warn('entered-for-absent-provider', `A copay was entered for ${copays.join(' and ')}, but nobody bills that part in this case (place of service or sedation): it was not used.`));
  return warnings;
}

const primaryCode = (lines: readonly EstimateLine[]): string => lines.find((l) => l.included !== true)?.code ?? '';

/** One source for the whole estimate: any part on charges makes it "charges" (it is not all Medicare's amount). */
function overallSource(bases: readonly Basis[]): AllowedSource {
  const sources = new Set(bases.map((b) => b.allowedSource));
  if (sources.has('charges')) return 'charges';
  if (sources.has('payer-contract')) return 'payer-contract';
  return sources.has('entered') ? 'entered' : 'medicare-fee-schedule';
}

export function medicareShares(
  c: Case,
  parts: { lines: readonly EstimateLine[]; providers: readonly ProviderLines[]; schedule: FeeSchedule },
  options: EstimateOptions,
  warnings: EstimateWarning[],
): Shares {
  const todayYear = yearOf(options.today);
  const { file, caseYear, overridden } = ratesForCase(c, options);
  if (file.rateYear !== caseYear) {
    warnings.push(
      warn('rate-year-missing', `${caseYear} Medicare figures are not in the app yet: ${file.rateYear} figures used. Medicare's amounts change each January; update the app when the ${caseYear} figures are published.`),
    );
  }
  const newYear = caseYear > todayYear;
  const used = new Set<string>(['deductibles.partB']);
  const isAdvantage = c.coverage.kind === 'medicare-advantage';
  const contract = isAdvantage ? matchContract(options.payerContracts, c.coverage.payerName) : null;
  const { bases, missing, contractMissing } = approvedAmounts(c, parts.providers, file, parts.schedule, used, contract);
  if (contractMissing.length > 0) {
    warnings.push(warn('contract-incomplete', `The payer contract gives no amount for ${contractMissing.join(', ')}: the charges stand in.`));
  }
  warnings.push(...unusedEntries(c, parts.providers));
  const site = c.procedure.site;
  for (const what of missing) {
    const cap =
      site === 'hospital-outpatient' && !isAdvantage
        ? ` The patient's hospital coinsurance for one service is never more than ${formatCents(file.deductibles.partA.value)} (the Part A deductible).`
        : '';
    warnings.push(
      warn(
        'medicare-rate-missing',
        `Medicare's ${what} is not in the app yet, so the facility's part uses its charges and may be too high or too low.${cap} Enter the facility's Medicare payment for ${file.rateYear} in Settings -> Medicare rates.`,
      ),
    );
  }

  const result = isAdvantage ? advantage(c, bases, file, newYear, used, warnings) : original(c, bases, file, newYear, used, parts.lines, warnings);
  const shares = toProviderShares(bases, result.results);

  const refs = figureRefs(file);
  const clinicFigures = refs.filter((r) => used.has(r.id) && overridden.includes(r.id)).map((r) => r.label);
  const unconfirmedFigures = refs.filter((r) => used.has(r.id) && !r.figure.confirmed && r.figure.value !== null && !overridden.includes(r.id)).map((r) => r.label);
  if (unconfirmedFigures.length > 0) {
    warnings.push(
      warn(
        'medicare-figures-unconfirmed',
        `Some Medicare figures used here are not confirmed from a CMS source yet: ${unconfirmedFigures.join('; ')}. Check them against your Medicare contractor's amounts in Settings -> Medicare rates.`,
      ),
    );
  }
  if (c.coverage.network === 'out' && !isAdvantage) {
    warnings.push(
      warn(
        'no-network-plan',
        'Original Medicare has no networks, and its patients cannot be billed above the approved amount. The estimate is figured as for any provider that takes Medicare; if the clinic does not accept Medicare, ask billing.',
      ),
    );
  }
  const low = sumBreakdowns(shares.map((s) => s.breakdown.low));
  const high = sumBreakdowns(shares.map((s) => s.breakdown.high));
  const coordinated = !isAdvantage && c.coverage.supplement?.kind === 'other' && 'plan' in c.coverage.supplement ? c.coverage.supplement.plan : null;
  const out: Shares = {
    contract: bases.some((b) => b.allowedSource === 'payer-contract') ? (contract?.payer ?? null) : null,
    allowed: sumRanges(shares.map((s) => s.allowed)),
    allowedSource: overallSource(bases),
    rateYear: file.rateYear,
    providers: shares,
    patient: sumRanges(shares.map((s) => s.patient)),
    insurance: sumRanges(shares.map((s) => s.insurance)),
    secondary: sumRanges(shares.map((s) => s.secondary)),
    medicare: {
      plan: isAdvantage ? 'advantage' : 'original',
      rateYear: file.rateYear,
      caseYear,
      clinicFigures,
      unconfirmedFigures,
      partBDeductibleCents: file.deductibles.partB.value,
      partBDeductibleRemainingCents: result.partBRemaining,
      hospitalCopayCapped: !isAdvantage && result.capReached,
      hospitalCopayCapCents: file.deductibles.partA.value,
      supplement: isAdvantage ? null : (c.coverage.supplement ?? null),
    },
    patientBreakdown: { low, high },
    costSharing: result.costSharing,
    selfPayDiscountPercent: 0,
    selfPayDiscountCents: undefined,
    // Original Medicare has no out-of-pocket maximum: its one cap is the hospital's (above).
    outOfPocketCapReached: isAdvantage && result.capReached,
  };
  // An employer or retiree plan with its own terms pays after Medicare by coordination of benefits.
  return coordinated === null ? out : coordinate(out, coordinated, newYear);
}

function toProviderShares(bases: readonly Basis[], results: readonly ProviderResult[]): ProviderShare[] {
  return bases.map((b, i) => {
    const r = results[i];
    const low = r?.low;
    const high = r?.high;
    if (r === undefined || low === undefined || high === undefined) throw new RangeError('provider results out of step');
    return {
      role: b.role,
      charges: b.charges,
      allowed: b.allowed,
      allowedSource: b.allowedSource,
      insurance: r.insurance,
      secondary: range(low.secondaryCents, high.secondaryCents),
      patient: range(patientOf(low), patientOf(high)),
      breakdown: { low, high },
    };
  });
}

interface PathResult {
  results: ProviderResult[];
  capReached: boolean;
  partBRemaining: number;
  costSharing: Shares['costSharing'];
}

const resetNote = (year: number, what: string): string =>
  `The procedure is booked for ${year}: ${what} start again on January 1, so amounts met before then are not counted.`;

function original(
  c: Case,
  bases: readonly Basis[],
  file: MedicareRateFile,
  newYear: boolean,
  used: Set<string>,
  lines: readonly EstimateLine[],
  warnings: EstimateWarning[],
): PathResult {
  const supplement: Supplement | null = c.coverage.supplement ?? null;
  const site = c.procedure.site;
  const metDeductible = newYear ? 0 : (c.coverage.deductibleMetCents ?? 0);
  const enteredMet = (c.coverage.deductibleMetCents ?? 0) > 0 || (supplement?.kind === 'medigap' && ((supplement.deductibleMetCents ?? 0) > 0 || (supplement.outOfPocketMetCents ?? 0) > 0));
  if (newYear && enteredMet) warnings.push(warn('new-year-reset', resetNote(yearOf(c.procedure.scheduledDate ?? ''), "Medicare's Part B deductible and the Medigap plan's yearly amounts")));
  const partB = file.deductibles.partB.value;
  if (metDeductible > partB) {
    warnings.push(
      warn('deductible-met-exceeds-deductible', `The deductible already met (${formatCents(metDeductible)}) is more than this year's Part B deductible (${formatCents(partB)}). The estimate treats it as fully met; check the amount.`),
    );
  }
  let medigapDeductible = 0;
  let medigapLimit = 0;
  if (supplement?.kind === 'medigap') {
    const yearly = medigapYearlyFigure(file, supplement.plan);
    if (yearly !== null) {
      used.add(yearly.figureId);
      // Left blank, at least the Part B deductible met this year counts toward the plan's figure.
      const entered = yearly.kind === 'deductible' ? supplement.deductibleMetCents : supplement.outOfPocketMetCents;
      const met = newYear ? 0 : (entered ?? metDeductible);
      if (yearly.kind === 'deductible') medigapDeductible = Math.max(0, yearly.cents - met);
      else medigapLimit = Math.max(0, yearly.cents - met);
    }
  }
  const hasHospital = site === 'hospital-outpatient' && bases.some((b) => b.role === 'facility');
  if (hasHospital) used.add('deductibles.partA');
  const hospitalCopay = hasHospital ? hospitalCopayFor(file, lines) : null;
  if (hospitalCopay !== null) used.add(`hospitalOutpatient.${primaryCode(lines.filter((l) => l.provider === 'facility'))}.minimumCopay`);
  const partBRemaining = Math.max(0, partB - metDeductible);
  const { results, capReached } = originalMedicareShares(bases, {
    site,
    partBDeductibleRemainingCents: partBRemaining,
    hospitalCopayCapCents: file.deductibles.partA.value,
    hospitalCopay,
    supplement,
    medigapDeductibleRemainingCents: medigapDeductible,
    medigapOutOfPocketRemainingCents: medigapLimit,
  });
  if (supplement?.kind === 'medicaid') {
    warnings.push(
      supplement.qmb
        ? warn(
            'qmb-no-cost-sharing',
            'Qualified Medicare Beneficiary (QMB): by law the patient owes no Medicare deductible, coinsurance or copay, and no provider may bill them for it (SSA 1902(n)(3)(B)). Confirm QMB status in the eligibility check.',
          )
        : warn(
            'medicaid-check-coverage',
            "Medicaid without QMB: the patient's Medicare cost sharing is shown. The state's Medicaid plan may pay part of it; check with the plan.",
          ),
    );
  }
  return {
    results,
    capReached,
    partBRemaining,
    costSharing: {
      network: 'in',
      deductibleCents: partB,
      deductibleMetCents: metDeductible,
      coinsurancePercent: 20,
      copayCents: 0,
      outOfPocketMaxCents: null,
      outOfPocketMetCents: 0,
      allowedFromStaff: bases.some((b) => b.allowedSource === 'entered'),
      typical: [],
      copays: {},
    },
  };
}

function advantage(c: Case, bases: readonly Basis[], file: MedicareRateFile, newYear: boolean, used: Set<string>, warnings: EstimateWarning[]): PathResult {
  const moop = file.limits.medicareAdvantageOutOfPocket.value;
  const coverage = resolveCoverage(c.coverage, { medicareAdvantageOutOfPocketCents: moop });
  if (coverage.typical.includes('outOfPocketMax')) used.add('limits.medicareAdvantageOutOfPocket');
  const deductibleMet = newYear ? 0 : coverage.deductibleMetCents;
  const outOfPocketMet = newYear ? 0 : coverage.outOfPocketMetCents;
  if (newYear && (coverage.deductibleMetCents > 0 || coverage.outOfPocketMetCents > 0)) {
    warnings.push(warn('new-year-reset', resetNote(yearOf(c.procedure.scheduledDate ?? ''), "the plan's deductible and out-of-pocket amounts")));
  }
  if (coverage.typicalValuesUsed.length > 0) {
    warnings.push(
      warn(
        'preset-values-used',
        `Typical values, not this plan's, were used for: ${coverage.typicalValuesUsed.join(', ')}. Type the plan's own figures from the card or the plan's summary of benefits for a closer estimate.`,
      ),
    );
  }
  if (c.coverage.network === 'out') {
    warnings.push(
      warn(
        'medicare-advantage-out-of-network',
        "Out of network with a Medicare Advantage plan: a provider that takes Medicare must accept what Original Medicare would pay (42 CFR 422.214), so there is no balance bill. Enter the plan's out-of-network copays or coinsurance; an HMO plan may not pay out of network at all, so check with the plan.",
      ),
    );
  }
  const oopMax = coverage.outOfPocketMaxCents;
  if (oopMax !== null && outOfPocketMet > oopMax) {
    warnings.push(
      warn('oop-met-exceeds-max', `The out-of-pocket amount already met (${formatCents(outOfPocketMet)}) is more than the out-of-pocket maximum (${formatCents(oopMax)}). The estimate treats the maximum as reached; check both amounts.`),
    );
  }
  const deductibleRemaining = Math.max(0, coverage.deductibleCents - deductibleMet);
  const { results, capReached } = advantageShares(bases, {
    deductibleRemainingCents: deductibleRemaining,
    coinsurancePercent: coverage.coinsurancePercent,
    copays: coverage.copays,
    outOfPocketRemainingCents: oopMax === null ? null : Math.max(0, oopMax - outOfPocketMet),
  });
  const copaysUsed = Object.fromEntries(bases.flatMap((b) => (b.role !== 'imaging' && coverage.copays[b.role] !== undefined ? [[b.role, coverage.copays[b.role]]] : [])));
  return {
    results,
    capReached,
    partBRemaining: 0,
    costSharing: {
      network: c.coverage.network,
      deductibleCents: coverage.deductibleCents,
      deductibleMetCents: deductibleMet,
      coinsurancePercent: coverage.coinsurancePercent,
      copayCents: 0,
      outOfPocketMaxCents: oopMax,
      outOfPocketMetCents: outOfPocketMet,
      allowedFromStaff: bases.some((b) => b.allowedSource === 'entered'),
      typical: coverage.typical,
      copays: copaysUsed,
    },
  };
}
