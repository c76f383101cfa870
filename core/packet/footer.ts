/**
 * Every page: patient name, date of birth, the estimate's date (so every estimate page carries
 * it, as the CMS form asks) and reference, and "Page X of Y", in the packet's language.
 */
import { fillLabel } from './content-schema';
import type { DynamicFooter } from './pdfmake-types';
import { longDate, type PacketContext } from './packet-context';
import { colors } from './styles';

/**
 * The footer has room for a fixed number of lines (the page's bottom margin): a very long
 * name is shortened there, with "…", so the date of birth, the estimate's date and reference
 * still print on every page. The cover and the consent print the name whole.
 */
const FOOTER_NAME_CHARACTERS = { normal: 60, largePrint: 28 } as const;

export function footerName(name: string, largePrint: boolean): string {
  const limit = largePrint ? FOOTER_NAME_CHARACTERS.largePrint : FOOTER_NAME_CHARACTERS.normal;
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name)].map((g) => g.segment);
  return graphemes.length <= limit ? name : `${graphemes.slice(0, limit - 1).join('').trimEnd()}…`;
}

export function packetFooter(ctx: PacketContext, margins: readonly [number, number, number, number]): DynamicFooter {
  const { labels } = ctx;
  const name = `${labels.document.patient}: ${footerName(ctx.patientName, ctx.largePrint)}`;
  const born = `${labels.document.dateOfBirth}: ${ctx.dateOfBirth}`;
  const dated = fillLabel(labels.document.estimateDate, { date: longDate(ctx, ctx.preparedDate) });
  // Large print: one item per line, so none is cut or squeezed (the reference is on the cover).
  const who = ctx.largePrint ? `${name}\n${born}\n${dated}` : `${name}   ·   ${born}\n${dated}   ·   ${ctx.reference}`;
  return (currentPage, pageCount) => ({
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: ctx.contentWidth, y2: 0, lineWidth: 0.5, lineColor: colors.rule }] },
      {
        columns: [
          { text: who, width: '*' },
          { text: fillLabel(labels.document.pageOfPages, { page: currentPage, pages: pageCount }), width: 'auto', alignment: 'right', noWrap: true },
        ],
        columnGap: ctx.sizes.gap * 2,
        margin: [0, ctx.sizes.small * 0.4, 0, 0],
      },
    ],
    style: 'footer',
    // 1.3 x Roboto's 1.17 em line box: baselines 1.5 x the type size apart in large print.
    lineHeight: ctx.largePrint ? 1.3 : 1.15,
    margin: [margins[0], ctx.sizes.small * 0.8, margins[2], 0],
  });
}
