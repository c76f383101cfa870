/**
 * OpenType shaping shared across packets. PDFKit shapes each word once per document (its
 * layoutCache lives on the document's font object), so every packet shapes the same few
 * thousand words of the template again: about a quarter of a warm build. The parsed fontkit
 * font is already shared across documents (font-cache.ts), so its layout() can keep what it
 * worked out for a word: this wraps layout() to return, for text it has shaped before, the
 * same glyphs with fresh copies of their positions (PDFKit scales positions in place, so a
 * cached run is never handed out itself). The glyphs and numbers are the ones fontkit gives,
 * so the PDF bytes are the same with or without the cache (test: shaping-cache.test.ts).
 *
 * Bounded: at most `limit` runs across all fonts (default 20,000, a few MB); past it the run
 * used longest ago goes first. Only the fonts the packet renderer registers are cached, so a
 * benchmark's plain PDFKit floor, with its own font buffers, keeps PDFKit's own behaviour.
 */

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The part of a fontkit GlyphRun PDFKit reads (glyphs, positions, and advanceWidth, a getter over positions). */
interface Run {
  positions: Position[];
}


export const DEFAULT_SHAPING_CACHE_LIMIT = 20_000;

let limit = DEFAULT_SHAPING_CACHE_LIMIT;
/** Every cached run by font and text; one Map, in use order (a hit moves to the end). */
const runs = new Map<string, object>();
const fontIds = new WeakMap<object, number>();
let nextFontId = 0;
let hits = 0;
let misses = 0;
const registered = new WeakSet<Uint8Array>();

/** The font file bytes whose parsed fonts share their shaping (the packet renderer's). */
export function shareShapingFor(buffer: Uint8Array): void {
  registered.add(buffer);
}

export function sharesShaping(buffer: Uint8Array): boolean {
  return registered.has(buffer);
}

/** At most `runs` words kept; 0 turns the cache off (and empties it). For tests and the benchmark. */
export function setShapingCacheLimit(next: number): void {
  limit = Math.max(0, Math.floor(next));
  while (runs.size > limit) runs.delete(runs.keys().next().value as string);
}

/** Runs kept now, and since start how many layouts were answered from the cache and how many shaped. */
export function shapingCacheStats(): { size: number; hits: number; misses: number } {
  return { size: runs.size, hits, misses };
}

/** A copy PDFKit may scale: the cached run's glyphs and other fields, its own position objects. */
function copyOf<R extends object>(run: R): R {
  const positions = (run as unknown as Run).positions.map((p) => ({ ...p }));
  return Object.create(run, { positions: { value: positions, writable: true, enumerable: true } }) as R;
}

/** `layout` with runs shared across documents; only plain calls (text, no features) are cached. */
export function cachedLayout<R extends object>(font: object, layout: (...args: unknown[]) => R): (...args: unknown[]) => R {
  let id = fontIds.get(font);
  if (id === undefined) {
    id = nextFontId++;
    fontIds.set(font, id);
  }
  const prefix = `${id}\u0000`;
  return (...args: unknown[]) => {
    const [text, features] = args;
    if (limit === 0 || typeof text !== 'string' || features != null || args.length > 2) return layout(...args);
    const key = prefix + text;
    const hit = runs.get(key) as R | undefined;
    if (hit !== undefined) {
      hits += 1;
      runs.delete(key);
      runs.set(key, hit);
      return copyOf(hit);
    }
    misses += 1;
    const run = layout(...args);
    // Kept before PDFKit scales it: the copy goes out, this one stays as fontkit made it.
    runs.set(key, run);
    if (runs.size > limit) runs.delete(runs.keys().next().value as string);
    return copyOf(run);
  };
}
