/**
 * The estimate per billing provider: the itemized lines grouped by who bills them (the
 * physician first, then the facility, then anesthesia), and exact division of a total
 * among providers when a plan's share is figured on the total (commercial plans until
 * payer contracts give per-provider amounts).
 */
import type { CentsRange, EstimateLine, PatientBreakdown, ProviderRole } from './types';

/**
 * The bills that are the clinic's own (the doctor's lines, moderate sedation by the same
 * doctor): the self-pay discount and the deposit apply to these only. The hospital, the
 * surgery center and the anesthesia group set their own prices and bill separately.
 */
export const isClinicRole = (role: ProviderRole): boolean => role === 'physician';

export const PROVIDER_ORDER: readonly ProviderRole[] = ['physician', 'facility', 'anesthesia', 'imaging'];

export interface ProviderLines {
  role: ProviderRole;
  lines: EstimateLine[];
  charges: CentsRange;
}

/** Providers with at least one line, in PROVIDER_ORDER (included lines count: they belong to a provider). */
export function providersOf(lines: readonly EstimateLine[]): ProviderLines[] {
  return PROVIDER_ORDER.flatMap((role) => {
    const own = lines.filter((l) => l.provider === role);
    if (own.length === 0) return [];
    const charges = own.reduce((sum, l) => ({ low: sum.low + l.lowCents, high: sum.high + l.highCents }), { low: 0, high: 0 });
    return [{ role, lines: own, charges }];
  });
}

/**
 * `total` divided in proportion to `weights`, in whole cents that add up to `total` exactly
 * (largest remainder; ties to the earlier provider). All-zero weights: all to the first.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  if (weights.length === 1) return [total];
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  if (left === 0) return floors;
  const order = exact.map((v, i) => ({ i, rest: v - Math.floor(v) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

const breakdownKeys = ['copayCents', 'deductibleCents', 'coinsuranceCents', 'balanceBillCents', 'secondaryCents'] as const;

/**
 * Like `allocate`, but no share above its `capacity` (the excess moves, in order, to the
 * shares with room left). Needs sum(capacity) >= total.
 */
export function allocateWithin(total: number, weights: readonly number[], capacity: readonly number[]): number[] {
  const parts = allocate(total, weights);
  let excess = 0;
  for (let i = 0; i < parts.length; i += 1) {
    const room = capacity[i] ?? 0;
    if ((parts[i] ?? 0) > room) {
      excess += (parts[i] ?? 0) - room;
      parts[i] = room;
    }
  }
  for (let i = 0; i < parts.length && excess > 0; i += 1) {
    const take = Math.min(excess, (capacity[i] ?? 0) - (parts[i] ?? 0));
    parts[i] = (parts[i] ?? 0) + take;
    excess -= take;
  }
  return parts;
}

/**
 * A plan's share figured on the whole bill, divided among providers by their allowed amounts,
 * exactly: each part (copay, deductible, coinsurance) adds up to its total, and no provider's
 * cost sharing is above its allowed amount (so the plan never pays a negative amount to one).
 */
export function allocatePlanShare(total: PatientBreakdown, allowedParts: readonly number[]): PatientBreakdown[] {
  const planShare = total.copayCents + total.deductibleCents + total.coinsuranceCents;
  const shares = allocateWithin(planShare, allowedParts, allowedParts);
  const copay = allocateWithin(total.copayCents, allowedParts, shares);
  const deductible = allocateWithin(total.deductibleCents, allowedParts, shares.map((s, i) => s - (copay[i] ?? 0)));
  return shares.map((s, i) => ({
    ...emptyBreakdown(),
    copayCents: copay[i] ?? 0,
    deductibleCents: deductible[i] ?? 0,
    coinsuranceCents: s - (copay[i] ?? 0) - (deductible[i] ?? 0),
  }));
}

/** What the patient owes of a breakdown: the plan's cost sharing and any balance bill, less a second plan's part. */
export function patientOf(b: PatientBreakdown): number {
  if (b.selfPayCents !== undefined) return b.selfPayCents;
  return b.copayCents + b.deductibleCents + b.coinsuranceCents + b.balanceBillCents - b.secondaryCents;
}

export const emptyBreakdown = (): PatientBreakdown => ({ copayCents: 0, deductibleCents: 0, coinsuranceCents: 0, balanceBillCents: 0, secondaryCents: 0 });

/** Sum of ranges. */
export function sumRanges(ranges: readonly CentsRange[]): CentsRange {
  return ranges.reduce((a, r) => ({ low: a.low + r.low, high: a.high + r.high }), { low: 0, high: 0 });
}

export function sumBreakdowns(items: readonly PatientBreakdown[]): PatientBreakdown {
  const out = emptyBreakdown();
  let self: number | undefined;
  for (const b of items) {
    for (const key of breakdownKeys) out[key] += b[key];
    if (b.selfPayCents !== undefined) self = (self ?? 0) + b.selfPayCents;
  }
  if (self !== undefined) out.selfPayCents = self;
  return out;
}
