/**
 * Type sizes and styles for the packet. Normal print is 12 pt body for older readers;
 * large print follows the American Council of the Blind: every text 18 pt or more (footers,
 * captions and small print included), headings bigger and bold, line spacing 1.5 for running
 * text (table rows and footers at least 1.5 x the type size, baseline to baseline), no italics. Everything sans-serif (Roboto, shipped in resources/fonts).
 */
import type { StyleProps, TDocumentDefinitions } from './pdfmake-types';

export const PACKET_FONT = 'Roboto';

/** Calm, high-contrast colours: near-black text, one muted blue accent. */
export const colors = {
  text: '#1a1a1a',
  muted: '#4a4a4a',
  accent: '#1f4e79',
  rule: '#9aa5b1',
  shade: '#eef2f6',
  noticeFill: '#fff8e1',
} as const;

export interface PacketSizes {
  body: number;
  small: number;
  h1: number;
  h2: number;
  h3: number;
  title: number;
  lineHeight: number;
  /**
   * Line spacing inside table cells and short label/value rows. pdfmake multiplies Roboto's
   * 1.17 em line box, so 1.3 in large print puts baselines 1.52 x the type size apart.
   */
  cellLineHeight: number;
  /** The cost summary's headline on page 1 ("You may owe about ..."). */
  headline: number;
  /** Space between paragraphs / blocks. */
  gap: number;
  /** Width of the label column in label/value blocks. */
  labelWidth: number;
  /** Height of a signature line's writing room. */
  signatureRoom: number;
  /** Side of an initials box. */
  initialsBox: number;
}

export function packetSizes(largePrint: boolean): PacketSizes {
  return largePrint
    ? { body: 18, small: 18, h1: 28, h2: 23, h3: 20, title: 28, headline: 26, lineHeight: 1.5, cellLineHeight: 1.3, gap: 10, labelWidth: 220, signatureRoom: 40, initialsBox: 40 }
    : { body: 12, small: 10, h1: 22, h2: 16, h3: 13.5, title: 26, headline: 20, lineHeight: 1.3, cellLineHeight: 1.15, gap: 8, labelWidth: 170, signatureRoom: 34, initialsBox: 30 };
}

/** US Letter, 0.75 in sides; the bottom margin leaves room for the footer (3 lines in large print, 2 otherwise). */
export function pageMargins(largePrint: boolean): [number, number, number, number] {
  return largePrint ? [44, 40, 44, 110] : [60, 50, 60, 72];
}

export function packetStyles(sizes: PacketSizes): Pick<TDocumentDefinitions, 'defaultStyle' | 'styles'> {
  const styles: Record<string, StyleProps> = {
    title: { fontSize: sizes.title, bold: true, color: colors.accent, lineHeight: 1.1, margin: [0, 0, 0, sizes.gap] },
    subtitle: { fontSize: sizes.h3, color: colors.muted, margin: [0, 0, 0, sizes.gap] },
    h1: { fontSize: sizes.h1, bold: true, color: colors.accent, lineHeight: 1.15, margin: [0, 0, 0, sizes.gap] },
    h2: { fontSize: sizes.h2, bold: true, color: colors.accent, lineHeight: 1.15, margin: [0, sizes.gap * 1.5, 0, sizes.gap * 0.6] },
    h3: { fontSize: sizes.h3, bold: true, color: colors.text, lineHeight: 1.15, margin: [0, sizes.gap, 0, sizes.gap * 0.4] },
    body: { fontSize: sizes.body, lineHeight: sizes.lineHeight, margin: [0, 0, 0, sizes.gap] },
    label: { fontSize: sizes.body, bold: true },
    muted: { color: colors.muted },
    small: { fontSize: sizes.small, color: colors.muted },
    tableHeader: { fontSize: sizes.body, bold: true, color: colors.text },
    tableCell: { fontSize: sizes.body, lineHeight: sizes.cellLineHeight },
    total: { fontSize: sizes.body, bold: true },
    letterhead: { fontSize: sizes.h2, bold: true, color: colors.accent },
    notice: { fontSize: sizes.body, lineHeight: sizes.lineHeight, bold: true },
    footer: { fontSize: sizes.small, color: colors.muted },
    headline: { fontSize: sizes.headline, bold: true, color: colors.accent, lineHeight: 1.15 },
  };
  return {
    defaultStyle: { font: PACKET_FONT, fontSize: sizes.body, lineHeight: sizes.lineHeight, color: colors.text },
    styles,
  };
}
