/** Every page: patient name, date of birth and "Page X of Y" in the packet's language. */
import { fillLabel } from './content-schema';
import type { DynamicFooter } from './pdfmake-types';
import type { PacketContext } from './packet-context';
import { colors } from './styles';

export function packetFooter(ctx: PacketContext, margins: readonly [number, number, number, number]): DynamicFooter {
  const { labels } = ctx;
  const name = `${labels.document.patient}: ${ctx.patientName}`;
  const born = `${labels.document.dateOfBirth}: ${ctx.dateOfBirth}`;
  // Large print: name and date of birth on two lines, so neither is cut or squeezed.
  const who = ctx.largePrint ? `${name}\n${born}` : `${name}   ·   ${born}`;
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
    lineHeight: 1.1,
    margin: [margins[0], ctx.sizes.small * 0.8, margins[2], 0],
  });
}
