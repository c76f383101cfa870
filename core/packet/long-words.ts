/**
 * Long unbroken words wrap: a 100-letter name with no space, a long member ID or a clinic
 * address typed without spaces would otherwise run off the page. pdfmake sizes a table column
 * by its widest word and breaks lines only between words, so such a word widens its cell past
 * the margin and is cut off. pdfmake 0.3's `wordBreak: 'break-all'` lets a run break between
 * any two characters; it is set on each word of LONG_WORD characters or more (nothing is added
 * to the text: the PDF's text extracts and copies exactly as typed). Shorter words, and the
 * places a line already breaks (spaces, hyphens, slashes), are left as they are, so ordinary
 * text, and email and web addresses of ordinary length, wrap as before.
 *
 * Words pdfmake must shape as one run are left whole: right-to-left words (core/packet/font-runs.ts
 * puts them in display order word by word), combining marks, and characters outside the basic
 * plane (break-all splits UTF-16 code units). Pure.
 */
import type { Inline } from './pdfmake-types';
import { mapDocumentText, type InlineProps, type WalkedDocument } from './text-walk';

/** Words this long (in characters) may break anywhere: no shorter word can widen a packet cell past its page. */
export const LONG_WORD = 20;

/** A run with no place pdfmake would break a line: no space, hyphen, dash or slash. */
const UNBROKEN = new RegExp(`[^\\s\\-/\\u2010-\\u2015]{${LONG_WORD},}`, 'gu');
/**
 * An email or web address of up to ADDRESS_WORD characters is left whole even so: it fits every
 * packet cell, and pdfmake moves it to the next line whole; broken, it would read as two words.
 */
const ADDRESS = /@|:\/\/|^www\./i;
const ADDRESS_WORD = 40;
/** Characters that must stay in one shaped run. */
const SHAPED = /[\p{M}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\u{10000}-\u{10FFFF}]/u;

const run = (text: string, props: InlineProps | undefined, extra: InlineProps = {}): Inline =>
  props === undefined && Object.keys(extra).length === 0 ? text : { ...props, ...extra, text };

/** `text` as runs in which each long unbroken word may break anywhere; null when it has none. */
export function breakLongWords(text: string, props: InlineProps | undefined): Inline[] | null {
  if (text.length < LONG_WORD) return null;
  let runs: Inline[] | null = null;
  let last = 0;
  for (const match of text.matchAll(UNBROKEN)) {
    if (SHAPED.test(match[0]) || (ADDRESS.test(match[0]) && match[0].length <= ADDRESS_WORD)) continue;
    runs ??= [];
    if (match.index > last) runs.push(run(text.slice(last, match.index), props));
    runs.push(run(match[0], props, { wordBreak: 'break-all' }));
    last = match.index + match[0].length;
  }
  if (runs === null) return null;
  if (last < text.length) runs.push(run(text.slice(last), props));
  return runs;
}

/** `doc` with every long unbroken word allowed to break (the same object when it has none). */
export function wrapLongWords<D extends WalkedDocument>(doc: D): D {
  return mapDocumentText(doc, breakLongWords);
}
