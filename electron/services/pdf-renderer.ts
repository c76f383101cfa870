/**
 * Renders a packet document definition to PDF bytes with pdfmake, in plain Node (the main
 * process, the CLI, tests). Fonts come from `fontsDir` (resources/fonts) and are embedded
 * (subsets: only the glyphs a packet uses); text Roboto cannot print is set in the fallback
 * font that has it (core/packet/font-runs.ts, coverage from ./font-coverage). pdfmake may
 * load nothing else: URL and local-file access are refused. Output is deterministic: the
 * creation date is derived from the prepared date and the document ID from the metadata,
 * so the same inputs give the same bytes.
 */
import type { FontFiles, PdfMake } from 'pdfmake';
import { createRequire } from 'node:module';
import { shareParsedFonts } from './font-cache';
import { installSharedShaping } from './shaping-cache';
import { FONT_FILES, loadShippedFonts, type ShippedFonts } from './font-coverage';
import { splitFontRuns } from '../../core/packet/font-runs';
import type { TDocumentDefinitions } from '../../core/packet/pdfmake-types';

export interface PdfRenderer {
  /** `creationDate` is YYYY-MM-DD (the packet's prepared date), stored as noon UTC. */
  render(doc: TDocumentDefinitions, creationDate: string): Promise<Uint8Array>;
  /**
   * The characters of `text` no shipped font prints (an emoji, a script with no font here),
   * each once, in order: they would print as empty boxes, so staff should be told which
   * field holds them before the packet is issued. [] when everything prints.
   */
  unprintableCharacters(text: string): string[];
  /** Loads pdfmake and puts the fonts in its file system (what the first render would do). */
  prepare(): Promise<void>;
}

/** Noon UTC of the given day: the same calendar day in every US time zone. */
export function creationDateOf(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return new Date(Date.UTC(2000, 0, 1, 12));
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}

/**
 * Put every font file into pdfmake's in-memory file system once (keys carry the folder, so
 * two renderers with different folders do not mix) and name the families by those keys.
 * Throws when a font file is missing.
 */
function loadFonts(pdfmake: PdfMake, fontsDir: string, fonts: ShippedFonts): Record<string, FontFiles> {
  const keyed: Record<string, FontFiles> = {};
  for (const [family, files] of Object.entries(fonts.families)) {
    const styles = {} as FontFiles;
    for (const style of Object.keys(files) as (keyof FontFiles)[]) {
      const key = `packet-fonts:${fontsDir}/${files[style]}`;
      if (!pdfmake.virtualfs.existsSync(key)) pdfmake.virtualfs.writeFileSync(key, fonts.bytes(files[style]));
      styles[style] = key;
    }
    keyed[family] = styles;
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

/** PDFKit, the copy pdfmake loads. */
function pdfkitDocumentClass(): Parameters<typeof installSharedShaping>[0] {
  const require = createRequire(import.meta.url);
  return require(createRequire(require.resolve('pdfmake')).resolve('pdfkit')) as Parameters<typeof installSharedShaping>[0];
}

export function createPdfRenderer(fontsDir: string): PdfRenderer {
  const shipped = loadShippedFonts(fontsDir);
  let fonts: Record<string, FontFiles> | null = null;
  const prepared = async (): Promise<[PdfMake, Record<string, FontFiles>]> => {
    const pdfmake = await loadPdfmake();
    if (fonts === null) {
      fonts = loadFonts(pdfmake, fontsDir, shipped);
      // Words shaped once for all packets (shaping-cache.ts); the same bytes either way.
      installSharedShaping(pdfkitDocumentClass(), shipped.bytes(FONT_FILES.normal));
    }
    return [pdfmake, fonts];
  };
  return {
    async prepare() {
      await prepared();
    },
    async render(doc, creationDate) {
      const [pdfmake, fonts] = await prepared();
      // pdfmake is one module-wide instance: set everything on each call, then render.
      pdfmake.setUrlAccessPolicy(() => false);
      pdfmake.setLocalAccessPolicy(() => false);
      pdfmake.setFonts(fonts);
      const date = creationDateOf(creationDate);
      const withDates: TDocumentDefinitions = {
        ...splitFontRuns(doc, shipped.coverage),
        info: { ...doc.info, creationDate: date, modDate: date },
      };
      const buffer = await pdfmake.createPdf(withDates).getBuffer();
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
    unprintableCharacters: (text) => shipped.unprintableCharacters(text),
  };
}
