import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFontRuns, splitText, unprintableCharacters, type FontCoverage } from './font-runs';
import type { Content, DynamicFooter, TDocumentDefinitions } from './pdfmake-types';

const inRanges = (...ranges: [number, number][]) => (codePoint: number) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

/** Roboto-like: Basic Latin, Latin-1, Greek, Cyrillic (no controls); fallbacks for Arabic, Hebrew, CJK. */
const coverage: FontCoverage = {
  primary: 'Main',
  primaryHas: inRanges([0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff]),
  fallbacks: [
    { family: 'Arabic', has: inRanges([0x20, 0x20], [0x600, 0x6ff], [0x200c, 0x200d]) },
    { family: 'Hebrew', has: inRanges([0x20, 0x20], [0x590, 0x5ff]) },
    { family: 'Cjk', has: inRanges([0x3000, 0x30ff], [0x4e00, 0x9fff], [0xac00, 0xd7a3]) },
  ],
};

const doc = (content: Content[], extra: Partial<TDocumentDefinitions> = {}): TDocumentDefinitions => ({ content, defaultStyle: { font: 'Main' }, ...extra });

describe('splitFontRuns', () => {
  it('returns text the primary font prints whole as the same objects (the fast path)', () => {
    const content: Content[] = [
      'Plain text, Ελένη, Анна, José Peña',
      { text: ['Name: ', { text: 'Ada', bold: true }], style: 'body' },
      { table: { widths: ['*'], body: [['a\nb'], [{ stack: ['Ana 😀'] }]] } },
    ];
    const input = doc(content);
    expect(splitFontRuns(input, coverage)).toBe(input);
    const footer: DynamicFooter = (page) => ({ text: `Page ${page}` });
    const withFooter = doc(content, { footer });
    const out = splitFontRuns(withFooter, coverage);
    expect(out.content).toBe(withFooter.content);
    expect(out.footer?.(2, 3)).toEqual({ text: 'Page 2' });
  });

  it('splits runs inside tables inside columns inside stacks, keeping every other property', () => {
    const untouched = { text: 'Date of birth', bold: true };
    const input = doc([
      {
        stack: [
          untouched,
          {
            columns: [
              { table: { widths: [100, '*'], body: [[{ text: 'Patient', style: 'label' }, { text: 'Name: 王秀英', bold: true, color: '#123456', style: 'tableCell', colSpan: 1 }]] }, layout: 'noBorders' },
              'Cover: 王',
            ],
            columnGap: 8,
          },
        ],
        margin: [0, 4, 0, 0],
      },
    ]);
    const out = splitFontRuns(input, coverage);
    expect(out).not.toBe(input);
    expect(input.content[0]).toMatchObject({ stack: [untouched, { columns: [{ table: { body: [[{ text: 'Patient' }, { text: 'Name: 王秀英' }]] } }, 'Cover: 王'] }] });
    expect(out.content).toEqual([
      {
        stack: [
          untouched,
          {
            columns: [
              {
                table: { widths: [100, '*'], body: [[{ text: 'Patient', style: 'label' }, { text: ['Name: ', { text: '王秀英', font: 'Cjk' }], bold: true, color: '#123456', style: 'tableCell', colSpan: 1 }]] },
                layout: 'noBorders',
              },
              { text: ['Cover: ', { text: '王', font: 'Cjk' }] },
            ],
            columnGap: 8,
          },
        ],
        margin: [0, 4, 0, 0],
      },
    ]);
    const stack = (out.content[0] as { stack: Content[] }).stack;
    expect(stack[0]).toBe(untouched);
  });

  it('gives every piece of a styled inline the inline’s own styles', () => {
    const out = splitFontRuns(doc([{ text: ['Hi ', { text: 'Li 李 Wei', italics: true, color: 'red' }, ' end'] }]), coverage);
    expect(out.content[0]).toEqual({
      text: ['Hi ', { italics: true, color: 'red', text: 'Li ' }, { italics: true, color: 'red', text: '李', font: 'Cjk' }, { italics: true, color: 'red', text: ' Wei' }, ' end'],
    });
  });

  it('splits list items (ul and ol) and static headers', () => {
    const header = { text: 'שרה' };
    const input = { ...doc([{ ul: ['א', 'b'] }]), header };
    const out = splitFontRuns(input, coverage);
    expect(out.content[0]).toEqual({ ul: [{ text: [{ text: 'א', font: 'Hebrew' }] }, 'b'] });
    expect(out.header).toEqual({ text: [{ text: 'שרה', font: 'Hebrew' }] });
    const ordered = { ol: ['王'] } as unknown as Content;
    expect(splitFontRuns(doc([ordered]), coverage).content[0]).toEqual({ ol: [{ text: [{ text: '王', font: 'Cjk' }] }] });
  });

  it('wraps a footer function so each page’s footer is split, with the arguments passed through', () => {
    const seen: number[][] = [];
    const footer: DynamicFooter = (page, pages) => {
      seen.push([page, pages]);
      return { columns: [{ text: 'Patient: 王秀英' }, { text: `Page ${page} of ${pages}`, alignment: 'right' }] };
    };
    const out = splitFontRuns(doc(['x'], { footer }), coverage);
    expect(out.footer).not.toBe(footer);
    expect(out.footer?.(2, 9)).toEqual({ columns: [{ text: ['Patient: ', { text: '王秀英', font: 'Cjk' }] }, { text: 'Page 2 of 9', alignment: 'right' }] });
    expect(seen).toEqual([[2, 9]]);
  });

  it('leaves text set in another family alone, by the node, the inline or a style', () => {
    const input = doc([{ text: '王', font: 'Other' }, { text: [{ text: '王', style: 'other' }] }, { stack: ['王'], font: 'Other' }], { styles: { other: { font: 'Other' } } });
    expect(splitFontRuns(input, coverage)).toBe(input);
    // pdfmake's default family is Roboto: with no default style, Roboto is the text's family.
    const roboto = { ...coverage, primary: 'Roboto' };
    expect(splitFontRuns({ content: ['王'] }, roboto).content).toEqual([{ text: [{ text: '王', font: 'Cjk' }] }]);
  });
});

describe('splitText: right-to-left stretches in display order', () => {
  it('writes the words of an Arabic name last first, spaces between, the text around it in place', () => {
    expect(splitText('Patient: فاطمة الزهراء · DOB', coverage)).toEqual([
      { text: 'Patient: ', family: undefined },
      { text: 'الزهراء', family: 'Arabic' },
      { text: ' ', family: undefined },
      { text: 'فاطمة', family: 'Arabic' },
      { text: ' · DOB', family: undefined },
    ]);
    expect(splitText('שרה כהן', coverage)).toEqual([
      { text: 'כהן', family: 'Hebrew' },
      { text: ' ', family: undefined },
      { text: 'שרה', family: 'Hebrew' },
    ]);
  });

  it('keeps marks and joiners with their letters (one shaped word) and numbers left to right', () => {
    expect(splitText('مُحَمَّد', coverage)).toEqual([{ text: 'مُحَمَّد', family: 'Arabic' }]);
    expect(splitText('Sara مهر\u200Cناز', coverage)).toEqual([{ text: 'Sara ', family: undefined }, { text: 'مهر\u200Cناز', family: 'Arabic' }]);
    expect(splitText('شارع 12 ب', coverage)?.map((p) => p.text)).toEqual(['ب', ' ', '12', ' ', 'شارع']);
  });

  it('keeps every character, and left-to-right text in its order', () => {
    const sorted = (text: string) => [...text].sort().join('');
    const alphabet = fc.constantFrom(...'ab .,-1é\nΩЖ王李ש׳אفاطمةُ\u200C😀'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }).map((chars) => chars.join('')), (text) => {
        const pieces = splitText(text, coverage);
        const joined = pieces === null ? text : pieces.map((p) => p.text).join('');
        expect(sorted(joined)).toBe(sorted(text));
        if (!/[\u0590-\u06ff]/u.test(text)) expect(joined).toBe(text);
      }),
    );
  });
});

describe('unprintableCharacters', () => {
  it('lists what no font prints (an emoji, a script with no font) once each, in order', () => {
    expect(unprintableCharacters('Ana 😀 and 😀 again 👍', coverage)).toEqual(['😀', '👍']);
    expect(unprintableCharacters('प्रिया', coverage)).toEqual(['प्रि', 'या']);
    expect(unprintableCharacters('Thumbs 👍🏽, family 👨‍👩‍👧', coverage)).toEqual(['👍🏽', '👨‍👩‍👧']);
  });

  it('lists nothing for text the primary or a fallback prints, nor invisible characters', () => {
    expect(unprintableCharacters('José Ελένη Анна فاطمة שרה 王秀英 김민준', coverage)).toEqual([]);
    expect(unprintableCharacters('a\u200Db\uFE0F\n\t', coverage)).toEqual([]);
  });
});
