/**
 * Good Faith Estimate deadlines, worked by hand on the 2026 calendar: December 1, 2026 is a
 * Tuesday; December 5-6, 12-13 and 19-20 are weekends.
 */
import { describe, expect, it } from 'vitest';
import { formatStaffDate, goodFaithTiming } from './good-faith-timing';

const TUESDAY = '2026-12-01';

describe('goodFaithTiming', () => {
  it('not scheduled: within 3 business days of the request (Tue Dec 1 -> Wed 2, Thu 3, Fri 4)', () => {
    const t = goodFaithTiming(TUESDAY);
    expect(t).toMatchObject({ rule: 'requested', withinBusinessDays: 3, dueDate: '2026-12-04', businessDaysAhead: null, revisedDueDate: null });
    expect(t?.text).toBe('Give this Good Faith Estimate to the patient by Friday, December 4, 2026 (within 3 business days of the request; no procedure date is entered).');
    expect(goodFaithTiming(TUESDAY, '')?.rule).toBe('requested');
  });

  it('a request on a Friday skips the weekend (Fri Nov 27 -> Mon 30, Tue Dec 1, Wed Dec 2)', () => {
    expect(goodFaithTiming('2026-11-27')?.dueDate).toBe('2026-12-02');
  });

  it('scheduled 9 business days ahead: within 1 business day of scheduling; a revised one by the Friday before', () => {
    // Tue Dec 1 -> Mon Dec 14: Dec 2-4 (3), Dec 7-11 (5), Dec 14 (1) = 9 business days.
    const t = goodFaithTiming(TUESDAY, '2026-12-14');
    expect(t).toMatchObject({ rule: 'scheduled-under-10', withinBusinessDays: 1, dueDate: '2026-12-02', businessDaysAhead: 9, revisedDueDate: '2026-12-11' });
    expect(t?.text).toBe(
      'Give this Good Faith Estimate to the patient by Wednesday, December 2, 2026 (within 1 business day of scheduling; the procedure is fewer than 10 business days away).',
    );
    expect(t?.notes[0]).toBe(
      'If anything in it changes (levels, sedation, place, providers), give the patient a new one by Friday, December 11, 2026 at the latest (1 business day before the procedure).',
    );
    expect(t?.notes).toContain('The app counts Monday to Friday only and does not know holidays: a holiday in between gives one more day.');
  });

  it('scheduled exactly 10 business days ahead: within 3 business days of scheduling', () => {
    // Tue Dec 1 -> Tue Dec 15: the 10th business day.
    const t = goodFaithTiming(TUESDAY, '2026-12-15');
    expect(t).toMatchObject({ rule: 'scheduled-10-or-more', withinBusinessDays: 3, dueDate: '2026-12-04', businessDaysAhead: 10, revisedDueDate: '2026-12-14' });
    expect(t?.text).toBe(
      'Give this Good Faith Estimate to the patient by Friday, December 4, 2026 (within 3 business days of scheduling; the procedure is 10 or more business days away).',
    );
  });

  it('scheduled exactly 3 business days ahead: within 1 business day (Tue Dec 1 -> Fri Dec 4)', () => {
    expect(goodFaithTiming(TUESDAY, '2026-12-04')).toMatchObject({ rule: 'scheduled-under-10', dueDate: '2026-12-02', businessDaysAhead: 3, revisedDueDate: '2026-12-03' });
  });

  it('fewer than 3 business days ahead: the rule sets no deadline, so before the procedure, today', () => {
    const t = goodFaithTiming(TUESDAY, '2026-12-03');
    expect(t).toMatchObject({ rule: 'scheduled-short-notice', withinBusinessDays: 0, dueDate: TUESDAY, businessDaysAhead: 2, revisedDueDate: '2026-12-02' });
    expect(t?.text).toBe(
      'Give this Good Faith Estimate to the patient today, Tuesday, December 1, 2026, before the procedure (it is fewer than 3 business days away, so the rule sets no later deadline).',
    );
    // The same day: no day is left for a revised estimate.
    expect(goodFaithTiming(TUESDAY, TUESDAY)).toMatchObject({ rule: 'scheduled-short-notice', businessDaysAhead: 0, revisedDueDate: null });
    expect(goodFaithTiming(TUESDAY, TUESDAY)?.notes).toHaveLength(1);
  });

  it('scheduled on a Saturday: weekends count for neither the days ahead nor the deadline', () => {
    // Sat Dec 5 -> Fri Dec 18: Dec 7-11 (5), Dec 14-18 (5) = 10; due Mon 7, Tue 8, Wed 9.
    expect(goodFaithTiming('2026-12-05', '2026-12-18')).toMatchObject({ rule: 'scheduled-10-or-more', businessDaysAhead: 10, dueDate: '2026-12-09', revisedDueDate: '2026-12-17' });
    // A Saturday procedure: the revised estimate is due the Friday before.
    expect(goodFaithTiming(TUESDAY, '2026-12-19')).toMatchObject({ businessDaysAhead: 13, revisedDueDate: '2026-12-18' });
  });

  it('a Friday scheduling 6 business days ahead is due the Monday after', () => {
    // Fri Dec 11 -> Mon Dec 21: Dec 14-18 (5), Dec 21 (1) = 6.
    expect(goodFaithTiming('2026-12-11', '2026-12-21')).toMatchObject({ rule: 'scheduled-under-10', businessDaysAhead: 6, dueDate: '2026-12-14', revisedDueDate: '2026-12-18' });
  });

  it('crosses the year; New Year\u2019s Day is counted as a business day (holidays are not known)', () => {
    // Thu Dec 31 -> Fri Jan 1, Mon Jan 4, Tue Jan 5.
    const t = goodFaithTiming('2026-12-31');
    expect(t?.dueDate).toBe('2027-01-05');
    expect(t?.text).toContain('Tuesday, January 5, 2027');
  });

  it('a scheduled date that is not a real date counts as none; a today that is not one gives nothing', () => {
    expect(goodFaithTiming(TUESDAY, '2026-02-30')?.rule).toBe('requested');
    expect(goodFaithTiming('not a date')).toBeNull();
  });
});

describe('formatStaffDate', () => {
  it('gives the weekday and the long date', () => {
    expect(formatStaffDate('2026-12-03')).toBe('Thursday, December 3, 2026');
    expect(formatStaffDate('2028-02-29')).toBe('Tuesday, February 29, 2028');
    expect(formatStaffDate('someday')).toBe('someday');
  });
});
