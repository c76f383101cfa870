/**
 * Original Medicare and Medicare Advantage, provider by provider (DOMAIN.md section 2b).
 *
 * Original Medicare: the Part B deductible is taken once, from the providers in the stated
 * order (the physician, then the facility, then anesthesia: the order the bills are listed);
 * then 20% of each provider's approved amount. The hospital outpatient part follows the
 * facility's minimum copayment (20% of its payment) and is capped at the Part A deductible for
 * one service (SSA 1833(t)(8)(C)); there is no out-of-pocket maximum. A supplement then pays
 * its share of that cost sharing (Medigap by plan, Medicaid for a QMB, another plan by percent);
 * a supplement never raises what the patient owes.
 *
 * Medicare Advantage: the same approved amounts (a provider without a contract that takes
 * Medicare must accept them: 42 CFR 422.214, so no balance bill in or out of network); the
 * plan's deductible once in the same order, each provider's copay or else the coinsurance,
 * and the plan's out-of-pocket maximum over the sum.
 * Integer cents; each end of the range (low, high) is figured on its own.
 */
import { computeShare, percentOf } from './cost-sharing';
import type { MedicareRateFile } from './medicare-schema';
import { emptyBreakdown } from './providers';
import type { CentsRange, MedigapPlan, PatientBreakdown, PlaceOfService, ProviderAmounts, ProviderRole, Supplement } from './types';

/** Part B coinsurance: 20% of the approved amount (SSA 1833(a)). */
export const PART_B_COINSURANCE_PERCENT = 20;

export interface ProviderBasis {
  role: ProviderRole;
  /** Medicare-approved amount at each end (equal unless a facility payment is missing and charges stand in). */
  allowed: CentsRange;
}

export interface ProviderResult {
  role: ProviderRole;
  low: PatientBreakdown;
  high: PatientBreakdown;
  /** Medicare's (or the Advantage plan's) payment at each end. */
  insurance: CentsRange;
}

export interface OriginalMedicareTerms {
  site: PlaceOfService;
  partBDeductibleRemainingCents: number;
  /** The OPPS copay cap for one service: the Part A deductible. */
  hospitalCopayCapCents: number;
  /** The hospital's minimum copayment and payment for the service, when both are known. */
  hospitalCopay: { minimumCopayCents: number; paymentCents: number } | null;
  supplement: Supplement | null;
  /** The supplement's yearly figures, already reset for a new year when the case falls in one. */
  medigapDeductibleRemainingCents: number;
  medigapOutOfPocketRemainingCents: number;
}

type End = 'low' | 'high';

/** One provider's Original Medicare cost sharing. */
interface CostSharingPart {
  deductible: number;
  coinsurance: number;
}

interface SupplementState {
  hdRemaining: number;
  limitRemaining: number;
}

/** What the supplement pays of one provider's Medicare cost sharing (deductible + coinsurance). */
function supplementPays(
  supplement: Supplement | null,
  part: CostSharingPart,
  state: SupplementState,
): number {
  const { deductible, coinsurance } = part;
  if (supplement === null) return 0;
  if (supplement.kind === 'medicaid') return supplement.qmb ? deductible + coinsurance : 0;
  // A plan with its own terms is coordinated after Medicare (coordination.ts), not here.
  if (supplement.kind === 'other') return 'paysPercent' in supplement ? percentOf(deductible + coinsurance, supplement.paysPercent) : 0;
  return medigapPays(supplement.plan, part, state);
}

function medigapPays(plan: MedigapPlan, part: CostSharingPart, state: SupplementState): number {
  const { deductible, coinsurance } = part;
  switch (plan) {
    case 'A':
    case 'B':
    case 'D':
    case 'M':
    case 'G':
    case 'N': // Plan N's copays are for office and emergency visits (DOMAIN.md 2b); a procedure is neither.
      return coinsurance;
    case 'C':
    case 'F':
      return deductible + coinsurance;
    case 'F-high': {
      // The patient pays Medicare's cost sharing up to the plan's own deductible, then F pays all.
      const patient = Math.min(deductible + coinsurance, state.hdRemaining);
      state.hdRemaining -= patient;
      return deductible + coinsurance - patient;
    }
    case 'G-high':
    case 'K':
    case 'L': {
      // The Part B deductible is never paid by these plans, but counts toward their yearly figure.
      const ownShareOfCoinsurance =
        plan === 'G-high' ? coinsurance : plan === 'K' ? coinsurance - percentOf(coinsurance, 50) : coinsurance - percentOf(coinsurance, 75);
      const limit = plan === 'G-high' ? 'hdRemaining' : 'limitRemaining';
      state[limit] = Math.max(0, state[limit] - deductible);
      const patientCoinsurance = Math.min(ownShareOfCoinsurance, state[limit]);
      state[limit] -= patientCoinsurance;
      return coinsurance - patientCoinsurance;
    }
  }
}

/** Original Medicare with any supplement, per provider in order, at both ends. */
export function originalMedicareShares(providers: readonly ProviderBasis[], terms: OriginalMedicareTerms): { results: ProviderResult[]; capReached: boolean } {
  let capReached = false;
  const run = (end: End) => {
    let partB = terms.partBDeductibleRemainingCents;
    const state: SupplementState = { hdRemaining: terms.medigapDeductibleRemainingCents, limitRemaining: terms.medigapOutOfPocketRemainingCents };
    return providers.map((p) => {
      const allowed = p.allowed[end];
      const deductible = Math.min(partB, allowed);
      partB -= deductible;
      let coinsurance: number;
      if (p.role === 'facility' && terms.site === 'hospital-outpatient') {
        const copay = terms.hospitalCopay;
        const owed = copay !== null && copay.paymentCents > 0 ? Math.round(((allowed - deductible) * copay.minimumCopayCents) / copay.paymentCents) : percentOf(allowed - deductible, PART_B_COINSURANCE_PERCENT);
        if (owed > terms.hospitalCopayCapCents) capReached = true;
        coinsurance = Math.min(owed, terms.hospitalCopayCapCents, allowed - deductible);
      } else {
        coinsurance = percentOf(allowed - deductible, PART_B_COINSURANCE_PERCENT);
      }
      const secondary = supplementPays(terms.supplement, { deductible, coinsurance }, state);
      const breakdown: PatientBreakdown = { ...emptyBreakdown(), deductibleCents: deductible, coinsuranceCents: coinsurance, secondaryCents: secondary };
      return { breakdown, insurance: allowed - deductible - coinsurance };
    });
  };
  return { results: bothEnds(providers, run), capReached };
}

/** One provider's result at one end of the range. */
interface EndResult {
  breakdown: PatientBreakdown;
  insurance: number;
}

/** Each provider's results at the low and the high end, side by side. */
function bothEnds(providers: readonly ProviderBasis[], run: (end: End) => EndResult[]): ProviderResult[] {
  const low = run('low');
  const high = run('high');
  return providers.map((p, i) => ({
    role: p.role,
    low: low[i]?.breakdown ?? emptyBreakdown(),
    high: high[i]?.breakdown ?? emptyBreakdown(),
    insurance: { low: low[i]?.insurance ?? 0, high: high[i]?.insurance ?? 0 },
  }));
}

export interface AdvantageTerms {
  deductibleRemainingCents: number;
  coinsurancePercent: number;
  /** Per provider; a provider without a copay pays the coinsurance. */
  copays: ProviderAmounts;
  /** null: the plan has no maximum (rare; Medicare requires one). */
  outOfPocketRemainingCents: number | null;
}

/** Medicare Advantage per provider in order, at both ends. */
export function advantageShares(providers: readonly ProviderBasis[], terms: AdvantageTerms): { results: ProviderResult[]; capReached: boolean } {
  let capReached = false;
  const run = (end: End) => {
    let deductible = terms.deductibleRemainingCents;
    let oop = terms.outOfPocketRemainingCents;
    return providers.map((p) => {
      const allowed = p.allowed[end];
      const copay = p.role === 'physician' || p.role === 'facility' || p.role === 'anesthesia' ? terms.copays[p.role] : undefined;
      const share = computeShare(
        {
          network: 'in',
          deductibleRemainingCents: deductible,
          coinsurancePercent: copay === undefined ? terms.coinsurancePercent : 0,
          copayCents: copay ?? 0,
          outOfPocketRemainingCents: oop,
        },
        allowed,
        allowed,
      );
      deductible -= share.breakdown.deductibleCents;
      if (oop !== null) oop -= share.patientCents;
      if (share.capReached) capReached = true;
      return { breakdown: share.breakdown, insurance: share.insuranceCents };
    });
  };
  return { results: bothEnds(providers, run), capReached };
}

/** The yearly Medigap figure a plan uses: its high deductible (F, G high) or its out-of-pocket limit (K, L). */
export function medigapYearlyFigure(file: MedicareRateFile, plan: MedigapPlan): { kind: 'deductible' | 'limit'; cents: number; figureId: string } | null {
  if (plan === 'F-high' || plan === 'G-high') return { kind: 'deductible', cents: file.limits.medigapHighDeductible.value, figureId: 'limits.medigapHighDeductible' };
  if (plan === 'K') return { kind: 'limit', cents: file.limits.medigapKOutOfPocket.value, figureId: 'limits.medigapKOutOfPocket' };
  if (plan === 'L') return { kind: 'limit', cents: file.limits.medigapLOutOfPocket.value, figureId: 'limits.medigapLOutOfPocket' };
  return null;
}
