import { describe, expect, it } from 'vitest';
import type { FeeLineView } from '../../../core/ipc/contract';
import { defaultFeeTexts, feeTextsFrom, toFeeOverrides } from './fee-overrides';

const lines: FeeLineView[] = [
  { id: 'a', code: '22511', description: 'Vertebroplasty', provider: 'physician', separatelyScheduled: false, defaultLowCents: 100_000, defaultHighCents: 200_000, lowCents: 150_000, highCents: 200_000 },
  { id: 'b', code: '99152', description: 'Sedation', provider: 'physician', separatelyScheduled: false, defaultLowCents: 10_000, defaultHighCents: 20_000, lowCents: 10_000, highCents: 20_000 },
];

describe('fee overrides', () => {
  it('keeps only lines that differ from the defaults', () => {
    const texts = feeTextsFrom(lines);
    expect(texts['a']).toEqual({ low: '$1,500.00', high: '$2,000.00' });
    expect(toFeeOverrides(lines, texts)).toEqual({ overrides: { a: { lowCents: 150_000, highCents: 200_000 } }, errors: {} });
    expect(toFeeOverrides(lines, defaultFeeTexts(lines)).overrides).toEqual({});
  });

  it('says what is wanted for bad amounts and low above high', () => {
    const { errors } = toFeeOverrides(lines, { a: { low: 'x', high: '2000' }, b: { low: '300', high: '200' } });
    expect(errors).toEqual({ 'a.low': 'Enter an amount in dollars.', 'b.low': 'The low amount must not be above the high amount.' });
  });

  it('says where commas go when a fee has one for cents ("1,50" is not $150)', () => {
    const { errors, overrides } = toFeeOverrides(lines, { a: { low: '1,50', high: '2,000' }, b: { low: '100', high: '200' } });
    expect(errors).toEqual({ 'a.low': 'Use a period for cents (1.50) and commas only between thousands (1,500).' });
    expect(overrides['a']).toBeUndefined();
  });
});
