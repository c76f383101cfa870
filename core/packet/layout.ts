/**
 * Small building blocks shared by the packet's parts: headings kept with what follows them
 * (no heading alone at a page bottom), paragraphs, bullet lists, label/value tables and the
 * table layout used for money.
 */
import type { Content, StackNode, TableCell, TableLayout, TableNode, TextNode } from './pdfmake-types';
import { colors, type PacketSizes } from './styles';

export type HeadingLevel = 'h1' | 'h2' | 'h3';

export function heading(text: string, level: HeadingLevel, extra: Partial<TextNode> = {}): TextNode {
  return { text, style: level, headlineLevel: level === 'h1' ? 1 : level === 'h2' ? 2 : 3, ...extra };
}

export function paragraph(text: string, extra: Partial<TextNode> = {}): TextNode {
  return { text, style: 'body', ...extra };
}

/**
 * A heading and the first block after it, unbreakable together, then the rest: a heading
 * never ends a page alone. Keep `first` short (a paragraph, a list item, a small table).
 */
export function keepWithNext(head: Content, first: Content | undefined, rest: Content[] = []): StackNode {
  const opening: StackNode = { stack: first === undefined ? [head] : [head, first], unbreakable: true };
  return { stack: [opening, ...rest] };
}

/** A bulleted list; each item is unbreakable so a bullet never splits across pages. */
export function bullets(items: readonly string[], sizes: PacketSizes): Content[] {
  return items.map((item) => ({
    columns: [
      { text: '•', width: sizes.body * 1.1, color: colors.accent, bold: true },
      { text: item, width: '*' },
    ],
    columnGap: 2,
    margin: [sizes.body * 0.3, 0, 0, sizes.gap * 0.6],
    unbreakable: true,
  }));
}

/**
 * A section: heading, then its blocks. The heading stays with the first `keep` blocks
 * (an intro paragraph and the first bullet, so an intro never ends a page alone).
 */
export function section(head: TextNode, blocks: Content[], keep = 1): StackNode {
  const first = blocks.slice(0, keep);
  const rest = blocks.slice(keep);
  return keepWithNext(head, first.length === 0 ? undefined : { stack: first }, rest);
}

/**
 * Thin horizontal rules between rows, none at the sides: quiet and easy to follow. The
 * first `titleRows` rows (a group's name, a note) have no rules.
 */
export function moneyTableLayout(sizes: PacketSizes, titleRows = 0): TableLayout {
  const pad = sizes.body * 0.35;
  return {
    hLineWidth: (row, node) =>
      row <= titleRows || row === node.table.body.length ? 0 : row === (node.table.headerRows ?? 0) ? 1.2 : 0.5,
    vLineWidth: () => 0,
    hLineColor: () => colors.rule,
    paddingLeft: (col) => (col === 0 ? 0 : pad),
    paddingRight: (col, node) => (col === (node.table.widths?.length ?? 1) - 1 ? 0 : pad),
    paddingTop: () => pad,
    paddingBottom: () => pad,
  };
}

/** A two-column "label: value" block without lines (patient details, figures used). */
export function labelValueTable(rows: readonly (readonly [string, string])[], sizes: PacketSizes): TableNode {
  const body: TableCell[][] = rows.map(([label, value]) => [
    { text: label, bold: true },
    { text: value },
  ]);
  return {
    table: { widths: [sizes.labelWidth, '*'], body, dontBreakRows: true },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (col) => (col === 0 ? 0 : sizes.body * 0.8),
      paddingRight: () => 0,
      paddingTop: () => sizes.body * 0.1,
      paddingBottom: () => sizes.body * 0.1,
    },
    margin: [0, 0, 0, sizes.gap],
  };
}

/** A shaded box for the sentence that matters most on a page. */
export function notice(content: Content[], sizes: PacketSizes, fill: string = colors.shade, unbreakable = true): TableNode {
  const pad = sizes.body * 0.7;
  return {
    table: { widths: ['*'], body: [[{ stack: content }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (col) => (col === 0 ? 4 : 0),
      vLineColor: () => colors.accent,
      fillColor: () => fill,
      paddingLeft: () => pad,
      paddingRight: () => pad,
      paddingTop: () => pad * 0.8,
      paddingBottom: () => pad * 0.5,
    },
    margin: [0, sizes.gap * 0.5, 0, sizes.gap * 1.5],
    unbreakable,
  };
}
