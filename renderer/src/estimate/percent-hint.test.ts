import { describe, expect, it } from 'vitest';
import { fractionPercentHint } from './percent-hint';

describe('fractionPercentHint', () => {
  it('reads a share typed as a fraction (a payer portal\'s 0.2) as the percentage it likely means', () => {
    expect(fractionPercentHint('0.2')).toEqual({ typed: '0.2', meant: '20' });
    expect(fractionPercentHint(' 0.25 ')).toEqual({ typed: '0.25', meant: '25' });
    expect(fractionPercentHint('0.05%')).toEqual({ typed: '0.05', meant: '5' });
    expect(fractionPercentHint('0.99')).toEqual({ typed: '0.99', meant: '99' });
  });

  it('says nothing for 0, 1 and above, empty or unreadable text', () => {
    for (const text of ['0', '0.0', '1', '1.0', '20', '100', '', '  ', 'abc', '0.255', '-0.2']) {
      expect(fractionPercentHint(text), text).toBeNull();
    }
  });
});
