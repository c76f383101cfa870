/**
 * Long unbroken text (a 100-character name with no spaces, a long clinic name and address,
 * member ID, payer and provider names) wraps inside its cell: every character is printed and
 * extracts back, and no word lies outside the page's printable area.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageMargins } from '../../core/packet/styles';
import { createPacketService } from './packet-service';
import * as fx from './testing/packet-fixtures';
import { pdfText, pdfWords } from './testing/pdf-tools';

const dir = mkdtempSync(join(tmpdir(), 'packet-long-'));
const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });

/** `length` letters with no space, each letter in turn from `alphabet`, so a lost character shows. */
const unbroken = (length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'): string =>
  Array.from({ length }, (_, i) => alphabet[i % alphabet.length] ?? 'X').join('');

const longName = unbroken(100);
const longLast = unbroken(100, 'Wmwmwmwmwm');
const longClinic = { ...fx.clinic, name: unbroken(100, 'MWMWQ'), address: `${unbroken(90, 'Ww0')} Street, Springfield, IL 62704` };
const longProviders = {
  ...fx.otherProviders,
  asc: { ...fx.otherProviders.asc, name: unbroken(110, 'SurgeryCenter'), address: unbroken(120, 'Lakeside0123') },
};

/** The extracted text with every space, line break and invisible break opportunity removed. */
const squeezed = (text: string): string => text.replace(/[\s\u200b]+/g, '');

async function writePacket(name: string, caseInput: unknown, largePrint: boolean) {
  const estimated = fx.estimateCase(caseInput);
  const result = await service.build({ ...estimated, clinic: longClinic, otherProviders: longProviders, preparedDate: fx.PREPARED_DATE });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, result.value.pdf);
  const [left, , right] = pageMargins(largePrint);
  const { words, pageWidths } = await pdfWords(file);
  const outside = words.filter((w) => w.xMin < left - 1 || w.xMax > (pageWidths[w.page - 1] ?? 0) - right + 1);
  const raw = await pdfText(file, { layout: false });
  // The footer's last line (the estimate's date) is on every page: a long name does not push it off.
  const pagesWithoutDate = raw.split('\f').slice(0, -1).flatMap((page, i) => (squeezed(page).includes('November29,2026') ? [] : [i + 1]));
  return { text: squeezed(raw), pagesWithoutDate, outside: outside.map((w) => `page ${w.page}: ${w.text.slice(0, 30)} (${w.xMin}-${w.xMax})`) };
}

describe('long unbroken text in the packet', () => {
  it('an insured patient: the name, member ID, payer and clinic wrap within the margins, every character printed', async () => {
    const packet = await writePacket('insured-long', {
      ...fx.insuredCase,
      patient: { ...fx.insuredCase.patient, firstName: longName, lastName: longLast },
      coverage: { ...fx.insuredCase.coverage, payerName: unbroken(120, 'BluePrairie'), memberId: unbroken(64, 'XJH0123456789') },
    }, false);
    expect(packet.outside).toEqual([]);
    expect(packet.pagesWithoutDate).toEqual([]);
    for (const text of [longName, longLast, longClinic.name, unbroken(90, 'Ww0'), unbroken(120, 'BluePrairie')]) expect(packet.text).toContain(text);
    // The member ID prints masked but for its last 4 characters (the packet never shows it whole).
    expect(packet.text).toContain(`${'•'.repeat(60)}${unbroken(64, 'XJH0123456789').slice(-4)}`);
  }, 120_000);

  it('an uninsured patient in large print: the Good Faith Estimate provider blocks wrap too', async () => {
    const packet = await writePacket('uninsured-long', { ...fx.uninsuredCase, patient: { ...fx.uninsuredCase.patient, firstName: longName, lastName: longLast }, largePrint: true }, true);
    expect(packet.outside).toEqual([]);
    expect(packet.pagesWithoutDate).toEqual([]);
    for (const text of [longName, longLast, longClinic.name, unbroken(110, 'SurgeryCenter'), unbroken(120, 'Lakeside0123')]) expect(packet.text).toContain(text);
  }, 120_000);
});
