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
