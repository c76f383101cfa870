import { describe, expect, it } from 'vitest';
import { footerName } from './footer';

describe('footerName', () => {
  it('keeps an ordinary name whole and shortens a very long one with an ellipsis, never splitting a letter from its accent', () => {
    expect(footerName('Margaret Okafor', true)).toBe('Margaret Okafor');
    expect(footerName('A'.repeat(100), false)).toBe(`${'A'.repeat(59)}…`);
    expect(footerName('A'.repeat(100), true)).toBe(`${'A'.repeat(27)}…`);
    const accented = 'e\u0301'.repeat(40);
    expect(footerName(accented, true)).toBe(`${'e\u0301'.repeat(27)}…`);
  });
});
