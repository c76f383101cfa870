/**
 * PDFKit parses every embedded font file again for each document (fontkit.create), about a
 * third of a packet's build time. This gives PDFKit a fontkit whose create() keeps the
 * parsed font for the same font buffer (pdfmake hands over the same buffer each time), so
 * every packet after the first skips the parsing. Subsets are still made per document, so
 * the PDFs are byte-for-byte the same. The fonts it hands out also lay right-to-left
 * ligatures out so PDF readers read them back in the typed order (readableRtl, below).
 * The packet renderer's fonts also keep their shaping across documents (shaping-cache.ts).
 * Must run before PDFKit is first loaded; if it is too late, or the packages moved,
 * nothing changes but speed and how an Arabic ligature reads back.
 */
import { createRequire } from 'node:module';
import { noteParsedFont } from './shaping-cache';

type FontkitModule = { create: (buffer: Uint8Array, postscriptName?: string) => unknown } & Record<string, unknown>;

interface LaidOutGlyph {
  codePoints: number[];
}
interface GlyphRun {
  direction: string;
  glyphs: LaidOutGlyph[];
}
type LayingOut = { layout?: (...args: unknown[]) => GlyphRun };

/**
 * fontkit lays a right-to-left run out in display order (its glyphs reversed), and PDF
 * readers (poppler, pdf.js, pdfminer) read it back by reversing it character by character.
 * A ligature glyph stands for several letters (lam-alef "لا" for lam then alef), which that
 * reversal would swap; so in a right-to-left run a ligature's letters are given in reverse,
 * and the run then reads as the exact reverse of the typed text. Glyphs are shared, so the
 * ligature gets a copy with the reversed letters.
 */
function readableRtl(run: GlyphRun): GlyphRun {
  if (run.direction !== 'rtl' || !run.glyphs.some((g) => g.codePoints.length > 1)) return run;
  run.glyphs = run.glyphs.map((glyph) =>
    glyph.codePoints.length > 1 ? (Object.create(glyph, { codePoints: { value: [...glyph.codePoints].reverse() } }) as LaidOutGlyph) : glyph,
  );
  return run;
}

let installed = false;

/** Returns whether the cache is in place. */
export function shareParsedFonts(): boolean {
  if (installed) return true;
  try {
    const require = createRequire(import.meta.url);
    const pdfkitMain = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
    if (require.cache[pdfkitMain]) return false;
    const fontkitMain = createRequire(pdfkitMain).resolve('fontkit');
    const fontkit = require(fontkitMain) as FontkitModule;
    const cached = require.cache[fontkitMain];
    if (!cached) return false;
    const parsed = new WeakMap<Uint8Array, Map<string, unknown>>();
    const create = (buffer: Uint8Array, postscriptName?: string): unknown => {
      let byName = parsed.get(buffer);
      if (!byName) {
        byName = new Map();
        parsed.set(buffer, byName);
      }
      const key = postscriptName ?? '';
      if (!byName.has(key)) {
        const font = fontkit.create(buffer, postscriptName) as LayingOut;
        const layout = font.layout?.bind(font);
        if (layout) font.layout = (...args: unknown[]) => readableRtl(layout(...args));
        noteParsedFont(font, buffer);
        byName.set(key, font);
      }
      return byName.get(key);
    };
    cached.exports = { ...fontkit, create };
    installed = true;
    return true;
  } catch {
    return false;
  }
}
