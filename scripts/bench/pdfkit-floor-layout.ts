/**
 * Block layout for the benchmark's raw PDFKit floor (pdfkit-floor.ts). Each node of a pdfmake
 * document definition becomes "slices" in reading order: a slice is a measured strip of the
 * page (a line of text, a table row, a row of columns, a whole unbreakable block) with the
 * PDFKit calls that draw it, so the page breaker only adds heights. Margins are 'space'
 * slices (a margin that does not fit ends the page and is dropped, as in pdfmake); forced page
 * breaks are 'break' slices. Tables are laid out in pdfkit-floor-table.ts.
 */
import type PDFDocument from 'pdfkit';
import type { CanvasNode, ColumnsNode, Content, ImageNode, Margins, NodeProps, StyleProps, TableNode } from '../../core/packet/pdfmake-types';
import { drawTextLine, lookOf, measureText, styleNames, wrapText, type Look, type MeasuredText } from './pdfkit-floor-text';

export interface Slice {
  kind: 'block' | 'space' | 'break';
  height: number;
  /** Draws the slice with its top left at (x, y); null for an empty margin. */
  draw: ((x: number, y: number) => void) | null;
  /** Drawn first when this slice starts a new page: a table's header rows. */
  repeat?: Slice[];
}

export interface FloorContext {
  doc: PDFDocument;
  styles: Record<string, StyleProps>;
  images: Record<string, string>;
  /** Height of a page's text area: a block taller than this is broken after all. */
  pageRoom: number;
  table(ctx: FloorContext, node: TableNode, width: number, look: Look): Slice[];
  /** Each text node measured once per document (an 'auto' column measures before it lays out). */
  measured: WeakMap<object, MeasuredText>;
}

export const BREAK: Slice = { kind: 'break', height: 0, draw: null };

export const space = (height: number): Slice => ({ kind: 'space', height, draw: null });

export function totalHeight(slices: readonly Slice[]): number {
  let height = 0;
  for (const slice of slices) height += slice.height;
  return height;
}

export function drawAll(slices: readonly Slice[], x: number, top: number): void {
  let y = top;
  for (const slice of slices) {
    slice.draw?.(x, y);
    y += slice.height;
  }
}

/** One slice for all of `slices` (an unbreakable block), unless it is taller than a page or holds a page break. */
export function keepTogether(ctx: FloorContext, slices: Slice[]): Slice[] {
  if (slices.length < 2 || slices.some((s) => s.kind === 'break')) return slices;
  const height = totalHeight(slices);
  if (height > ctx.pageRoom) return slices;
  return [{ kind: 'block', height, draw: (x, y) => drawAll(slices, x, y) }];
}

function shifted(slices: Slice[], dx: number): Slice[] {
  return slices.map((slice) => {
    const { draw, repeat } = slice;
    const moved: Slice = { kind: slice.kind, height: slice.height, draw: draw === null ? null : (x, y) => draw(x + dx, y) };
    if (repeat !== undefined) moved.repeat = shifted(repeat, dx);
    return moved;
  });
}

function normalMargin(margin: Margins): [number, number, number, number] {
  if (typeof margin === 'number') return [margin, margin, margin, margin];
  if (margin.length === 2) return [margin[0], margin[1], margin[0], margin[1]];
  return margin;
}

/** The node's own margin, else its last named style's (pdfmake's rule; margins are not inherited). */
function marginOf(ctx: FloorContext, node: NodeProps): [number, number, number, number] | null {
  if (node.margin !== undefined) return normalMargin(node.margin);
  const names = styleNames(node);
  for (let i = names.length - 1; i >= 0; i -= 1) {
    const margin = ctx.styles[names[i] ?? '']?.margin;
    if (margin !== undefined) return normalMargin(margin);
  }
  return null;
}

function measured(ctx: FloorContext, node: Content, text: Parameters<typeof measureText>[2], look: Look): MeasuredText {
  if (typeof node === 'string') return measureText(ctx.doc, ctx.styles, text, look);
  let m = ctx.measured.get(node);
  if (m === undefined) {
    m = measureText(ctx.doc, ctx.styles, text, look);
    ctx.measured.set(node, m);
  }
  return m;
}

function textSlices(ctx: FloorContext, node: Content, text: Parameters<typeof measureText>[2], width: number, look: Look): Slice[] {
  const { doc } = ctx;
  return wrapText(measured(ctx, node, text, look), width).map((line) => ({
    kind: 'block',
    height: line.height,
    draw: (x: number, y: number) => drawTextLine(doc, line, x, y, width, look.alignment),
  }));
}

/** Narrowest and widest widths a node can take (pdfmake's _minWidth/_maxWidth), for 'auto' widths. */
export function minMax(ctx: FloorContext, node: Content, parent: Look): [number, number] {
  if (typeof node === 'string') {
    const m = measured(ctx, node, node, parent);
    return [m.min, m.max];
  }
  const look = lookOf(ctx.styles, parent, node);
  const margin = marginOf(ctx, node);
  const sides = margin === null ? 0 : margin[0] + margin[2];
  let [min, max] = [0, 0];
  if ('text' in node) {
    const m = measured(ctx, node, node.text, look);
    [min, max] = [m.min, m.max];
  } else if ('stack' in node) {
    for (const child of node.stack) {
      const [a, b] = minMax(ctx, child, look);
      [min, max] = [Math.max(min, a), Math.max(max, b)];
    }
  } else if ('columns' in node) {
    node.columns.forEach((child, i) => {
      const fixed = typeof child !== 'string' && typeof child.width === 'number' ? child.width : null;
      const [a, b] = fixed === null ? minMax(ctx, child, look) : [fixed, fixed];
      const gap = i === 0 ? 0 : (node.columnGap ?? 0);
      [min, max] = [min + a + gap, max + b + gap];
    });
  } else if ('canvas' in node) {
    min = max = canvasSize(node)[0];
  } else if ('image' in node) {
    min = max = imageSize(ctx, node).width;
  }
  return [min + sides, max + sides];
}

export interface WidthSpec {
  width: number | string | undefined;
  minMax: () => [number, number];
}

const isStar = (width: WidthSpec['width']): boolean => width === undefined || width === '*' || width === 'star';

/** Column widths as pdfmake's column calculator gives them: fixed, then 'auto' (their widest if all fit), then '*' share the rest. */
export function columnWidths(specs: readonly WidthSpec[], available: number): number[] {
  const widths = specs.map(() => 0);
  let left = available;
  const autos: number[] = [];
  const stars: number[] = [];
  specs.forEach((spec, i) => {
    if (spec.width === 'auto') autos.push(i);
    else if (isStar(spec.width)) stars.push(i);
    else widths[i] = typeof spec.width === 'number' ? spec.width : Number.parseFloat(String(spec.width)) || 0;
  });
  for (const w of widths) left -= w;
  if (autos.length > 0) {
    const sizes = new Map<number, [number, number]>(autos.map((i) => [i, specs[i]?.minMax() ?? [0, 0]]));
    let [autoMin, autoMax, starMin, starMax] = [0, 0, 0, 0];
    for (const [a, b] of sizes.values()) [autoMin, autoMax] = [autoMin + a, autoMax + b];
    for (const i of stars) {
      const [a, b] = specs[i]?.minMax() ?? [0, 0];
      [starMin, starMax] = [Math.max(starMin, a), Math.max(starMax, b)];
    }
    const minW = autoMin + starMin * stars.length;
    const maxW = autoMax + starMax * stars.length;
    for (const [i, [a, b]] of sizes) {
      widths[i] = minW >= left ? a : maxW < left ? b : a + ((b - a) * (left - minW)) / (maxW - minW);
    }
    if (minW >= left) {
      for (const i of stars) widths[i] = starMin;
      return widths;
    }
    for (const i of autos) left -= widths[i] ?? 0;
  }
  for (const i of stars) widths[i] = left / stars.length;
  return widths;
}

function columnsSlice(ctx: FloorContext, node: ColumnsNode, width: number, look: Look): Slice {
  const gap = node.columnGap ?? 0;
  const specs = node.columns.map((child): WidthSpec => ({
    width: typeof child === 'string' ? undefined : child.width,
    minMax: () => minMax(ctx, child, look),
  }));
  const widths = columnWidths(specs, width - gap * (node.columns.length - 1));
  const laid = node.columns.map((child, i) => layoutNode(ctx, child, widths[i] ?? 0, look));
  return {
    kind: 'block',
    height: Math.max(0, ...laid.map(totalHeight)),
    draw: (x, y) => {
      let left = x;
      laid.forEach((slices, i) => {
        drawAll(slices, left, y);
        left += (widths[i] ?? 0) + gap;
      });
    },
  };
}

function canvasSize(node: CanvasNode): [number, number] {
  let [w, h] = [0, 0];
  for (const v of node.canvas) {
    if (v.type === 'line') [w, h] = [Math.max(w, v.x1, v.x2), Math.max(h, v.y1, v.y2)];
    else [w, h] = [Math.max(w, v.x + v.w), Math.max(h, v.y + v.h)];
  }
  return [w, h];
}

function canvasSlice(ctx: FloorContext, node: CanvasNode): Slice {
  const { doc } = ctx;
  return {
    kind: 'block',
    height: canvasSize(node)[1],
    draw: (x, y) => {
      for (const v of node.canvas) {
        doc.lineWidth(v.lineWidth ?? 1);
        if (v.type === 'line') {
          doc.moveTo(x + v.x1, y + v.y1).lineTo(x + v.x2, y + v.y2).stroke(v.lineColor ?? 'black');
          continue;
        }
        if (v.r) doc.roundedRect(x + v.x, y + v.y, v.w, v.h, v.r);
        else doc.rect(x + v.x, y + v.y, v.w, v.h);
        if (v.color !== undefined && v.lineColor !== undefined) doc.fillAndStroke(v.color, v.lineColor);
        else if (v.color !== undefined) doc.fill(v.color);
        else doc.stroke(v.lineColor ?? 'black');
      }
    },
  };
}

/** The image's size: `fit` scales it into the box keeping its shape (as pdfmake does), else `width` if a number. */
function imageSize(ctx: FloorContext, node: ImageNode): { src: string; width: number; height: number } {
  const src = ctx.images[node.image] ?? node.image;
  // Data URLs only: a document definition never makes the floor read a file.
  if (!src.startsWith('data:')) throw new Error('floor: an image must be a data URL');
  const image = ctx.doc.openImage(src);
  let { width, height } = image;
  if (node.fit !== undefined) {
    const [fw, fh] = node.fit;
    const factor = width / height > fw / fh ? fw / width : fh / height;
    [width, height] = [width * factor, height * factor];
  } else if (typeof node.width === 'number') {
    [width, height] = [node.width, (height * node.width) / width];
  }
  return { src, width, height };
}

function imageSlice(ctx: FloorContext, node: ImageNode): Slice {
  const { src, width, height } = imageSize(ctx, node);
  return { kind: 'block', height, draw: (x, y) => ctx.doc.image(src, x, y, { width, height }) };
}

/** A node's slices at `width` (its margins inside it), under its parent's look. */
export function layoutNode(ctx: FloorContext, node: Content, width: number, parent: Look): Slice[] {
  if (typeof node === 'string') return textSlices(ctx, node, node, width, parent);
  const look = lookOf(ctx.styles, parent, node);
  const margin = marginOf(ctx, node);
  const inner = margin === null ? width : width - margin[0] - margin[2];
  let body: Slice[];
  if ('stack' in node) body = node.stack.flatMap((child) => layoutNode(ctx, child, inner, look));
  else if ('columns' in node) body = [columnsSlice(ctx, node, inner, look)];
  else if ('table' in node) body = ctx.table(ctx, node, inner, look);
  else if ('text' in node) body = textSlices(ctx, node, node.text, inner, look);
  else if ('canvas' in node) body = [canvasSlice(ctx, node)];
  else if ('image' in node) body = [imageSlice(ctx, node)];
  else throw new Error('floor: lists (ul) are not in the packet and not laid out');
  if (node.unbreakable === true) body = keepTogether(ctx, body);
  if (margin !== null && margin[0] !== 0) body = shifted(body, margin[0]);
  const top = margin === null || margin[1] === 0 ? [] : [space(margin[1])];
  const bottom = margin === null || margin[3] === 0 ? [] : [space(margin[3])];
  return [...(node.pageBreak === 'before' ? [BREAK] : []), ...top, ...body, ...bottom, ...(node.pageBreak === 'after' ? [BREAK] : [])];
}
