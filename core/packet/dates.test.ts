import { describe, expect, it } from 'vitest';
import { compactDate, formatLongDate, parseIsoDate } from './dates';

describe('formatLongDate', () => {
  it('writes dates as patients read them, in English and Spanish', () => {
    expect(formatLongDate('1948-03-04', 'en')).toBe('March 4, 1948');
    expect(formatLongDate('1948-03-04', 'es')).toBe('4 de marzo de 1948');
    expect(formatLongDate('2026-12-31', 'en')).toBe('December 31, 2026');
    expect(formatLongDate('2026-01-01', 'es')).toBe('1 de enero de 2026');
  });

  it('never shifts the day (no time zone involved)', () => {
    for (const iso of ['2026-01-01', '2026-03-08', '2026-11-01', '1939-12-31']) {
      expect(formatLongDate(iso, 'en').includes(String(Number(iso.slice(8))))).toBe(true);
    }
  });

  it('leaves text that is not a real date as it is', () => {
    expect(formatLongDate('2026-02-30', 'en')).toBe('2026-02-30');
    expect(formatLongDate('03/04/1948', 'en')).toBe('03/04/1948');
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2100-02-29')).toBeNull();
    expect(compactDate('2026-11-29')).toBe('20261129');
  });
});
