/**
 * PDFKit parses every embedded font file again for each document (fontkit.create), about a
 * third of a packet's build time. This gives PDFKit a fontkit whose create() keeps the
 * parsed font for the same font buffer (pdfmake hands over the same buffer each time), so
 * every packet after the first skips the parsing. Subsets are still made per document, so
 * the PDFs are byte-for-byte the same. Must run before PDFKit is first loaded; if it is
 * too late, or the packages moved, nothing changes but speed.
 */
import { createRequire } from 'node:module';

type FontkitModule = { create: (buffer: Uint8Array, postscriptName?: string) => unknown } & Record<string, unknown>;

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
      if (!byName.has(key)) byName.set(key, fontkit.create(buffer, postscriptName));
      return byName.get(key);
    };
    cached.exports = { ...fontkit, create };
    installed = true;
    return true;
  } catch {
    return false;
  }
}
