import { describe, expect, it } from 'vitest';
import { breakLongWords, LONG_WORD, wrapLongWords } from './long-words';
import type { TDocumentDefinitions } from './pdfmake-types';

const long = 'A'.repeat(LONG_WORD);

describe('breakLongWords', () => {
  it('leaves ordinary text alone', () => {
    expect(breakLongWords('Margaret Okafor, 1200 Harbor Avenue', undefined)).toBeNull();
    expect(breakLongWords('www.cms.gov/nosurprises, radiologyinfo.org', undefined)).toBeNull();
    expect(breakLongWords('A'.repeat(LONG_WORD - 1), undefined)).toBeNull();
    expect(breakLongWords('email FederalPPDRQuestions@cms.hhs.gov, or call', undefined)).toBeNull();
    expect(breakLongWords(`${'a'.repeat(60)}@example.com`, undefined)).toEqual([{ text: `${'a'.repeat(60)}@example.com`, wordBreak: 'break-all' }]);
  });

  it('lets a long unbroken word break anywhere, keeping every character and the run\'s own properties', () => {
    const runs = breakLongWords(`Patient: ${long}x and more`, { bold: true });
    expect(runs).toEqual([{ bold: true, text: 'Patient: ' }, { bold: true, text: `${long}x`, wordBreak: 'break-all' }, { bold: true, text: ' and more' }]);
    expect(breakLongWords(long, undefined)).toEqual([{ text: long, wordBreak: 'break-all' }]);
  });

  it('leaves right-to-left words, combining marks and characters outside the basic plane whole (they are shaped as one run)', () => {
    expect(breakLongWords('ب'.repeat(LONG_WORD + 5), undefined)).toBeNull();
    expect(breakLongWords(`${'e\u0301'.repeat(LONG_WORD)}`, undefined)).toBeNull();
    expect(breakLongWords('𠀀'.repeat(LONG_WORD), undefined)).toBeNull();
  });
});

describe('wrapLongWords', () => {
  it('reaches table cells and the footer, and returns the same document when nothing is long', () => {
    const plain = { content: [{ table: { widths: ['*', '*'], body: [['short', 'text']] } }] };
    expect(wrapLongWords(plain)).toBe(plain);
    const input: TDocumentDefinitions = { content: [{ table: { widths: ['*'], body: [[long]] } }], footer: () => ({ text: long }) };
    const doc = wrapLongWords(input);
    expect(doc.content[0]).toEqual({ table: { widths: ['*'], body: [[{ text: [{ text: long, wordBreak: 'break-all' }] }]] } });
    const footer = doc.footer;
    expect(typeof footer === 'function' ? footer(1, 1) : null).toEqual({ text: [{ text: long, wordBreak: 'break-all' }] });
  });
});
