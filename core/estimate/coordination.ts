/**
 * A second plan behind the first (coordination of benefits, the traditional rule: DOMAIN.md
 * section 2): the second plan pays, provider by provider, the smaller of what the patient still
 * owes after the first plan (its cost sharing, not any balance bill) and what the second plan
 * would have paid as the only plan; the patient owes the rest. A second plan never raises what
 * the patient owes. Its deductible and out-of-pocket maximum run across the providers in order.
 */
import { computeShare } from './cost-sharing';
import { patientOf, sumBreakdowns, sumRanges } from './providers';
import type { Shares } from './shares';
import type { CentsRange, PatientBreakdown, ProviderShare, SecondaryPlan } from './types';

type End = 'low' | 'high';

/** What the second plan pays each provider at one end, as if it were the only plan. */
function asOnlyPlan(providers: readonly ProviderShare[], plan: SecondaryPlan, end: End, metReset: boolean): number[] {
  let deductible = Math.max(0, plan.deductibleCents - (metReset ? 0 : (plan.deductibleMetCents ?? 0)));
  const max = plan.outOfPocketMaxCents ?? null;
  let oop = max === null ? null : Math.max(0, max - (metReset ? 0 : (plan.outOfPocketMetCents ?? 0)));
  let copay = plan.copayCents ?? 0;
  return providers.map((p) => {
    const allowed = p.allowed[end];
    const share = computeShare(
      { network: 'in', deductibleRemainingCents: deductible, coinsurancePercent: plan.coinsurancePercent, copayCents: copay, outOfPocketRemainingCents: oop },
      allowed,
      allowed,
    );
    deductible -= share.breakdown.deductibleCents;
    copay -= share.breakdown.copayCents;
    if (oop !== null) oop -= share.patientCents;
    return share.insuranceCents;
  });
}

/** The shares with the second plan's part taken off each provider's, totals summed again. */
export function coordinate(shares: Shares, plan: SecondaryPlan, metReset: boolean): Shares {
  const pays = { low: asOnlyPlan(shares.providers, plan, 'low', metReset), high: asOnlyPlan(shares.providers, plan, 'high', metReset) };
  const providers = shares.providers.map((p, i): ProviderShare => {
    const at = (end: End): PatientBreakdown => {
      const b = p.breakdown[end];
      const stillOwed = b.copayCents + b.deductibleCents + b.coinsuranceCents - b.secondaryCents;
      return { ...b, secondaryCents: b.secondaryCents + Math.max(0, Math.min(stillOwed, pays[end][i] ?? 0)) };
    };
    const low = at('low');
    const high = at('high');
    const secondary: CentsRange = { low: low.secondaryCents, high: high.secondaryCents };
    return { ...p, breakdown: { low, high }, secondary, patient: { low: patientOf(low), high: patientOf(high) } };
  });
  return {
    ...shares,
    providers,
    patient: sumRanges(providers.map((p) => p.patient)),
    secondary: sumRanges(providers.map((p) => p.secondary)),
    patientBreakdown: { low: sumBreakdowns(providers.map((p) => p.breakdown.low)), high: sumBreakdowns(providers.map((p) => p.breakdown.high)) },
  };
}
