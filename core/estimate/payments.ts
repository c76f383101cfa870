/**
 * Money before the day: what the clinic asks before the procedure (its deposit policy, a share
 * of the patient's estimated part of the clinic's own bill, less what was already paid), and
 * an optional payment plan for the rest of the clinic's part: equal monthly payments rounded
 * up to the cent, the last one adjusted so the payments add up to the amount exactly.
 * The facility and the anesthesia provider bill the patient themselves: never collected here.
 */
import { percentOf } from './cost-sharing';
import type { CasePayments, CentsRange, ProviderShare } from './types';

export interface PaymentPlan {
  months: number;
  /** Each payment but the last. */
  monthly: CentsRange;
  /** The last payment (the monthly amount, or less so the total is exact). */
  last: CentsRange;
}

export interface Payments {
  alreadyPaidCents: number;
  /** The patient's estimated part of the clinic's own bill (the physician's lines). */
  clinicPart: CentsRange;
  depositPercent: number;
  dueBeforeProcedure: CentsRange;
  /** What is left of the clinic's part after the deposit and what was paid. */
  balanceAfter: CentsRange;
  plan: PaymentPlan | null;
}

/**
 * `amount` cents in `months` payments: each rounded up to the cent, the last adjusted so they
 * add up exactly (1 <= last <= monthly). Fewer payments than months only when there are fewer
 * cents than months.
 */
export function splitPayments(amount: number, months: number): { count: number; monthly: number; last: number } {
  if (amount <= 0) return { count: 0, monthly: 0, last: 0 };
  const count = Math.min(months, amount);
  const monthly = Math.ceil(amount / count);
  const full = Math.ceil(amount / monthly);
  return { count: full, monthly, last: amount - monthly * (full - 1) };
}

export function computePayments(providers: readonly ProviderShare[], payments: CasePayments, depositPercent: number): Payments {
  const clinic = providers.filter((p) => p.role === 'physician');
  const clinicPart = { low: clinic.reduce((s, p) => s + p.patient.low, 0), high: clinic.reduce((s, p) => s + p.patient.high, 0) };
  const paid = payments.alreadyPaidCents;
  const due = (end: 'low' | 'high') => Math.max(0, percentOf(clinicPart[end], depositPercent) - paid);
  const dueBeforeProcedure = { low: due('low'), high: due('high') };
  const left = (end: 'low' | 'high') => Math.max(0, clinicPart[end] - paid - dueBeforeProcedure[end]);
  const balanceAfter = { low: left('low'), high: left('high') };
  const months = payments.planMonths;
  let plan: PaymentPlan | null = null;
  if (months !== null) {
    const low = splitPayments(balanceAfter.low, months);
    const high = splitPayments(balanceAfter.high, months);
    plan = { months: Math.max(low.count, high.count, 1), monthly: { low: low.monthly, high: high.monthly }, last: { low: low.last, high: high.last } };
  }
  return { alreadyPaidCents: paid, clinicPart, depositPercent, dueBeforeProcedure, balanceAfter, plan };
}
