import { describe, expect, it } from 'vitest';
import { formatRange, moneyTextError, parseDateText, parsePercentText, tidyDateText, tidyMoneyText, todayIso } from './text-parsers';

describe('text parsers', () => {
  it('reads dates the way US staff type them', () => {
    expect(parseDateText('03/14/1950')).toBe('1950-03-14');
    expect(parseDateText('3/4/1950')).toBe('1950-03-04');
    expect(parseDateText('1950-03-14')).toBe('1950-03-14');
    expect(parseDateText('02/30/1950')).toBeNull();
    expect(parseDateText('3/4/50')).toBeNull();
    expect(tidyDateText('1950-03-14')).toBe('03/14/1950');
    expect(tidyDateText('soon')).toBe('soon');
  });

  it('reads money and percentages', () => {
    expect(tidyMoneyText('1500')).toBe('$1,500.00');
    expect(tidyMoneyText('$1,500.00')).toBe('$1,500.00');
    expect(tidyMoneyText('1,500.5')).toBe('$1,500.50');
    expect(tidyMoneyText('12a')).toBe('12a');
    expect(tidyMoneyText('1,50')).toBe('1,50');
    expect(moneyTextError('1,50')).toBe('Use a period for cents (1.50) and commas only between thousands (1,500).');
    expect(moneyTextError('12a')).toBe('Enter an amount in dollars, like 1,500.00.');
    expect(moneyTextError('$1,500.00')).toBeNull();
    expect(parsePercentText('20%')).toBe(20);
    expect(parsePercentText('-5')).toBeNull();
  });

  it('formats ranges and today', () => {
    expect(formatRange({ low: 123_400, high: 234_500 })).toBe('$1,234.00 – $2,345.00');
    expect(formatRange({ low: 500, high: 500 })).toBe('$5.00');
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
