/**
 * The shipped fonts (resources/fonts) and which characters each prints, for the fallback
 * runs of core/packet/font-runs.ts (issue 11). Roboto is the packet font and has Latin,
 * Greek and Cyrillic; the fallbacks print the scripts it lacks. Each file is read once and
 * its character set is read with fontkit (PDFKit's own copy, after the parsed-font cache is
 * in place, so a font parsed here is not parsed again for a PDF) the first time a character
 * Roboto lacks asks for it: a packet in Roboto alone never parses a fallback font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FontFiles } from 'pdfmake';
import { unprintableCharacters, type FontCoverage } from '../../core/packet/font-runs';
import { PACKET_FONT } from '../../core/packet/styles';
import { shareParsedFonts } from './font-cache';
import { shareShapingFor } from './shaping-cache';

/** The packet font's files, by pdfmake style (Medium stands in for bold); all four have the same characters. */
export const FONT_FILES: FontFiles = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};

/**
 * Fallbacks, in order of preference, one Regular file each (bold and italic text in these
 * scripts prints in the same file: a few MB of fonts instead of four times that).
 */
export const FALLBACK_FONTS = [
  { family: 'NotoSansArabicUI', file: 'NotoSansArabicUI-Regular.ttf', scripts: 'Arabic' },
  { family: 'NotoSansHebrew', file: 'NotoSansHebrew-Regular.ttf', scripts: 'Hebrew' },
  { family: 'DroidSansFallback', file: 'DroidSansFallback.ttf', scripts: 'Chinese, Japanese, Korean' },
] as const;

interface ParsedFont {
  characterSet: number[];
}

type Fontkit = { create(buffer: Uint8Array): ParsedFont };

let fontkit: Fontkit | null = null;

/** PDFKit's fontkit (the one the parsed-font cache is installed on), loaded on first use. */
function pdfkitFontkit(): Fontkit {
  if (fontkit === null) {
    shareParsedFonts();
    const require = createRequire(import.meta.url);
    const pdfkitMain = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
    fontkit = require(createRequire(pdfkitMain).resolve('fontkit')) as Fontkit;
  }
  return fontkit;
}

/** The code points a font file has a glyph for. */
export function characterSetOf(font: Uint8Array): Set<number> {
  return new Set(pdfkitFontkit().create(font).characterSet);
}

export interface ShippedFonts {
  /** Every family for pdfmake.setFonts, naming files by their name in `fontsDir`. */
  families: Record<string, FontFiles>;
  /** A font file's bytes, read once (the same buffer each time, so its parse is shared). */
  bytes(file: string): Buffer;
  coverage: FontCoverage;
  /** The characters of `text` no shipped font prints (an emoji), each once, in order. */
  unprintableCharacters(text: string): string[];
}

export function loadShippedFonts(fontsDir: string): ShippedFonts {
  const files = new Map<string, Buffer>();
  const bytes = (file: string): Buffer => {
    let buffer = files.get(file);
    if (buffer === undefined) {
      buffer = readFileSync(join(fontsDir, file));
      shareShapingFor(buffer);
      files.set(file, buffer);
    }
    return buffer;
  };
  const characterSet = (file: string): ((codePoint: number) => boolean) => {
    let set: Set<number> | null = null;
    return (codePoint) => (set ??= characterSetOf(bytes(file))).has(codePoint);
  };
  const coverage: FontCoverage = {
    primary: PACKET_FONT,
    primaryHas: characterSet(FONT_FILES.normal),
    fallbacks: FALLBACK_FONTS.map(({ family, file }) => ({ family, has: characterSet(file) })),
  };
  const families: Record<string, FontFiles> = { [PACKET_FONT]: FONT_FILES };
  for (const { family, file } of FALLBACK_FONTS) families[family] = { normal: file, bold: file, italics: file, bolditalics: file };
  return { families, bytes, coverage, unprintableCharacters: (text) => unprintableCharacters(text, coverage) };
}
