/**
 * Reading a PDF back with poppler and qpdf (installed by .ci/run), for tests: text,
 * metadata, fonts, structure check and glyph heights.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function pdfText(file: string, options: { layout?: boolean; first?: number; last?: number } = {}): Promise<string> {
  const args = [...(options.layout === false ? [] : ['-layout']), '-enc', 'UTF-8'];
  if (options.first !== undefined) args.push('-f', String(options.first));
  if (options.last !== undefined) args.push('-l', String(options.last));
  const { stdout } = await run('pdftotext', [...args, file, '-'], { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/** Whitespace folded to single spaces: wrapped lines read as one sentence. */
export function folded(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export async function pdfInfo(file: string): Promise<{ raw: string; pages: number }> {
  const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? '0');
  return { raw: stdout, pages };
}

export interface PdfFontRow {
  name: string;
  embedded: boolean;
}

/** `pdffonts` rows: name and whether the font is embedded (the "emb" column). */
export async function pdfFonts(file: string): Promise<PdfFontRow[]> {
  const { stdout } = await run('pdffonts', [file]);
  const lines = stdout.split('\n');
  const header = lines[0] ?? '';
  const embAt = header.indexOf('emb');
  return lines
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ name: line.split(/\s+/)[0] ?? '', embedded: line.slice(embAt, embAt + 3).trim() === 'yes' }));
}

/** `qpdf --check`; resolves with its exit code and output (0 = no problems). */
export async function qpdfCheck(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('qpdf', ['--check', file]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 99, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** Roboto's ascender + descender in em: pdftotext's word box height is font size x this. */
export const ROBOTO_BOX_EM = (1900 + 500) / 2048;

/** The most common word-box height on the given pages, as a font size in points. */
export async function commonFontSize(file: string, first: number, last: number): Promise<number> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(first), '-l', String(last), file, '-'], { maxBuffer: 32 * 1024 * 1024 });
  const counts = new Map<number, number>();
  for (const match of stdout.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)) {
    const size = Math.round(((Number(match[2]) - Number(match[1])) / ROBOTO_BOX_EM) * 10) / 10;
    counts.set(size, (counts.get(size) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of counts) {
    if (count > bestCount) [best, bestCount] = [size, count];
  }
  return best;
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** The font size the box height means (Roboto's box is 1.17 em). */
  size: number;
}

/** Every word with its box (points, top-left origin), page by page, and each page's height and width. */
export async function pdfWords(file: string): Promise<{ words: PdfWord[]; pageHeights: number[]; pageWidths: number[] }> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  const pageHeights: number[] = [];
  const pageWidths: number[] = [];
  const pages = stdout.split(/<page /).slice(1);
  pages.forEach((body, index) => {
    pageHeights.push(Number(/height="([\d.]+)"/.exec(body)?.[1] ?? '0'));
    pageWidths.push(Number(/width="([\d.]+)"/.exec(body)?.[1] ?? '0'));
    for (const m of body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const [xMin, yMin, xMax, yMax] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
      words.push({ page: index + 1, text: m[5] ?? '', xMin, yMin, xMax, yMax, size: (yMax - yMin) / ROBOTO_BOX_EM });
    }
  });
  return { words, pageHeights, pageWidths };
}

/**
 * How full each page's text area is (0-1): the lowest word above the footer, measured from the
 * top margin. `margins` are the packet's [left, top, right, bottom] page margins.
 */
export function pageFill(words: readonly PdfWord[], pageHeights: readonly number[], margins: readonly [number, number, number, number]): number[] {
  const [, top, , bottom] = margins;
  return pageHeights.map((height, i) => {
    const footerTop = height - bottom;
    const lowest = words.filter((w) => w.page === i + 1 && w.yMax <= footerTop).reduce((max, w) => Math.max(max, w.yMax), top);
    return (lowest - top) / (footerTop - top);
  });
}
