/**
 * Text for the benchmark's raw PDFKit floor (pdfkit-floor.ts): styles as pdfmake inherits them,
 * and paragraphs of styled runs measured word by word with PDFKit, broken into lines where
 * PDFKit's own line breaker (the `linebreak` package, UAX #14) allows, and written a line at a
 * time with doc.text (one call per run on a line).
 */
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import type { Alignment, Inline, StyleProps } from '../../core/packet/pdfmake-types';

/** The style properties a node passes down to what it holds (pdfmake's style stack). */
export interface Look {
  fontSize: number;
  bold: boolean;
  italics: boolean;
  color: string;
  lineHeight: number;
  alignment: Alignment;
  noWrap: boolean;
  wordBreak: 'normal' | 'break-all';
  characterSpacing: number;
}

export type Styled = StyleProps & { style?: string | string[] | undefined };

export function withProps(look: Look, p: StyleProps): Look {
  return {
    fontSize: p.fontSize ?? look.fontSize,
    bold: p.bold ?? look.bold,
    italics: p.italics ?? look.italics,
    color: p.color ?? look.color,
    lineHeight: p.lineHeight ?? look.lineHeight,
    alignment: p.alignment ?? look.alignment,
    noWrap: p.noWrap ?? look.noWrap,
    wordBreak: p.wordBreak ?? look.wordBreak,
    characterSpacing: p.characterSpacing ?? look.characterSpacing,
  };
}

export function styleNames(node: Styled): readonly string[] {
  return node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style];
}

/** A node's look: its parent's, then its named styles in order, then its own properties. */
export function lookOf(styles: Record<string, StyleProps>, parent: Look, node: Styled): Look {
  let look = parent;
  for (const name of styleNames(node)) {
    const style = styles[name];
    if (style !== undefined) look = withProps(look, style);
  }
  return withProps(look, node);
}

/** The Roboto file for a look (Medium is the bold, as in the packet's pdfmake fonts). */
export function fontName(look: Look): string {
  return look.bold ? (look.italics ? 'MI' : 'M') : look.italics ? 'I' : 'R';
}

/** All four Roboto files: ascender 1900, descender 500, 2048 units an em (PDFKit's currentLineHeight is size x LINE_BOX). */
const LINE_BOX = 2400 / 2048;
const ASCENT = 1900 / 2048;

interface LineBreak {
  position: number;
  required: boolean;
}
type LineBreakerClass = new (text: string) => { nextBreak(): LineBreak | null };

// PDFKit's own copy of the line breaker (a dependency of pdfkit, not of this project).
const require = createRequire(import.meta.url);
const LineBreaker = require(createRequire(require.resolve('pdfkit')).resolve('linebreak')) as LineBreakerClass;

/** A run's piece inside one breakable unit ("word"), measured. */
interface Part {
  text: string;
  look: Look;
  width: number;
}

/** What may not be broken: parts up to the next break opportunity. */
interface Word {
  parts: Part[];
  width: number;
  /** Width of trailing spaces: they may hang past the line's end. */
  trailing: number;
  /** A line break follows ("\n"). */
  hard: boolean;
}

export interface MeasuredText {
  words: Word[];
  look: Look;
  min: number;
  max: number;
}

export interface TextLine {
  parts: Part[];
  width: number;
  trailing: number;
  height: number;
  ascent: number;
}

function runsOf(styles: Record<string, StyleProps>, text: string | Inline[], look: Look, into: { text: string; look: Look }[]): typeof into {
  if (typeof text === 'string') {
    into.push({ text, look });
    return into;
  }
  for (const item of text) {
    if (typeof item === 'string') into.push({ text: item, look });
    else runsOf(styles, item.text, lookOf(styles, look, item), into);
  }
  return into;
}

/** Break opportunities of the whole paragraph (position -> required), then each run's noWrap / break-all. */
function breaksOf(runs: readonly { text: string; look: Look }[], full: string): number[] {
  const breaks = new Map<number, boolean>();
  const breaker = new LineBreaker(full);
  for (let bk = breaker.nextBreak(); bk !== null; bk = breaker.nextBreak()) breaks.set(bk.position, bk.required);
  let start = 0;
  for (const run of runs) {
    const end = start + run.text.length;
    if (run.look.noWrap) {
      for (let p = start + 1; p < end; p += 1) if (breaks.get(p) === false) breaks.delete(p);
    } else if (run.look.wordBreak === 'break-all') {
      for (let p = start + 1; p < end; p += 1) if (!breaks.has(p)) breaks.set(p, false);
    }
    start = end;
  }
  breaks.set(full.length, false);
  return [...breaks.keys()].sort((a, b) => a - b);
}

function measurePart(doc: PDFDocument, text: string, look: Look): Part {
  doc.font(fontName(look)).fontSize(look.fontSize);
  const options = look.characterSpacing === 0 ? undefined : { characterSpacing: look.characterSpacing };
  return { text, look, width: text === '' ? 0 : doc.widthOfString(text, options) };
}

/** Measures a paragraph once: its words, and its narrowest and widest widths (for 'auto' columns). */
export function measureText(doc: PDFDocument, styles: Record<string, StyleProps>, text: string | Inline[], look: Look): MeasuredText {
  const runs = runsOf(styles, text, look, []);
  const full = runs.map((r) => r.text).join('');
  const words: Word[] = [];
  let run = 0;
  let runEnd = runs[0]?.text.length ?? 0;
  let from = 0;
  for (const to of breaksOf(runs, full)) {
    if (to <= from) continue;
    const parts: Part[] = [];
    let width = 0;
    let hard = false;
    let at = from;
    while (at < to) {
      while (at >= runEnd && run < runs.length - 1) {
        run += 1;
        runEnd += runs[run]?.text.length ?? 0;
      }
      const current = runs[run];
      if (current === undefined) break;
      const end = Math.min(to, runEnd);
      let piece = full.slice(at, end);
      if (end === to && piece.endsWith('\n')) {
        piece = piece.slice(0, -1);
        hard = true;
      }
      const part = measurePart(doc, piece, current.look);
      parts.push(part);
      width += part.width;
      at = end;
    }
    const last = parts[parts.length - 1];
    const spaces = last === undefined ? null : /\s+$/.exec(last.text);
    const trailing = last === undefined || spaces === null ? 0 : measurePart(doc, spaces[0], last.look).width;
    words.push({ parts, width, trailing, hard });
    from = to;
  }
  let min = 0;
  let max = 0;
  let line = 0;
  for (const word of words) {
    min = Math.max(min, word.width - word.trailing);
    line += word.width;
    max = Math.max(max, line - word.trailing);
    if (word.hard) line = 0;
  }
  return { words, look, min: look.noWrap ? max : min, max };
}

/** A line is as tall as its tallest run's line box times that run's lineHeight (pdfmake's rule); baselines align. */
function toLine(parts: Part[], width: number, trailing: number, look: Look): TextLine {
  if (parts.length === 0) return { parts, width: 0, trailing: 0, height: look.fontSize * LINE_BOX * look.lineHeight, ascent: look.fontSize * ASCENT };
  let height = 0;
  let ascent = 0;
  for (const part of parts) {
    height = Math.max(height, part.look.fontSize * LINE_BOX * part.look.lineHeight);
    ascent = Math.max(ascent, part.look.fontSize * ASCENT);
  }
  return { parts, width, trailing, height, ascent };
}

/** Greedy line filling, as pdfmake does: a word goes on when it fits without its trailing spaces. */
export function wrapText(measured: MeasuredText, maxWidth: number): TextLine[] {
  const lines: TextLine[] = [];
  let parts: Part[] = [];
  let width = 0;
  let trailing = 0;
  const flush = (): void => {
    lines.push(toLine(parts, width, trailing, measured.look));
    parts = [];
    width = 0;
    trailing = 0;
  };
  for (const word of measured.words) {
    if (parts.length > 0 && !measured.look.noWrap && width + word.width - word.trailing > maxWidth) flush();
    parts.push(...word.parts);
    width += word.width;
    trailing = word.trailing;
    if (word.hard) flush();
  }
  if (parts.length > 0 || lines.length === 0) flush();
  return lines;
}

/** Writes one line at (x, y), its top; runs of one style in one doc.text call each. */
export function drawTextLine(doc: PDFDocument, line: TextLine, x: number, y: number, maxWidth: number, alignment: Alignment): void {
  const used = line.width - line.trailing;
  let dx = alignment === 'right' ? maxWidth - used : alignment === 'center' ? (maxWidth - used) / 2 : 0;
  const { parts } = line;
  for (let i = 0; i < parts.length; ) {
    const first = parts[i];
    if (first === undefined) break;
    let text = first.text;
    let width = first.width;
    let j = i + 1;
    for (let next = parts[j]; next !== undefined && next.look === first.look; next = parts[++j]) {
      text += next.text;
      width += next.width;
    }
    if (j === parts.length) text = text.trimEnd();
    if (text !== '') {
      const look = first.look;
      const options = look.characterSpacing === 0 ? { lineBreak: false } : { lineBreak: false, characterSpacing: look.characterSpacing };
      doc.font(fontName(look)).fontSize(look.fontSize).fillColor(look.color);
      doc.text(text, x + dx, y + line.ascent - look.fontSize * ASCENT, options);
    }
    dx += width;
    i = j;
  }
}
