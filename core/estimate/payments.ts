/**
 * Money before the day: what the clinic asks before the procedure (its deposit policy, a share
 * of the patient's estimated part of the clinic's own bill, less what was already paid), and
 * an optional payment plan for the rest of the clinic's part: equal monthly payments rounded
 * up to the cent, the last one adjusted so the payments add up to the amount exactly.
 * The facility and the anesthesia provider bill the patient themselves: never collected here.
 */
import { percentOf } from './cost-sharing';
import { isClinicRole } from './providers';
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
 * `amount` cents in `months` payments: each rounded up to the cent and the last adjusted so
 * they add up exactly. For amounts of a few cents, where rounding up would leave nothing for
 * the last payment, each is rounded down and the last takes the rest.
 */
export function splitPayments(amount: number, months: number): { monthly: number; last: number } {
  if (amount <= 0) return { monthly: 0, last: 0 };
  const up = Math.ceil(amount / months);
  const monthly = up * (months - 1) < amount ? up : Math.floor(amount / months);
  return { monthly, last: amount - monthly * (months - 1) };
}

export function computePayments(providers: readonly ProviderShare[], payments: CasePayments, depositPercent: number): Payments {
  const clinic = providers.filter((p) => isClinicRole(p.role));
  const clinicPart = { low: clinic.reduce((s, p) => s + p.patient.low, 0), high: clinic.reduce((s, p) => s + p.patient.high, 0) };
  const paid = payments.alreadyPaidCents;
  const due = (end: 'low' | 'high') => Math.max(0, percentOf(clinicPart[end], depositPercent) - paid);
  const dueBeforeProcedure = { low: due('low'), high: due('high') };
  const left = (end: 'low' | 'high') => Math.max(0, clinicPart[end] - paid - dueBeforeProcedure[end]);
  const balanceAfter = { low: left('low'), high: left('high') };
  const months = payments.planMonths;
  let plan: PaymentPlan | null = null;
  // Nothing left to pay at either end: no plan to offer.
  if (months !== null && balanceAfter.high > 0) {
    const low = splitPayments(balanceAfter.low, months);
    const high = splitPayments(balanceAfter.high, months);
    plan = { months, monthly: { low: low.monthly, high: high.monthly }, last: { low: low.last, high: high.last } };
  }
  return { alreadyPaidCents: paid, clinicPart, depositPercent, dueBeforeProcedure, balanceAfter, plan };
}
