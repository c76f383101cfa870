/**
 * Type sizes and styles for the packet. Normal print is 12 pt body for older readers;
 * large print is 18 pt body or more (American Council of the Blind), headings bigger,
 * generous line height. Everything sans-serif (Roboto, shipped in resources/fonts).
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
    ? { body: 18, small: 16, h1: 28, h2: 23, h3: 20, title: 28, lineHeight: 1.35, gap: 12, labelWidth: 230, signatureRoom: 40, initialsBox: 40 }
    : { body: 12, small: 10, h1: 22, h2: 16, h3: 13.5, title: 26, lineHeight: 1.3, gap: 8, labelWidth: 170, signatureRoom: 34, initialsBox: 30 };
}

/** US Letter, 0.75 in sides; the bottom margin leaves room for the footer. */
export function pageMargins(largePrint: boolean): [number, number, number, number] {
  return largePrint ? [44, 44, 44, 78] : [60, 54, 60, 66];
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
    tableCell: { fontSize: sizes.body, lineHeight: 1.15 },
    total: { fontSize: sizes.body, bold: true },
    letterhead: { fontSize: sizes.h2, bold: true, color: colors.accent },
    notice: { fontSize: sizes.body, lineHeight: sizes.lineHeight, bold: true },
    footer: { fontSize: sizes.small, color: colors.muted },
  };
  return {
    defaultStyle: { font: PACKET_FONT, fontSize: sizes.body, lineHeight: sizes.lineHeight, color: colors.text },
    styles,
  };
}
