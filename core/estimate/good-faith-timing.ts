/**
 * When a Good Faith Estimate is due (45 CFR 149.610(b)(1)(vi)-(vii); DOMAIN.md section 3), for
 * staff: a procedure scheduled at least 3 business days ahead, within 1 business day of
 * scheduling; at least 10 business days ahead, within 3 business days of scheduling; not
 * scheduled, within 3 business days of the request. If the scope changes, a revised estimate is
 * due at the latest 1 business day before the procedure. Scheduled fewer than 3 business days
 * ahead the rule sets no deadline: staff are told to give it before the procedure.
 *
 * Business days are Monday to Friday. Holidays are not counted (the app does not know them), so
 * a due date here is never later than the law's. Dates are ISO `YYYY-MM-DD`, read by hand (no
 * time zones); `today` is taken as the day of scheduling or of the request. Pure.
 */
import { formatLongDate, parseIsoDate } from '../packet/dates';

export type GoodFaithTimingRule =
  /** Scheduled fewer than 3 business days ahead: no deadline in the rule; before the procedure. */
  | 'scheduled-short-notice'
  /** Scheduled 3 to 9 business days ahead: within 1 business day of scheduling. */
  | 'scheduled-under-10'
  /** Scheduled 10 or more business days ahead: within 3 business days of scheduling. */
  | 'scheduled-10-or-more'
  /** No date yet: within 3 business days of the request. */
  | 'requested';

export interface GoodFaithTiming {
  rule: GoodFaithTimingRule;
  /** Business days after scheduling or the request the rule allows (0: give it now). */
  withinBusinessDays: 0 | 1 | 3;
  /** The last day to give it to the patient (ISO). */
  dueDate: string;
  /** Business days from today to the procedure (today not counted, the procedure's day counted); null when not scheduled. */
  businessDaysAhead: number | null;
  /** If the scope changes: the last day for a revised estimate, 1 business day before the procedure (ISO); null when not scheduled or already past. */
  revisedDueDate: string | null;
  /** The deadline in plain words, with its date and why. */
  text: string;
  /** What else staff should know: a revised estimate, holidays. */
  notes: string[];
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Days since 1970-01-01 for an ISO date; null when it is not a real date. */
function dayNumber(iso: string): number | null {
  const d = parseIsoDate(iso);
  return d === null ? null : Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const isBusinessDay = (day: number): boolean => {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The `count`-th business day after `day` (before it, for a negative count). */
function addBusinessDays(day: number, count: number): number {
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  let d = day;
  while (left > 0) {
    d += step;
    if (isBusinessDay(d)) left -= 1;
  }
  return d;
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
function businessDaysBetween(from: number, to: number): number {
  let count = 0;
  for (let d = from + 1; d <= to; d += 1) if (isBusinessDay(d)) count += 1;
  return count;
}

/** "Thursday, December 3, 2026". */
export function formatStaffDate(iso: string): string {
  const day = dayNumber(iso);
  return day === null ? iso : `${WEEKDAYS[new Date(day * DAY_MS).getUTCDay()] ?? ''}, ${formatLongDate(iso, 'en')}`;
}

const HOLIDAYS_NOTE = 'The app counts Monday to Friday only and does not know holidays: a holiday in between gives one more day.';

/**
 * When to give the Good Faith Estimate, from `today` (the day of scheduling or of the request)
 * and the procedure's scheduled date when there is one (one that is not a real date counts as
 * none). Null when `today` is not a date.
 */
export function goodFaithTiming(today: string, scheduledDate?: string): GoodFaithTiming | null {
  const start = dayNumber(today);
  if (start === null) return null;
  const scheduled = scheduledDate === undefined || scheduledDate === '' ? null : dayNumber(scheduledDate);
  if (scheduled === null) {
    const dueDate = isoOf(addBusinessDays(start, 3));
    return {
      rule: 'requested',
      withinBusinessDays: 3,
      dueDate,
      businessDaysAhead: null,
      revisedDueDate: null,
      text: `Give this Good Faith Estimate to the patient by ${formatStaffDate(dueDate)} (within 3 business days of the request; no procedure date is entered).`,
      notes: ['Once the procedure is scheduled, enter its date: the deadline then counts from scheduling.', HOLIDAYS_NOTE],
    };
  }
  const ahead = businessDaysBetween(start, scheduled);
  const revised = addBusinessDays(scheduled, -1);
  const revisedDueDate = revised >= start ? isoOf(revised) : null;
  const notes = [
    ...(revisedDueDate === null
      ? []
      : [`If anything in it changes (levels, sedation, place, providers), give the patient a new one by ${formatStaffDate(revisedDueDate)} at the latest (1 business day before the procedure).`]),
    HOLIDAYS_NOTE,
  ];
  if (ahead < 3) {
    const dueDate = isoOf(start);
    return {
      rule: 'scheduled-short-notice',
      withinBusinessDays: 0,
      dueDate,
      businessDaysAhead: ahead,
      revisedDueDate,
      text: `Give this Good Faith Estimate to the patient today, ${formatStaffDate(dueDate)}, before the procedure (it is fewer than 3 business days away, so the rule sets no later deadline).`,
      notes,
    };
  }
  const soon = ahead < 10;
  const within = soon ? 1 : 3;
  const dueDate = isoOf(addBusinessDays(start, within));
  const why = soon ? 'the procedure is fewer than 10 business days away' : 'the procedure is 10 or more business days away';
  return {
    rule: soon ? 'scheduled-under-10' : 'scheduled-10-or-more',
    withinBusinessDays: within,
    dueDate,
    businessDaysAhead: ahead,
    revisedDueDate,
    text: `Give this Good Faith Estimate to the patient by ${formatStaffDate(dueDate)} (within ${within} business day${within === 1 ? '' : 's'} of scheduling; ${why}).`,
    notes,
  };
}
