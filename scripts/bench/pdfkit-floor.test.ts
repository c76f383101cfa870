/**
 * The benchmark's raw PDFKit floor lays out the packet's own document definition: for the
 * insured, Good Faith Estimate, Spanish and large-print packets it gives the same page count
 * within one, at least 98% of the real packet's words (footers included), a PDF qpdf accepts,
 * the clinic's logo when it has one, and the same bytes every time. Its fonts are its own buffers, never the real build's.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { buildPacketDocument } from '../../core/packet/build-packet';
import type { TDocumentDefinitions } from '../../core/packet/pdfmake-types';
import type { ClinicProfile } from '../../core/settings';
import { loadPacketContent } from '../../electron/services/content-loader';
import { FONT_FILES, loadShippedFonts } from '../../electron/services/font-coverage';
import { createPdfRenderer } from '../../electron/services/pdf-renderer';
import { dataUrl, pngBytes } from '../../electron/services/testing/logo-images';
import * as fx from '../../electron/services/testing/packet-fixtures';
import { pdfInfo, pdfText, qpdfCheck } from '../../electron/services/testing/pdf-tools';
import { loadFloorFonts, renderFloor } from './pdfkit-floor';

const withLogo = { ...fx.clinic, logoDataUrl: dataUrl('png', pngBytes(300, 120)) };
const cases = {
  insured: [fx.insuredCase, fx.clinic],
  uninsured: [fx.uninsuredCase, fx.clinic],
  spanish: [fx.spanishCase, fx.clinic],
  largePrint: [fx.largePrintCase, fx.clinic],
  'insured with the clinic logo': [fx.insuredCase, withLogo],
} as const;

/** The packet's document definition, as the packet service builds it (a fresh object each call: pdfmake writes into it). */
async function packetDocument(raw: unknown, clinic: ClinicProfile): Promise<TDocumentDefinitions> {
  const { caseData, estimate } = fx.estimateCase(raw);
  const content = await loadPacketContent(fx.templatesDir, caseData.procedure.id, caseData.language);
  if (!content.ok) throw new Error(content.error.message);
  return buildPacketDocument({
    caseData,
    estimate,
    content: content.value,
    clinic,
    otherProviders: fx.otherProviders,
    expectedDiagnoses: fx.expectedDiagnoses(),
    preparedDate: fx.PREPARED_DATE,
    reference: 'VP-FLOOR-TEST',
    largePrint: caseData.largePrint,
  });
}

/** How many words of `expected` (as a multiset) also appear in `actual`, as a share of `expected`. */
function sharedWords(expected: string, actual: string): number {
  const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');
  const have = new Map<string, number>();
  for (const w of words(actual)) have.set(w, (have.get(w) ?? 0) + 1);
  const want = words(expected);
  let found = 0;
  for (const w of want) {
    const left = have.get(w) ?? 0;
    if (left > 0) {
      found += 1;
      have.set(w, left - 1);
    }
  }
  return found / want.length;
}

/** Images placed in a PDF (`pdfimages -list` rows of type "image"; a PNG's alpha is a separate "smask" row). */
async function imageCount(file: string): Promise<number> {
  const { stdout } = await promisify(execFile)('pdfimages', ['-list', file]);
  return stdout.split('\n').filter((line) => line.trim().split(/\s+/)[2] === 'image').length;
}

const renderer = createPdfRenderer(fx.fontsDir);
const floorFonts = loadFloorFonts(fx.fontsDir);
const dir = mkdtempSync(join(tmpdir(), 'pdfkit-floor-'));

describe('the raw PDFKit floor lays out the same document', () => {
  for (const [name, [raw, clinic]] of Object.entries(cases)) {
    it(`${name}: same page count within one, the packet's words, a valid and deterministic PDF`, async () => {
      const realFile = join(dir, `${name}-real.pdf`);
      const floorFile = join(dir, `${name}-floor.pdf`);
      writeFileSync(realFile, await renderer.render(await packetDocument(raw, clinic), fx.PREPARED_DATE));
      const floor = await renderFloor(PDFDocument, await packetDocument(raw, clinic), floorFonts);
      writeFileSync(floorFile, floor);

      const realPages = (await pdfInfo(realFile)).pages;
      const floorPages = (await pdfInfo(floorFile)).pages;
      expect(realPages).toBeGreaterThan(5);
      expect(Math.abs(floorPages - realPages), `real ${realPages} pages, floor ${floorPages}`).toBeLessThanOrEqual(1);

      const realText = await pdfText(realFile, { layout: false });
      const floorText = await pdfText(floorFile, { layout: false });
      // Every page's footer is there: "Page 3 of 12" in the packet's language.
      const lastFooter = name === 'spanish' ? `Página ${floorPages} de ${floorPages}` : `Page ${floorPages} of ${floorPages}`;
      expect(floorText).toContain(lastFooter);
      expect(sharedWords(realText, floorText)).toBeGreaterThanOrEqual(0.98);

      const check = await qpdfCheck(floorFile);
      expect(check.code, check.output).toBe(0);
      expect(await imageCount(floorFile)).toBe(clinic.logoDataUrl === '' ? 0 : 1);
      expect(Buffer.compare(floor, await renderFloor(PDFDocument, await packetDocument(raw, clinic), floorFonts))).toBe(0);
    }, 60_000);
  }

  it('reads its own font buffers, not the real build’s', () => {
    const shipped = loadShippedFonts(fx.fontsDir);
    expect(floorFonts.regular).not.toBe(shipped.bytes(FONT_FILES.normal));
    expect(floorFonts.medium).not.toBe(shipped.bytes(FONT_FILES.bold));
    expect(floorFonts.regular.equals(shipped.bytes(FONT_FILES.normal))).toBe(true);
  });
});
