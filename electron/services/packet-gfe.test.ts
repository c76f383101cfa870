/**
 * Issue 11, read back with poppler: the Good Faith Estimate provider by provider (CMS-10791),
 * page 1's cost summary, consent from the case, large print at 18 pt and more, and no nearly
 * empty pages in the five standard packets.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillLabel, type PacketContent } from '../../core/packet/content-schema';
import { formatCents } from '../../core/money';
import { pageMargins } from '../../core/packet/styles';
import { loadPacketContent } from './content-loader';
import { createPacketService } from './packet-service';
import * as fx from './testing/packet-fixtures';
import { folded, pageFill, pdfText, pdfWords } from './testing/pdf-tools';

const dir = mkdtempSync(join(tmpdir(), 'packet-gfe-'));
const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
const settings = () => ({ feeOverrides: {}, medicareRates: {}, payerContracts: [], defaults: { selfPayDiscountPercent: 25, depositPercent: 0 } });

interface Built {
  file: string;
  /** Reading-order text, whitespace folded. */
  raw: string;
  pages: string[];
  estimate: fx.EstimatedCase['estimate'];
}

async function build(name: string, raw: unknown, options: { discount?: boolean; otherProviders?: typeof fx.otherProviders } = {}): Promise<Built> {
  const estimated = options.discount ? fx.estimateCaseWith(raw, settings()) : fx.estimateCase(raw);
  const doctors = [{ name: 'Dr. Ana Ruiz', npi: '1245319599' }];
  const result = await service.build({ ...estimated, clinic: fx.clinic, otherProviders: options.otherProviders ?? fx.otherProviders, doctors, preparedDate: fx.PREPARED_DATE });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, result.value.pdf);
  const pages = (await pdfText(file, { layout: false })).split('\f').slice(0, -1).map(folded);
  return { file, raw: pages.join(' '), pages, estimate: estimated.estimate };
}

/** The text from `start` up to the next `end` after it. */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  expect(from, `"${start}" is printed`).toBeGreaterThanOrEqual(0);
  const to = text.indexOf(end, from + start.length);
  expect(to, `"${end}" follows "${start}"`).toBeGreaterThan(from);
  return text.slice(from, to + end.length);
}

const money = (text: string): number => Math.round(Number(text.replace(/[$,]/g, '')) * 100);

let en: PacketContent;
let es: PacketContent;
let gfe: Built;

beforeAll(async () => {
  const [loadedEn, loadedEs] = await Promise.all([loadPacketContent(fx.templatesDir, 'vertebroplasty-lumbar', 'en'), loadPacketContent(fx.templatesDir, 'vertebroplasty-lumbar', 'es')]);
  if (!loadedEn.ok || !loadedEs.ok) throw new Error('templates must load');
  en = loadedEn.value;
  es = loadedEs.value;
  // Uninsured at the surgery center, 2 levels, moderate sedation, a 25% self-pay discount, a known diagnosis and doctor.
  gfe = await build(
    'gfe-asc',
    { ...fx.uninsuredCase, procedure: { ...fx.uninsuredCase.procedure, levels: 2, sedation: 'moderate' }, diagnosis: 'S32.020A', doctor: 'Dr. Ana Ruiz' },
    { discount: true },
  );
}, 60_000);

describe('Good Faith Estimate, provider by provider', () => {
  it("prints each provider's name, NPI, TIN and total, and an overall total that is their sum", () => {
    const g = en.labels.goodFaith;
    const { asc } = fx.otherProviders;
    const clinicBlock = between(gfe.raw, `${fx.clinic.name} ${g.kinds.clinic}`, fillLabel(g.providerTotal, { provider: fx.clinic.name }));
    const ascBlock = between(gfe.raw, `${asc.name} ${g.kinds.asc}`, fillLabel(g.providerTotal, { provider: asc.name }));
    expect(clinicBlock).toContain(`${g.npi}: ${fx.clinic.npi} ${g.tin}: ${fx.clinic.tin}`);
    expect(ascBlock).toContain(`${g.npi}: ${asc.npi} ${g.tin}: ${asc.tin} ${g.address}: ${asc.address}`);
    const totalOf = (name: string) => money(/^ (\$[\d,]+\.\d\d)/.exec(gfe.raw.slice(gfe.raw.indexOf(fillLabel(g.providerTotal, { provider: name })) + fillLabel(g.providerTotal, { provider: name }).length))?.[1] ?? 'NaN');
    const clinicTotal = totalOf(fx.clinic.name);
    const ascTotal = totalOf(asc.name);
    const overall = money(/(\$[\d,]+\.\d\d)/.exec(gfe.raw.slice(gfe.raw.indexOf(g.overallTotal)))?.[1] ?? 'NaN');
    expect(clinicTotal + ascTotal).toBe(overall);
    expect(overall).toBe(gfe.estimate.patient.high);
    // The surgery center's fee is the charge's high end, undiscounted, under its own name.
    const facility = gfe.estimate.providers.find((p) => p.role === 'facility');
    expect(ascTotal).toBe(facility?.charges.high);
  });

  it("lists the surgery center's lines under the surgery center, never under the clinic", () => {
    const g = en.labels.goodFaith;
    const facilityFee = en.serviceNames['facility:22511'] ?? '';
    const clinicBlock = between(gfe.raw, `${fx.clinic.name} ${g.kinds.clinic}`, fillLabel(g.providerTotal, { provider: fx.clinic.name }));
    const ascBlock = between(gfe.raw, `${fx.otherProviders.asc.name} ${g.kinds.asc}`, fillLabel(g.providerTotal, { provider: fx.otherProviders.asc.name }));
    expect(ascBlock).toContain(folded(facilityFee));
    expect(clinicBlock).not.toContain(folded(facilityFee));
    expect(clinicBlock).toContain(folded(en.serviceNames['22511'] ?? ''));
  });

  it("takes the self-pay discount off the clinic's own lines only, as a line in the clinic's block", async () => {
    const g = en.labels.goodFaith;
    const discount = fillLabel(g.selfPayDiscount, { rate: 25 });
    const clinicBlock = between(gfe.raw, `${fx.clinic.name} ${g.kinds.clinic}`, fillLabel(g.providerTotal, { provider: fx.clinic.name }));
    expect(clinicBlock).toContain(discount);
    expect(gfe.raw.split(discount).length - 1).toBe(1);
    const doctor = gfe.estimate.providers.find((p) => p.role === 'physician');
    const layout = await pdfText(gfe.file);
    const escape = (text: string) => text.replace(/[$()]/g, '\\$&');
    const amount = formatCents((doctor?.charges.high ?? 0) - (doctor?.patient.high ?? 0));
    expect(layout).toMatch(new RegExp(`${escape(discount)} +− ${escape(amount)}\n`));
  });

  it('carries the chosen diagnosis on every line, the quantity column and the estimate date', () => {
    const g = en.labels.goodFaith;
    expect(gfe.raw).toContain(`${g.diagnosis} S32.020A: ${en.diagnosisNames['S32.020A'] ?? ''}`);
    expect(gfe.raw).not.toContain('M80.08XA');
    const lines = gfe.estimate.lines.length;
    expect(gfe.raw.split(' S32.020A ').length - 1).toBeGreaterThanOrEqual(lines);
    expect(gfe.raw).toContain(`${en.labels.estimate.service} ${g.diagnosisColumn} ${g.quantityColumn} ${g.expectedCharge}`);
    expect(gfe.raw).toContain(`${g.estimateDate} November 29, 2026`);
    // Every page's footer carries the estimate's date.
    for (const [i, page] of gfe.pages.entries()) expect(page, `page ${i + 1}`).toContain(fillLabel(en.labels.document.estimateDate, { date: 'November 29, 2026' }));
  });

  it('prints the model form: $25 fee, 120 calendar days, the CMS contacts, not a contract, payment plans', () => {
    for (const text of ['$400', '$25 fee', '120 calendar days of the date on the original bill', 'FederalPPDRQuestions@cms.hhs.gov', '1-800-985-3059', 'www.cms.gov/nosurprises']) {
      expect(gfe.raw).toContain(text);
    }
    const g = en.labels.goodFaith;
    expect(gfe.raw).toContain(folded(g.disclaimerNotContract));
    expect(gfe.raw).toContain(fillLabel(g.paymentHelpCall, { phone: fx.clinic.phone }));
    expect(gfe.raw).toContain(folded(g.howChargesChosen));
  });

  it('names the doctor with the NPI listed in Settings, in the clinic block and on the consent', () => {
    expect(gfe.raw).toContain(`${en.labels.goodFaith.doctor}: Dr. Ana Ruiz (NPI 1245319599)`);
    expect(gfe.raw).toContain(fillLabel(en.consent.doctor, { doctor: 'Dr. Ana Ruiz' }));
  });

  it('prints the usual codes, to be confirmed, while the diagnosis is not known', async () => {
    const unknown = await build('gfe-unknown', fx.uninsuredCase);
    expect(unknown.raw).toContain(folded(fillLabel(en.labels.goodFaith.expectedDiagnosis, { codes: 'M80.08XA, M48.56XA' })));
    // No doctor chosen: the consent leaves a line to write the name on.
    expect(unknown.raw).toContain(en.labels.consent.doctorToBeNamed);
  });
});

describe('page 1', () => {
  it("boxes the Good Faith Estimate's total, what is not included and whom to call", () => {
    const page1 = gfe.pages[0] ?? '';
    expect(page1).toContain(fillLabel(en.labels.cover.gfeTotal, { amount: formatCents(gfe.estimate.patient.high) }));
    expect(page1).toContain(folded(en.labels.cover.notIncluded));
    expect(page1).toContain(fillLabel(en.labels.cover.questionsCall, { phone: fx.clinic.phone }));
  });

  it('says what an insured patient may owe and what insurance may pay, in Spanish and large print too', async () => {
    const insured = await build('insured-cover', fx.insuredCase);
    const range = (r: { low: number; high: number }) => `${formatCents(r.low)} – ${formatCents(r.high)}`;
    expect(insured.pages[0]).toContain(fillLabel(en.labels.cover.youMayOwe, { amount: range(insured.estimate.patient) }));
    expect(insured.pages[0]).toContain(fillLabel(en.labels.cover.insuranceMayPay, { amount: range(insured.estimate.insurance) }));
    const spanish = await build('insured-cover-es', { ...fx.insuredCase, language: 'es', largePrint: true });
    expect(spanish.pages[0]).toContain(fillLabel(es.labels.cover.youMayOwe, { amount: range(spanish.estimate.patient) }));
  });
});

describe('consent from the case', () => {
  it('names the sedation chosen, its risks and its agreement, and none of the others', async () => {
    const local = await build('consent-local', fx.spanishCase);
    const anesthesia = await build('consent-anesthesia', fx.uninsuredCase);
    for (const [built, content, chosen] of [
      [local, es, 'local'],
      [anesthesia, en, 'anesthesia'],
      [gfe, en, 'moderate'],
    ] as const) {
      const c = content.consent;
      for (const sedation of ['local', 'moderate', 'anesthesia'] as const) {
        const expected = sedation === chosen;
        expect(built.raw.includes(folded(c.sedation[sedation])), `${chosen}: sedation ${sedation}`).toBe(expected);
        expect(built.raw.includes(folded(c.sedationStatement[sedation])), `${chosen}: statement ${sedation}`).toBe(expected);
        for (const risk of c.sedationRisks[sedation]) expect(built.raw.includes(folded(risk)), `${chosen}: risk of ${sedation}`).toBe(expected);
      }
    }
  });

  it('names the levels, what the code includes, and the serious risks as serious', () => {
    const c = en.consent;
    expect(gfe.raw).toContain(folded(fillLabel(c.procedure, { levels: fillLabel(c.levelsMany, { count: 2 }) })));
    expect(gfe.raw).toContain(fillLabel(c.includedWith, { items: `${en.serviceNames['20225'] ?? ''}; ${en.serviceNames['77012'] ?? ''}` }));
    expect(gfe.raw).toContain(en.labels.consent.seriousRisks);
    for (const risk of c.seriousRisks) expect(gfe.raw).toContain(folded(risk));
  });
});

describe('the five standard packets', () => {
  const built: Record<string, Built> = {};
  beforeAll(async () => {
    for (const [name, raw] of Object.entries(fx.standardPackets)) built[name] = await build(`standard-${name}`, raw);
  }, 90_000);

  it('print no text under 18 pt in large print (median and smallest word)', async () => {
    for (const name of ['largePrint', 'spanishLargePrint']) {
      const { words } = await pdfWords(built[name]?.file ?? '');
      const sizes = words.map((w) => w.size).sort((a, b) => a - b);
      expect(sizes.length, name).toBeGreaterThan(1000);
      expect(sizes[0], `${name}: smallest word`).toBeGreaterThanOrEqual(17.95);
      expect(sizes[Math.floor(sizes.length / 2)], `${name}: median word`).toBeGreaterThanOrEqual(17.95);
    }
  });

  it('leave no page under a third full, but for the last page of the education part and of the packet', async () => {
    for (const [name, packet] of Object.entries(built)) {
      const { words, pageHeights } = await pdfWords(packet.file);
      const largePrint = name.toLowerCase().includes('largeprint');
      const fill = pageFill(words, pageHeights, pageMargins(largePrint));
      const content = name.startsWith('spanish') ? es : en;
      // The consent is a form to sign and file: it starts on a page of its own.
      const consentPage = packet.pages.findIndex((page) => page.startsWith(content.labels.consent.heading));
      expect(consentPage, name).toBeGreaterThan(1);
      fill.forEach((f, i) => {
        if (i === consentPage - 1 || i === fill.length - 1) return;
        expect(f, `${name} page ${i + 1} is ${Math.round(f * 100)}% full`).toBeGreaterThanOrEqual(1 / 3);
      });
    }
  });
});

describe('every character prints, or staff are told which field', () => {
  it('refuses a packet whose name holds a character no shipped font has, naming the field and not the name', async () => {
    const raw = { ...fx.insuredCase, patient: { ...fx.insuredCase.patient, firstName: 'Margaret 😀' }, doctor: 'Dr. Ana Ruiz' };
    const result = await service.build({ ...fx.estimateCase(raw), clinic: { ...fx.clinic, name: 'Riverside ✺ Spine' }, preparedDate: fx.PREPARED_DATE });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues.map((i) => i.path)).toEqual(['patient.firstName', 'clinic.name']);
    expect(result.error.issues[0]?.message).toMatch(/^First name: "😀" cannot be printed/);
    expect(result.error.issues[1]?.message).toContain('Settings → Clinic profile');
    expect(JSON.stringify(result.error)).not.toContain('Margaret');
  });

  it('prints names in Arabic, Chinese and Greek with the fallback fonts, with nothing to warn about', async () => {
    const raw = { ...fx.insuredCase, patient: { ...fx.insuredCase.patient, firstName: 'فاطمة', lastName: '王 Παπαδοπούλου' } };
    const result = await service.build({ ...fx.estimateCase(raw), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE });
    expect(result.ok && result.value.pdf.byteLength).toBeGreaterThan(10_000);
  });
});
