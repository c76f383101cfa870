/**
 * Renders a packet document definition to PDF bytes with pdfmake, in plain Node (the main
 * process, the CLI, tests). Fonts come from `fontsDir` (resources/fonts) and are embedded;
 * pdfmake may load nothing else: URL and local-file access are refused. Output is
 * deterministic: the creation date is derived from the prepared date and the document ID
 * from the metadata, so the same inputs give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontFiles, PdfMake } from 'pdfmake';
import { shareParsedFonts } from './font-cache';
import type { TDocumentDefinitions } from '../../core/packet/pdfmake-types';
import { PACKET_FONT } from '../../core/packet/styles';

/** The shipped font files, by pdfmake style (Medium stands in for bold). */
export const FONT_FILES: FontFiles = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};

export interface PdfRenderer {
  /** `creationDate` is YYYY-MM-DD (the packet's prepared date), stored as noon UTC. */
  render(doc: TDocumentDefinitions, creationDate: string): Promise<Uint8Array>;
}

/** Noon UTC of the given day: the same calendar day in every US time zone. */
export function creationDateOf(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return new Date(Date.UTC(2000, 0, 1, 12));
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}

/**
 * Read the fonts once into pdfmake's in-memory file system (keys carry the folder, so two
 * renderers with different folders do not mix). Throws when a font file is missing.
 */
function loadFonts(pdfmake: PdfMake, fontsDir: string): FontFiles {
  const keyed = {} as FontFiles;
  for (const style of Object.keys(FONT_FILES) as (keyof FontFiles)[]) {
    const key = `packet-fonts:${fontsDir}/${FONT_FILES[style]}`;
    if (!pdfmake.virtualfs.existsSync(key)) {
      pdfmake.virtualfs.writeFileSync(key, readFileSync(join(fontsDir, FONT_FILES[style])));
    }
    keyed[style] = key;
  }
  return keyed;
}

let pdfmakeModule: Promise<PdfMake> | null = null;

/** pdfmake (and PDFKit under it) is loaded on first use, after the font cache is in place. */
function loadPdfmake(): Promise<PdfMake> {
  pdfmakeModule ??= (() => {
    shareParsedFonts();
    return import('pdfmake').then((module) => module.default);
  })();
  return pdfmakeModule;
}

export function createPdfRenderer(fontsDir: string): PdfRenderer {
  let fonts: FontFiles | null = null;
  return {
    async render(doc, creationDate) {
      const pdfmake = await loadPdfmake();
      fonts ??= loadFonts(pdfmake, fontsDir);
      // pdfmake is one module-wide instance: set everything on each call, then render.
      pdfmake.setUrlAccessPolicy(() => false);
      pdfmake.setLocalAccessPolicy(() => false);
      pdfmake.setFonts({ [PACKET_FONT]: { ...fonts } });
      const date = creationDateOf(creationDate);
      const withDates: TDocumentDefinitions = {
        ...doc,
        info: { ...doc.info, creationDate: date, modDate: date },
      };
      const buffer = await pdfmake.createPdf(withDates).getBuffer();
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  };
}
