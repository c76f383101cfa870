/**
 * Names in scripts Roboto lacks (issue 11): a packet for a patient named in Arabic, Hebrew or
 * Chinese/Japanese/Korean script embeds a fallback font that has the letters and reads back
 * as the same characters; Cyrillic and Greek names print in Roboto itself.
 *
 * Reading back: pdftotext puts a right-to-left stretch back in logical (typed) order (it
 * reverses the display order character by character; see readableRtl in font-cache.ts for
 * ligatures) and
 * wraps it in bidi embedding marks (U+202B ... U+202C), which are dropped here; around the
 * stretch it may move a neutral neighbour (" · ") inside the marks, so the name is looked for
 * as a whole, not with its neighbours. Text is compared after NFKC (no presentation forms
 * are expected: PDFKit maps each shaped glyph back to the letters it came from).
 * On the page the words of a right-to-left name run right to left: the first name is to the
 * right of the last name (checked with the word boxes of `pdftotext -bbox`).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPacketService } from './packet-service';
import * as fx from './testing/packet-fixtures';
import { folded, pdfFonts, pdfInfo, pdfText, qpdfCheck, type PdfFontRow } from './testing/pdf-tools';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'packet-scripts-'));
const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });

/** Each script's patient and the fallback font its letters need (null: Roboto has them). */
const names = {
  arabic: { firstName: 'فاطمة', lastName: 'الزهراء', font: 'NotoSansArabicUI-Regular' },
  // Lam-alef (لا) is one ligature glyph: it must read back as lam then alef.
  arabicLargePrint: { firstName: 'علاء', lastName: 'عبد السلام', font: 'NotoSansArabicUI-Regular' },
  hebrew: { firstName: 'שרה', lastName: 'כהן', font: 'NotoSansHebrew-Regular' },
  chinese: { firstName: '秀英', lastName: '王', font: 'DroidSansFallback' },
  japaneseKorean: { firstName: 'さくら', lastName: '김민준', font: 'DroidSansFallback' },
  cyrillic: { firstName: 'Анна', lastName: 'Иванова', font: null },
  greek: { firstName: 'Ελένη', lastName: 'Παπαδοπούλου', font: null },
} as const;

type Script = keyof typeof names;

interface Written {
  file: string;
  bytes: number;
  pages: number;
  /** Reading-order text, bidi marks dropped, NFKC, whitespace folded. */
  text: string;
  fonts: PdfFontRow[];
}

const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const readable = (text: string) => folded(text.replace(BIDI_MARKS, '').normalize('NFKC'));

const packets = {} as Record<Script, Written>;

beforeAll(async () => {
  for (const [script, { firstName, lastName }] of Object.entries(names) as [Script, (typeof names)[Script]][]) {
    const raw = { ...fx.insuredCase, patient: { ...fx.insuredCase.patient, firstName, lastName }, largePrint: script === 'arabicLargePrint' };
    const result = await service.build({ ...fx.estimateCase(raw), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE });
    if (!result.ok) throw new Error(`${script}: ${result.error.message}`);
    const file = join(dir, `${script}.pdf`);
    writeFileSync(file, result.value.pdf);
    const { pages } = await pdfInfo(file);
    packets[script] = { file, bytes: result.value.pdf.byteLength, pages, text: readable(await pdfText(file, { layout: false })), fonts: await pdfFonts(file) };
  }
}, 120_000);

const each = () => Object.entries(names) as [Script, (typeof names)[Script]][];

describe('a patient named in another script', () => {
  it('reads back as the same characters, first name then last name, on every page', () => {
    for (const [script, { firstName, lastName }] of each()) {
      const p = packets[script];
      const name = readable(`${firstName} ${lastName}`);
      // The cover and every page's footer name the patient.
      expect(p.text.split(name).length - 1, `${script}: "${name}" in ${p.text.slice(0, 400)}`).toBeGreaterThanOrEqual(p.pages + 1);
    }
  });

  it('embeds a subset of a font that has the letters, and only the fonts it needs', () => {
    for (const [script, { font }] of each()) {
      const rows = packets[script].fonts;
      expect(rows.filter((r) => !r.embedded), script).toEqual([]);
      for (const row of rows) expect(row.name, script).toMatch(/^[A-Z]{6}\+/);
      const fallbacks = rows.filter((r) => !r.name.includes('+Roboto-')).map((r) => r.name.slice(7));
      expect(fallbacks, script).toEqual(font === null ? [] : [font]);
    }
  });

  it('stays a small, well-formed file (subsets, not the 3.4 MB CJK font)', async () => {
    for (const [script, p] of Object.entries(packets)) {
      expect((await qpdfCheck(p.file)).code, script).toBe(0);
      expect(p.bytes, script).toBeLessThan(160_000);
    }
  });

  it('gives the same bytes for the same inputs', async () => {
    const raw = { ...fx.insuredCase, patient: { ...fx.insuredCase.patient, firstName: names.arabic.firstName, lastName: names.chinese.lastName } };
    // Two services: each keeps its last packet, so the second build is a real one.
    const build = async (packets: typeof service) => {
      const result = await packets.build({ ...fx.estimateCase(raw), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE });
      if (!result.ok) throw new Error(result.error.message);
      return Buffer.from(result.value.pdf);
    };
    const other = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
    expect((await build(service)).equals(await build(other))).toBe(true);
  });

  it('runs the words of a right-to-left name right to left on the page', async () => {
    for (const script of ['arabic', 'hebrew'] as const) {
      const { firstName, lastName } = names[script];
      const words = await wordBoxes(packets[script].file, 1);
      // -bbox gives each word as drawn, left to right: a right-to-left word reversed.
      const typed = (w: WordBox) => [...w.text].reverse().join('');
      const first = words.find((w) => typed(w) === firstName);
      const last = words.find((w) => typed(w) === lastName && first !== undefined && Math.abs(w.yMin - first.yMin) < 1);
      expect(first, `${script}: ${JSON.stringify(words.slice(0, 30))}`).toBeDefined();
      expect(last, script).toBeDefined();
      if (first && last) expect(first.xMin, script).toBeGreaterThan(last.xMax);
    }
  });
});

interface WordBox {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** The words of one page with their boxes. */
async function wordBoxes(file: string, page: number): Promise<WordBox[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: (m[4] ?? '').normalize('NFKC'),
  }));
}
