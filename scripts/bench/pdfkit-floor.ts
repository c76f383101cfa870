/**
 * The benchmark's "same-document PDFKit floor": the packet's own pdfmake document definition
 * (buildPacketDocument) laid out by hand with raw PDFKit, no pdfmake: the same page size and
 * margins, the same Roboto files, sizes, weights, colours and line spacing, the same tables
 * (widths, padding, rules, fills, repeated header rows), canvas rules and boxes, images, page
 * breaks, blocks kept whole, and every page's footer with "Page X of Y". It does the work a
 * plain PDFKit program for this document does (measure each word once, break lines, break
 * pages, write) and nothing more, so the packet's warm build can be compared with it.
 *
 * What the packet does not use is left out: lists (ul), fallback fonts for Arabic, Hebrew and
 * CJK runs, text decoration, string table layouts. Output is deterministic: the creation date is
 * the definition's, else a fixed one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type PDFKit from 'pdfkit';
import type { TDocumentDefinitions } from '../../core/packet/pdfmake-types';
import { drawAll, layoutNode, type FloorContext, type Slice } from './pdfkit-floor-layout';
import { layoutTable } from './pdfkit-floor-table';
import { withProps, type Look } from './pdfkit-floor-text';

/** The four Roboto files as the floor's own buffers (never the real build's: a cache keyed on those must not help the floor). */
export interface FloorFonts {
  regular: Buffer;
  medium: Buffer;
  italic: Buffer;
  mediumItalic: Buffer;
}

export function loadFloorFonts(fontsDir: string): FloorFonts {
  const read = (file: string): Buffer => readFileSync(join(fontsDir, file));
  return { regular: read('Roboto-Regular.ttf'), medium: read('Roboto-Medium.ttf'), italic: read('Roboto-Italic.ttf'), mediumItalic: read('Roboto-MediumItalic.ttf') };
}

const PAGE_SIZES = { LETTER: [612, 792], A4: [595.28, 841.89] } as const;

/** When the definition has no creation date: noon UTC, 1 January 2000. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 12));

function baseLook(doc: TDocumentDefinitions): Look {
  const start: Look = { fontSize: 12, bold: false, italics: false, color: 'black', lineHeight: 1, alignment: 'left', noWrap: false, wordBreak: 'normal', characterSpacing: 0 };
  return doc.defaultStyle === undefined ? start : withProps(start, doc.defaultStyle);
}

function pdfInfo(doc: TDocumentDefinitions): Record<string, string | Date> {
  const info = doc.info ?? {};
  const created = info.creationDate ?? FIXED_DATE;
  const out: Record<string, string | Date> = { CreationDate: created, ModDate: info.modDate ?? created };
  const names = { title: 'Title', author: 'Author', subject: 'Subject', keywords: 'Keywords', creator: 'Creator', producer: 'Producer' } as const;
  for (const [key, name] of Object.entries(names)) {
    const value = info[key as keyof typeof names];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * Places slices page after page in the text area: a slice that does not fit starts a new page
 * (its table's header rows first); a margin that does not fit ends the page and is dropped; a
 * forced break starts a new page before whatever comes next.
 */
function paginate(pdf: PDFKit, slices: readonly Slice[], area: { x: number; top: number; bottom: number }): void {
  let y = area.top;
  let breakPending = false;
  let freshPage = true;
  const newPage = (): void => {
    pdf.addPage();
    y = area.top;
    breakPending = false;
    freshPage = true;
  };
  for (const slice of slices) {
    if (slice.kind === 'break') {
      breakPending = true;
      continue;
    }
    if (breakPending) newPage();
    if (slice.kind === 'space') {
      if (y + slice.height > area.bottom) {
        breakPending = true;
        continue;
      }
    } else if (y + slice.height > area.bottom && y > area.top) {
      newPage();
    }
    if (freshPage && slice.repeat !== undefined && slice.kind === 'block') {
      drawAll(slice.repeat, area.x, y);
      for (const row of slice.repeat) y += row.height;
    }
    slice.draw?.(area.x, y);
    y += slice.height;
    if (slice.kind === 'block') freshPage = false;
  }
}

export function renderFloor(PDFDocument: typeof PDFKit, doc: TDocumentDefinitions, fonts: FloorFonts): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const [width, height] = PAGE_SIZES[doc.pageSize ?? 'LETTER'];
    const [left, top, right, bottom] = doc.pageMargins ?? [40, 40, 40, 40];
    const pdf = new PDFDocument({
      size: doc.pageSize ?? 'LETTER',
      margins: { top, bottom, left, right },
      bufferPages: true,
      info: pdfInfo(doc),
      ...(doc.language === undefined ? {} : { lang: doc.language }),
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    try {
      pdf.registerFont('R', fonts.regular).registerFont('M', fonts.medium).registerFont('I', fonts.italic).registerFont('MI', fonts.mediumItalic);
      const ctx: FloorContext = {
        doc: pdf,
        styles: doc.styles ?? {},
        images: doc.images ?? {},
        pageRoom: height - top - bottom,
        table: layoutTable,
        measured: new WeakMap(),
      };
      const look = baseLook(doc);
      const slices = doc.content.flatMap((node) => layoutNode(ctx, node, width - left - right, look));
      paginate(pdf, slices, { x: left, top, bottom: height - bottom });
      if (doc.footer !== undefined) {
        const { start, count } = pdf.bufferedPageRange();
        for (let page = start; page < start + count; page += 1) {
          pdf.switchToPage(page);
          drawAll(layoutNode(ctx, doc.footer(page + 1, count), width, look), 0, height - bottom);
        }
      }
      pdf.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
