/**
 * The insured patient's share of one allowed amount, in the order professional estimators
 * use (DOMAIN.md section 2): copay, then deductible, then coinsurance on the rest, the sum
 * capped at the out-of-pocket maximum still remaining. Out of network the provider may also
 * bill charges above the allowed amount; that part is never capped.
 * Integer cents in, integer cents out; the one rounding is the coinsurance.
 */
import type { Network, PatientBreakdown } from './types';

/** The plan's terms for this claim (the amounts are passed beside them). */
export interface ShareTerms {
  network: Network;
  /** Deductible not yet met this year (deductible - met, never below 0). */
  deductibleRemainingCents: number;
  coinsurancePercent: number;
  copayCents: number;
  /** Out-of-pocket maximum not yet reached; null = the plan has no maximum. */
  outOfPocketRemainingCents: number | null;
}

export interface Share {
  breakdown: PatientBreakdown;
  patientCents: number;
  insuranceCents: number;
  /** The out-of-pocket maximum cut the plan's cost sharing. */
  capReached: boolean;
}

/** x * percent / 100, rounded half up to a whole cent; percent may carry 2 decimals. */
export function percentOf(cents: number, percent: number): number {
  const basisPoints = Math.round(percent * 100);
  return Math.floor((cents * basisPoints + 5_000) / 10_000);
}

export function computeShare(terms: ShareTerms, allowedCents: number, chargesCents: number): Share {
  const allowed = allowedCents;
  let copay = Math.min(terms.copayCents, allowed);
  let deductible = Math.min(terms.deductibleRemainingCents, allowed - copay);
  let coinsurance = percentOf(allowed - copay - deductible, terms.coinsurancePercent);

  const cap = terms.outOfPocketRemainingCents;
  const capReached = cap !== null && copay + deductible + coinsurance > cap;
  if (cap !== null && capReached) {
    // The cap is reached part-way: what would have been paid last is what is not owed.
    let excess = copay + deductible + coinsurance - cap;
    const cut = (amount: number): number => {
      const taken = Math.min(amount, excess);
      excess -= taken;
      return amount - taken;
    };
    coinsurance = cut(coinsurance);
    deductible = cut(deductible);
    copay = cut(copay);
  }

  const planShare = copay + deductible + coinsurance;
  const balanceBill = terms.network === 'out' ? Math.max(0, chargesCents - allowed) : 0;
  return {
    breakdown: { copayCents: copay, deductibleCents: deductible, coinsuranceCents: coinsurance, balanceBillCents: balanceBill, secondaryCents: 0 },
    patientCents: planShare + balanceBill,
    insuranceCents: allowed - planShare,
    capReached,
  };
}
