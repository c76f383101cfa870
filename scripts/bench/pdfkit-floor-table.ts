/**
 * Tables for the benchmark's raw PDFKit floor (pdfkit-floor.ts), laid out as pdfmake lays them
 * out: column widths for the content, with each column's padding and vertical lines around it;
 * the `layout` object's functions asked as pdfmake asks them (line widths and colours, padding,
 * fill); a row's horizontal line below it; colSpan; header rows (and keepWithHeaderRows) kept
 * with the first rows and drawn again at the top of a page the table breaks onto; dontBreakRows.
 * A one-cell row that may break (a long notice) breaks between the blocks it holds.
 */
import type { TableCell, TableLayout, TableNode } from '../../core/packet/pdfmake-types';
import { columnWidths, drawAll, keepTogether, layoutNode, minMax, totalHeight, type FloorContext, type Slice } from './pdfkit-floor-layout';
import type { Look } from './pdfkit-floor-text';

type Layout = Required<TableLayout>;

/** pdfmake's default table layout. */
const DEFAULT_LAYOUT: Layout = {
  hLineWidth: () => 1,
  vLineWidth: () => 1,
  hLineColor: () => 'black',
  vLineColor: () => 'black',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
  fillColor: () => null,
};

function layoutOf(node: TableNode): Layout {
  if (node.layout === undefined) return DEFAULT_LAYOUT;
  if (typeof node.layout === 'string') throw new Error(`floor: the table layout '${node.layout}' is not in the packet`);
  return { ...DEFAULT_LAYOUT, ...node.layout };
}

const spanOf = (cell: TableCell): number => (typeof cell === 'object' ? (cell.colSpan ?? 1) : 1);

/** A column's narrowest and widest content (cells spanning several columns left out, as pdfmake does). */
function columnMinMax(ctx: FloorContext, body: readonly TableCell[][], col: number, look: Look): [number, number] {
  let [min, max] = [0, 0];
  for (const row of body) {
    const cell = row[col];
    if (cell === undefined || spanOf(cell) > 1) continue;
    const [a, b] = minMax(ctx, cell, look);
    [min, max] = [Math.max(min, a), Math.max(max, b)];
  }
  return [min, max];
}

interface LaidCell {
  col: number;
  span: number;
  fill: string | null;
  slices: Slice[];
}

export function layoutTable(ctx: FloorContext, node: TableNode, width: number, look: Look): Slice[] {
  const { doc } = ctx;
  const layout = layoutOf(node);
  const { body, widths: specs } = node.table;
  const n = specs.length;
  const at = (values: readonly number[], i: number): number => values[i] ?? 0;
  const padLeft = specs.map((_, i) => layout.paddingLeft(i, node));
  const padRight = specs.map((_, i) => layout.paddingRight(i, node));
  const vLine = [...specs.map((_, i) => layout.vLineWidth(i, node)), layout.vLineWidth(n, node)];
  let offsets = at(vLine, n);
  for (let i = 0; i < n; i += 1) offsets += at(padLeft, i) + at(padRight, i) + at(vLine, i);
  const widths = columnWidths(
    specs.map((w, i) => ({ width: w, minMax: () => columnMinMax(ctx, body, i, look) })),
    width - offsets,
  );
  // left[i]: where vertical line i starts; the table ends at left[n] + its last line.
  const left = [0];
  for (let i = 0; i < n; i += 1) left.push(at(left, i) + at(vLine, i) + at(padLeft, i) + at(widths, i) + at(padRight, i));
  const contentX = (i: number): number => at(left, i) + at(vLine, i) + at(padLeft, i);

  const hLine = (index: number, x: number, y: number): void => {
    const w = layout.hLineWidth(index, node);
    if (w <= 0) return;
    doc.lineWidth(w).moveTo(x, y + w / 2).lineTo(x + at(left, n), y + w / 2).stroke(layout.hLineColor(index, node));
  };

  const rowSlices = (cells: readonly TableCell[], r: number): Slice[] => {
    const padTop = layout.paddingTop(r, node);
    const padBottom = layout.paddingBottom(r, node);
    const line = layout.hLineWidth(r + 1, node);
    const laid: LaidCell[] = [];
    for (let c = 0; c < n; ) {
      const cell = cells[c] ?? '';
      const span = Math.max(1, Math.min(n - c, spanOf(cell)));
      const last = c + span - 1;
      laid.push({ col: c, span, fill: layout.fillColor(r, node), slices: layoutNode(ctx, cell, contentX(last) + at(widths, last) - contentX(c), look) });
      c += span;
    }
    /** The row's fills and vertical lines over `height` from y. */
    const decorate = (x: number, y: number, height: number): void => {
      for (const cell of laid) {
        const from = at(left, cell.col) + at(vLine, cell.col);
        if (cell.fill !== null) doc.rect(x + from, y, at(left, cell.col + cell.span) - from, height).fill(cell.fill);
      }
      for (const i of [...laid.map((cell) => cell.col), n]) {
        const w = at(vLine, i);
        if (w > 0) doc.lineWidth(w).moveTo(x + at(left, i) + w / 2, y).lineTo(x + at(left, i) + w / 2, y + height).stroke(layout.vLineColor(i, node));
      }
    };
    const only = laid.length === 1 ? laid[0] : undefined;
    if (only !== undefined && node.table.dontBreakRows !== true && only.slices.length > 1) {
      const parts = only.slices;
      // On a page it breaks onto, the row starts again with its top padding (pdfmake's onRowBreak).
      const resumed: Slice[] = [{ kind: 'block', height: padTop, draw: (x, y) => decorate(x, y, padTop) }];
      return parts.map((part, k): Slice => {
        const above = k === 0 ? padTop : 0;
        const below = k === parts.length - 1 ? padBottom : 0;
        const rule = k === parts.length - 1 ? line : 0;
        const height = above + part.height + below + rule;
        return {
          kind: part.kind === 'break' ? 'block' : part.kind,
          height,
          ...(k > 0 && padTop > 0 ? { repeat: resumed } : {}),
          draw: (x, y) => {
            decorate(x, y, height - rule);
            part.draw?.(x + contentX(only.col), y + above);
            if (rule > 0) hLine(r + 1, x, y + height - rule);
          },
        };
      });
    }
    const inner = padTop + Math.max(0, ...laid.map((cell) => totalHeight(cell.slices))) + padBottom;
    return [
      {
        kind: 'block',
        height: inner + line,
        draw: (x, y) => {
          decorate(x, y, inner);
          for (const cell of laid) drawAll(cell.slices, x + contentX(cell.col), y + padTop);
          hLine(r + 1, x, y + inner);
        },
      },
    ];
  };

  const rows = body.map((cells, r) => rowSlices(cells, r));
  const topLine = layout.hLineWidth(0, node);
  const top: Slice[] = topLine > 0 ? [{ kind: 'block', height: topLine, draw: (x, y) => hLine(0, x, y) }] : [];
  const headerRows = Math.min(body.length, node.table.headerRows ?? 0);
  if (headerRows === 0) {
    // The top line stays with the first row's first strip.
    const [first = [], ...rest] = rows;
    return [...keepTogether(ctx, [...top, ...first.slice(0, 1)]), ...first.slice(1), ...rest.flat()];
  }
  const kept = Math.min(body.length, headerRows + (node.table.keepWithHeaderRows ?? 0));
  const header = [...top, ...rows.slice(0, headerRows).flat()];
  const after = rows.slice(kept).flat().map((slice): Slice => ({ ...slice, repeat: [...header, ...(slice.repeat ?? [])] }));
  return [...keepTogether(ctx, [...top, ...rows.slice(0, kept).flat()]), ...after];
}
