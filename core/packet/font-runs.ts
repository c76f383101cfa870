/**
 * Characters the packet font cannot print (a name in Arabic, Hebrew or Chinese script), moved
 * to fallback fonts: a pdfmake document definition in, a definition out in which every run
 * holding such characters is split into runs that name a fallback family for them (all other
 * properties kept). Text the primary font prints whole comes back as the same object, so an
 * ordinary packet costs one scan of its text.
 *
 * Right to left: fontkit shapes an Arabic or Hebrew run and reverses its glyphs, so one word
 * shows correctly; but pdfmake lays the words of a line out left to right in the order they
 * are written, so "فاطمة الزهراء" would show its first name on the left (read second) and the
 * space inside the reversed first word. So each right-to-left stretch (from its first to its
 * last right-to-left letter, with the spaces, marks and digits between) is cut into words,
 * spaces and numbers, and those are written in display order. PDF readers (poppler's pdftotext)
 * read a right-to-left stretch back in logical order, so the text extracts as typed (for
 * ligatures see readableRtl in electron/services/font-cache.ts). The order
 * is right when the stretch fits on one line (names, short fields); brackets inside it are not
 * mirrored and Arabic-Indic numbers of more than one digit show reversed.
 *
 * Pure: the fonts' coverage is passed in (electron/services/font-coverage.ts builds it).
 */
import type { Inline } from './pdfmake-types';
import { mapDocumentText, type InlineProps, type WalkedDocument } from './text-walk';

export interface FallbackFont {
  /** The pdfmake font family that prints these characters. */
  family: string;
  has(codePoint: number): boolean;
}

export interface FontCoverage {
  /** The family the document's text is in; text set in any other family is left alone. */
  primary: string;
  primaryHas(codePoint: number): boolean;
  /** In order of preference: a character goes to the first one that has it. */
  fallbacks: readonly FallbackFont[];
}

/** A piece of text in display order; `family` undefined = the font the text already has. */
export interface FontPiece {
  text: string;
  family: string | undefined;
}

type CharClass = 'rtl' | 'ltr' | 'digit' | 'space' | 'break' | 'other';

interface Char {
  text: string;
  /** Index into coverage.fallbacks; -1 = the primary font. */
  font: number;
  cls: CharClass;
}

const PRIMARY = -1;
/** Combining marks and format characters (joiners, variation selectors): they stay with their base. */
const JOINER = /^[\p{M}\p{Cf}]$/u;
const CONTROL = /^\p{Cc}$/u;
const RTL_LETTER = /^[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]$/u;
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const SPACE = /^\s$/u;
const LINE_BREAK = /^[\n\r\u2028\u2029]$/u;
/** Invisible by definition (fontkit hides them): never worth a warning. */
const IGNORABLE = /^[\p{Default_Ignorable_Code_Point}\p{Cc}]$/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function classOf(ch: string): CharClass {
  if (LINE_BREAK.test(ch)) return 'break';
  if (SPACE.test(ch)) return 'space';
  if (DIGIT.test(ch)) return 'digit';
  if (LETTER.test(ch)) return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
  return 'other';
}

function fallbackIndex(coverage: FontCoverage, codePoint: number): number {
  return coverage.fallbacks.findIndex((font) => font.has(codePoint));
}

function fontHas(coverage: FontCoverage, font: number, codePoint: number): boolean {
  return font === PRIMARY ? coverage.primaryHas(codePoint) : (coverage.fallbacks[font]?.has(codePoint) ?? false);
}

/** The fast path: does any character need a fallback font? */
function needsFallback(text: string, coverage: FontCoverage): boolean {
  for (const ch of text) {
    const codePoint = ch.codePointAt(0) ?? 0;
    if (coverage.primaryHas(codePoint) || JOINER.test(ch) || CONTROL.test(ch)) continue;
    if (fallbackIndex(coverage, codePoint) !== PRIMARY) return true;
  }
  return false;
}

/**
 * Each character's font: the primary when it has it, else the first fallback that has it;
 * marks and format characters go with the character before them, controls stay primary,
 * and a character no font has stays in the font of the one before (one run, one box).
 */
function assignFonts(text: string, coverage: FontCoverage): Char[] {
  const chars: Char[] = [];
  let prev: Char | undefined;
  for (const ch of text) {
    const codePoint = ch.codePointAt(0) ?? 0;
    let char: Char;
    if (prev && JOINER.test(ch)) char = { text: ch, font: prev.font, cls: prev.cls };
    else {
      const cls = classOf(ch);
      let font = PRIMARY;
      if (!CONTROL.test(ch) && !coverage.primaryHas(codePoint)) {
        font = fallbackIndex(coverage, codePoint);
        if (font === PRIMARY && prev) font = prev.font;
      }
      char = { text: ch, font, cls };
    }
    chars.push(char);
    prev = char;
  }
  return chars;
}

function familyOf(coverage: FontCoverage, font: number): string | undefined {
  return font === PRIMARY ? undefined : coverage.fallbacks[font]?.family;
}

/** `fixed`: a word, space or number of a right-to-left stretch, never merged with a neighbour. */
type Run = FontPiece & { fixed: boolean };

/** Consecutive characters in the same font, in writing order. */
function runsOf(chars: readonly Char[], coverage: FontCoverage, into: Run[]): void {
  for (const char of chars) {
    const family = familyOf(coverage, char.font);
    const last = into[into.length - 1];
    if (last && !last.fixed && last.family === family) last.text += char.text;
    else into.push({ text: char.text, family, fixed: false });
  }
}

/**
 * The words, spaces and numbers of a right-to-left stretch, last first. fontkit reverses the
 * glyphs of each right-to-left word, so each is written as typed; a number stays left to
 * right; a punctuation mark in the primary font is a piece of its own.
 */
function displayOrder(chars: readonly Char[], coverage: FontCoverage, into: Run[]): void {
  const tokens: Run[] = [];
  let last: { font: number; group: string } | undefined;
  for (const char of chars) {
    const group = char.cls === 'space' || char.cls === 'digit' ? char.cls : char.font === PRIMARY ? 'single' : 'word';
    const current = tokens[tokens.length - 1];
    const joins = current !== undefined && JOINER.test(char.text);
    const sameToken = joins || (last !== undefined && last.font === char.font && last.group === group && group !== 'single');
    if (current && sameToken) current.text += char.text;
    else tokens.push({ text: char.text, family: familyOf(coverage, char.font), fixed: true });
    if (!joins) last = { font: char.font, group };
  }
  into.push(...tokens.reverse());
}

/** The pieces of one string in display order, or null when the primary font prints it all. */
export function splitText(text: string, coverage: FontCoverage): FontPiece[] | null {
  if (!needsFallback(text, coverage)) return null;
  const chars = assignFonts(text, coverage);
  const pieces: Run[] = [];
  let i = 0;
  while (i < chars.length) {
    // Left to right up to the next right-to-left letter...
    let start = i;
    while (i < chars.length && chars[i]?.cls !== 'rtl') i++;
    runsOf(chars.slice(start, i), coverage, pieces);
    if (i >= chars.length) break;
    // ...then the stretch up to its last right-to-left letter before a left-to-right one.
    start = i;
    let end = i;
    while (i < chars.length && chars[i]?.cls !== 'ltr' && chars[i]?.cls !== 'break') {
      if (chars[i]?.cls === 'rtl') end = i;
      i++;
    }
    displayOrder(chars.slice(start, end + 1), coverage, pieces);
    i = end + 1;
  }
  return pieces.map(({ text, family }) => ({ text, family }));
}

/**
 * What of `text` no shipped font prints (an emoji, a script without a font): each such
 * character as the user sees it (a grapheme: an emoji with its skin tone, a letter with its
 * marks), once, in order. Invisible characters (joiners, variation selectors, controls)
 * never count on their own.
 */
export function unprintableCharacters(text: string, coverage: FontCoverage): string[] {
  if (!needsCheck(text, coverage)) return [];
  const missing = new Set<number>();
  let offset = 0;
  for (const char of assignFonts(text, coverage)) {
    if (!IGNORABLE.test(char.text) && !fontHas(coverage, char.font, char.text.codePointAt(0) ?? 0)) missing.add(offset);
    offset += char.text.length;
  }
  const found = new Set<string>();
  for (const { segment, index } of graphemes.segment(text)) {
    for (let at = index; at < index + segment.length; at++) {
      if (missing.has(at)) {
        found.add(segment);
        break;
      }
    }
  }
  return [...found];
}

/** Any character the primary font lacks that is not invisible? */
function needsCheck(text: string, coverage: FontCoverage): boolean {
  for (const ch of text) {
    if (!coverage.primaryHas(ch.codePointAt(0) ?? 0) && !IGNORABLE.test(ch)) return true;
  }
  return false;
}

/** Inline objects may carry styles (bold, color, a style name): each piece keeps them. */
function piecesAsInlines(pieces: readonly FontPiece[], props: InlineProps | undefined): Inline[] {
  return pieces.map(({ text, family }) => {
    if (family === undefined) return props === undefined ? text : { ...props, text };
    return { ...props, text, font: family };
  });
}

/**
 * `doc` with every run of characters the primary font lacks set in the fallback that has them
 * (and right-to-left stretches in display order). Unchanged parts are the same objects; a
 * header or footer function is wrapped so what it returns per page is split too.
 */
export function splitFontRuns<D extends WalkedDocument>(doc: D, coverage: FontCoverage): D {
  return mapDocumentText(doc, (text, props, font) => {
    const pieces = font === coverage.primary ? splitText(text, coverage) : null;
    return pieces ? piecesAsInlines(pieces, props) : null;
  });
}
