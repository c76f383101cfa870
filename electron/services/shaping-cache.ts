/**
 * OpenType shaping shared across packets. PDFKit shapes each word once per document: its
 * layoutCache lives on the document's font object, so every packet shaped the same few
 * thousand words of the template again (about a quarter of a warm build). The parsed fontkit
 * font is already shared across documents (font-cache.ts), and PDFKit's scale for a font
 * depends on that font alone, so a word's laid-out run (glyphs and positions, already scaled,
 * exactly what PDFKit's own cache keeps) serves every document: PDFKit's `layoutCached` is
 * given one cache per shared font instead of one per document. Runs are only read after they
 * are made (PDFKit's own cache already hands the same run out again within a document), so the
 * PDF bytes are the same with or without this (test: shaping-cache.test.ts).
 *
 * Bounded: at most `limit` runs across all fonts (default 20,000, a few MB); past it the run
 * used longest ago goes first. Only the fonts the packet renderer registers share their runs,
 * so a benchmark's plain PDFKit floor, with its own font buffers, keeps PDFKit's behaviour.
 */

/** The part of PDFKit's EmbeddedFont this patches. */
interface EmbeddedFont {
  font: object;
  layoutCache?: Record<string, unknown>;
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
}

/** The part of PDFKit's document class used to reach EmbeddedFont. */
type PdfKitDocument = new (options: { autoFirstPage: boolean }) => { font(source: Uint8Array): { _font?: unknown } };

export const DEFAULT_SHAPING_CACHE_LIMIT = 20_000;

let limit = DEFAULT_SHAPING_CACHE_LIMIT;
/** Every shared run by font and text; one Map, in use order (a hit moves to the end). */
const runs = new Map<string, unknown>();
const fontKeys = new WeakMap<object, string>();
let nextFontId = 0;
let hits = 0;
let misses = 0;
let installed = false;
const registered = new WeakSet<Uint8Array>();

/** The font file bytes whose parsed fonts share their shaping (the packet renderer's). */
export function shareShapingFor(buffer: Uint8Array): void {
  registered.add(buffer);
}

/** Called by font-cache.ts for each font it parses: a font from registered bytes shares its runs. */
export function noteParsedFont(font: object, buffer: Uint8Array): void {
  if (registered.has(buffer) && !fontKeys.has(font)) fontKeys.set(font, `${nextFontId++}\u0000`);
}

/** At most `next` runs kept; 0 turns the sharing off (and empties it). For tests and the benchmark. */
export function setShapingCacheLimit(next: number): void {
  limit = Math.max(0, Math.floor(next));
  while (runs.size > limit) runs.delete(runs.keys().next().value as string);
}

/** Runs kept now, and since start how many layouts were answered from them and how many shaped. */
export function shapingCacheStats(): { installed: boolean; size: number; hits: number; misses: number } {
  return { installed, size: runs.size, hits, misses };
}

/**
 * Patch PDFKit's EmbeddedFont (reached through a throwaway document opening `fontBytes`, a
 * registered font) once. Returns whether the sharing is in place; if PDFKit changed shape,
 * nothing is patched and packets are made as before, only slower.
 */
export function installSharedShaping(PDFDocument: PdfKitDocument, fontBytes: Uint8Array): boolean {
  if (installed) return true;
  try {
    const probe = new PDFDocument({ autoFirstPage: false }).font(fontBytes)._font;
    const proto = probe === undefined || probe === null ? null : (Object.getPrototypeOf(probe) as Partial<EmbeddedFont> | null);
    if (proto === null || typeof proto.layoutCached !== 'function' || typeof proto.layoutRun !== 'function') return false;
    const own = proto.layoutCached;
    proto.layoutCached = function shared(this: EmbeddedFont, text: string): unknown {
      const fontKey = fontKeys.get(this.font);
      // As PDFKit does: no cache when the document turned it off.
      if (limit === 0 || fontKey === undefined || this.layoutCache === undefined) return own.call(this, text);
      const key = fontKey + text;
      const hit = runs.get(key);
      if (hit !== undefined) {
        hits += 1;
        runs.delete(key);
        runs.set(key, hit);
        return hit;
      }
      misses += 1;
      const run = this.layoutRun(text);
      runs.set(key, run);
      if (runs.size > limit) runs.delete(runs.keys().next().value as string);
      return run;
    };
    installed = true;
    return true;
  } catch {
    return false;
  }
}
