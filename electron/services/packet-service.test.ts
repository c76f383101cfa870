/**
 * The packet PDF read back with poppler: what a patient and the law need is on the pages,
 * nothing private is in the metadata, fonts are embedded, the file is well formed, and the
 * same inputs give the same PDF.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillLabel, type PacketContent } from '../../core/packet/content-schema';
import { formatCents } from '../../core/money';
import { loadPacketContent } from './content-loader';
import { createPacketService, type BuiltPacket } from './packet-service';
import * as fx from './testing/packet-fixtures';
import { commonFontSize, folded, pdfFonts, pdfInfo, pdfText, qpdfCheck } from './testing/pdf-tools';

const dir = mkdtempSync(join(tmpdir(), 'packet-test-'));
const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });

interface Written {
  file: string;
  built: BuiltPacket;
  estimated: fx.EstimatedCase;
  text: string;
  /** Layout text, whitespace folded. */
  flat: string;
  /** Reading-order text (no -layout), whitespace folded: wrapped table cells read whole. */
  raw: string;
  /** Layout text of each page. */
  pages: string[];
}

async function write(name: string, caseInput: unknown, clinic = fx.clinic): Promise<Written> {
  const estimated = fx.estimateCase(caseInput);
  const result = await service.build({ ...estimated, clinic, otherProviders: fx.otherProviders, preparedDate: fx.PREPARED_DATE });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, result.value.pdf);
  const text = await pdfText(file);
  const raw = folded(await pdfText(file, { layout: false }));
  return { file, built: result.value, estimated, text, flat: folded(text), raw, pages: text.split('\f').slice(0, -1) };
}

const packets: Record<'insured' | 'uninsured' | 'spanish' | 'large', Written> = {} as never;
let en: PacketContent;
let es: PacketContent;

beforeAll(async () => {
  packets.insured = await write('insured', fx.insuredCase);
  packets.uninsured = await write('uninsured', fx.uninsuredCase);
  packets.spanish = await write('spanish', fx.spanishCase);
  packets.large = await write('large', fx.largePrintCase);
  const loadedEn = await loadPacketContent(fx.templatesDir, 'vertebroplasty-lumbar', 'en');
  const loadedEs = await loadPacketContent(fx.templatesDir, 'vertebroplasty-lumbar', 'es');
  if (!loadedEn.ok || !loadedEs.ok) throw new Error('templates must load');
  en = loadedEn.value;
  es = loadedEs.value;
}, 120_000);

const all = () => Object.entries(packets);

describe('every packet', () => {
  it('passes qpdf --check', async () => {
    for (const [name, p] of all()) {
      const check = await qpdfCheck(p.file);
      expect(check.code, `${name}: ${check.output}`).toBe(0);
    }
  });

  it('embeds every font it uses', async () => {
    for (const [name, p] of all()) {
      const fonts = await pdfFonts(p.file);
      expect(fonts.length, name).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded), name).toEqual([]);
    }
  });

  it('keeps patient data out of the metadata', async () => {
    for (const [name, p] of all()) {
      const { raw } = await pdfInfo(p.file);
      const patient = p.estimated.caseData.patient;
      for (const secret of [patient.firstName, patient.lastName, patient.dateOfBirth, fx.MEMBER_ID, patient.dateOfBirth.slice(0, 4)]) {
        expect(raw.includes(secret), `${name} metadata holds ${secret}`).toBe(false);
      }
      expect(raw).toMatch(/Title:\s+Vertebroplasty patient packet/);
    }
  });

  it('shows the patient, date of birth, 22511, the total and page numbers on the pages', () => {
    const cases = { insured: 'March 4, 1948', uninsured: 'July 19, 1951', spanish: '2 de noviembre de 1945', large: 'January 15, 1939' } as const;
    for (const [name, p] of all()) {
      const patient = p.estimated.caseData.patient;
      expect(p.flat, name).toContain(`${patient.firstName} ${patient.lastName}`);
      expect(p.flat, name).toContain(cases[name as keyof typeof cases]);
      expect(p.flat, name).toContain('22511');
      // A Good Faith Estimate gives one expected charge per line (the high end); the others a range.
      expect(p.flat, name).toContain(formatCents(p.estimated.estimate.goodFaithEstimate ? p.estimated.estimate.patient.high : p.estimated.estimate.charges.high));
      if (!p.estimated.estimate.goodFaithEstimate) expect(p.flat, name).toContain(formatCents(p.estimated.estimate.charges.low));
    }
    expect(packets.insured.flat).toContain('Page 1 of');
    expect(packets.spanish.flat).toContain('Página 1 de');
  });

  it('puts name, date of birth and "Page X of Y" on every page', async () => {
    for (const [name, p] of all()) {
      const { pages } = await pdfInfo(p.file);
      expect(p.pages.length, name).toBe(pages);
      const content = p.estimated.caseData.language === 'es' ? es : en;
      for (let page = 1; page <= pages; page += 1) {
        const text = folded(p.pages[page - 1] ?? '');
        expect(text, `${name} page ${page}`).toContain(fillLabel(content.labels.document.pageOfPages, { page, pages }));
        expect(text, `${name} page ${page}`).toContain(p.estimated.caseData.patient.lastName);
        expect(text, `${name} page ${page}`).toContain(`${content.labels.document.dateOfBirth}:`);
      }
    }
  });

  it('prints every section heading, every FAQ and the consent signature lines', () => {
    for (const [name, p] of all()) {
      const content = p.estimated.caseData.language === 'es' ? es : en;
      for (const section of content.sections) expect(p.flat, `${name}: ${section.heading}`).toContain(folded(section.heading));
      for (const faq of content.faqs) expect(p.flat, name).toContain(folded(faq.question));
      const c = content.labels.consent;
      for (const label of [c.heading, c.signature, c.printedName, c.date, c.patientOrRepresentative, c.physician, c.witness, c.questionsAnsweredBy]) {
        expect(p.flat, `${name}: ${label}`).toContain(label);
      }
      for (const statement of content.consent.statementsToInitial) expect(p.flat, name).toContain(folded(statement));
    }
  });

  it('never leaves a section heading alone at the bottom of a page', async () => {
    for (const [name, p] of all()) {
      const content = p.estimated.caseData.language === 'es' ? es : en;
      const headings = new Set([...content.sections.map((s) => s.heading), ...Object.values(content.labels.consent).slice(0, 7)]);
      for (const [index, text] of p.pages.entries()) {
        const page = index + 1;
        const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
        const footerLines = p.estimated.caseData.largePrint ? 3 : 2;
        const lastBody = lines[lines.length - 1 - footerLines] ?? '';
        expect(headings.has(lastBody), `${name} page ${page} ends with heading "${lastBody}"`).toBe(false);
      }
    }
  });
});

describe('insured packet', () => {
  it('names each line by its provider: the facility fee is not called the physician service', () => {
    const facility = en.serviceNames['facility:22511'];
    const physician = en.serviceNames['22511'];
    expect(facility).toBeDefined();
    for (const p of [packets.insured, packets.uninsured]) {
      expect(p.flat).toContain(folded(facility ?? ''));
      expect(p.flat.split(folded(physician ?? '')).length - 1).toBe(1);
    }
  });

  it('masks the member ID to its last 4 characters', () => {
    expect(packets.insured.flat).not.toContain(fx.MEMBER_ID);
    expect(packets.insured.flat).not.toContain(fx.MEMBER_ID.slice(-8));
    expect(packets.insured.flat).toContain(`•••••••••${fx.MEMBER_ID.slice(-4)}`.slice(-8));
  });

  it('shows the plan figures used, what the patient may owe, and that the plan decides', () => {
    const { flat, estimated } = packets.insured;
    const i = en.labels.insurance;
    for (const label of [i.heading, i.payer, i.deductibleRemaining, i.coinsurance, i.copay, i.outOfPocketRemaining, i.youMayOwe]) {
      expect(packets.insured.raw).toContain(label);
    }
    expect(flat).toContain('Blue Prairie Health PPO');
    expect(flat).toContain(formatCents(estimated.estimate.patient.low));
    expect(flat).toContain(formatCents(estimated.estimate.patient.high));
    expect(flat).toContain(folded(i.planDecides));
    expect(flat).not.toContain(en.labels.goodFaith.heading);
  });

  it('lists separately scheduled imaging as not included', () => {
    expect(packets.insured.flat).toContain(en.labels.estimate.separatelyScheduled);
    for (const item of packets.insured.estimated.estimate.separatelyScheduled) expect(packets.insured.flat).toContain(item.code);
  });
});

describe('Good Faith Estimate (uninsured)', () => {
  it('prints every element and disclaimer of 45 CFR 149.610', () => {
    const { flat, estimated } = packets.uninsured;
    const g = en.labels.goodFaith;
    for (const text of [g.heading, g.intro, g.disclaimerOtherItems, g.disclaimerEstimateOnly, g.disclaimerDisputeRight, g.disclaimerHowToLearn, g.disclaimerQualityOfCare, g.disclaimerNotContract]) {
      expect(flat).toContain(folded(text));
    }
    expect(flat).toContain('$400');
    expect(flat).toContain(fx.clinic.npi);
    expect(flat).toContain(fx.clinic.tin);
    expect(flat).toContain(fx.clinic.name);
    expect(flat).toContain(folded(fx.clinic.address));
    expect(flat).toContain(folded(fillLabel(en.labels.goodFaith.expectedDiagnosis, { codes: 'M80.08XA, M48.56XA' })));
    for (const item of estimated.estimate.separatelyScheduled) expect(flat).toContain(item.code);
    expect(flat).not.toContain(en.labels.insurance.heading);
  });

  it('names the surgery center and anesthesia provider that bill their parts, each with its own NPI, TIN and address', async () => {
    const estimated = fx.estimateCase(fx.uninsuredCase);
    const otherProviders = { ...fx.otherProviders, anesthesia: { name: 'Prairie Anesthesia Group', npi: '1245319599', tin: '11-2223333', address: '9 Elm Street, Springfield, IL 62702' } };
    const result = await service.build({ ...estimated, clinic: fx.clinic, otherProviders, preparedDate: fx.PREPARED_DATE });
    if (!result.ok) throw new Error(result.error.message);
    const file = join(dir, 'gfe-other-providers.pdf');
    writeFileSync(file, result.value.pdf);
    const raw = folded(await pdfText(file, { layout: false }));
    const g = en.labels.goodFaith;
    expect(raw).toContain(`Lakeside Surgery Center ${g.kinds.asc} ${g.npi}: 1234567893 ${g.tin}: 98-7654321 ${g.address}: 400 Lake Street, Springfield, IL 62701`);
    expect(raw).toContain(`Prairie Anesthesia Group ${g.kinds.anesthesia} ${g.npi}: 1245319599 ${g.tin}: 11-2223333 ${g.address}: 9 Elm Street`);
    // The clinic's doctor works at the surgery center: that is where its service is given.
    expect(raw).toContain(`${g.location}: 400 Lake Street, Springfield, IL 62701`);
    // The case is at a surgery center: the hospital is not named; everyone who bills is, so no "bills separately" note.
    expect(raw).not.toContain('Springfield General Hospital');
    expect(raw).not.toContain(folded(g.billedSeparately));
  });

  it('names an anesthesia group not entered as billing separately, with a request for its own estimate', () => {
    expect(packets.uninsured.raw).toContain(folded(en.labels.goodFaith.unnamedAnesthesia));
    expect(packets.uninsured.raw).toContain(folded(en.labels.goodFaith.billedSeparately));
    expect(packets.spanish.raw).not.toContain(folded(es.labels.goodFaith.billedSeparately));
  });

  it('is refused without the clinic NPI and TIN', async () => {
    const result = await service.build({ ...fx.estimateCase(fx.uninsuredCase), clinic: fx.clinicWithoutIds, otherProviders: fx.otherProviders, preparedDate: fx.PREPARED_DATE });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('missing-clinic-details');
    expect(result.error.issues.map((i) => i.path)).toEqual(['clinic.npi', 'clinic.tin']);
  });
});

describe('Spanish packet', () => {
  it('has Spanish headings and none of the English section text', () => {
    const { flat } = packets.spanish;
    for (const section of es.sections) expect(flat).toContain(folded(section.heading));
    for (const section of en.sections) {
      expect(flat, section.heading).not.toContain(folded(section.heading));
      for (const item of section.items) expect(flat, item).not.toContain(folded(item));
    }
    for (const label of ['Page ', 'Date of birth', 'Total charges', 'Signature', 'Included', 'Patient:']) expect(flat, label).not.toContain(label);
    expect(flat).toContain('José Peña Núñez');
    expect(flat).toContain(folded(es.labels.document.translationNotice));
  });

  it('has the interpreter line (and the English packet has none)', () => {
    expect(packets.spanish.flat).toContain(es.labels.consent.interpreter);
    expect(packets.spanish.flat).toContain(folded(es.consent.interpreterStatement));
    expect(packets.insured.flat).not.toContain(folded(en.consent.interpreterStatement));
  });
});

describe('large print', () => {
  it('sets body text at 18 pt or more (normal print at 12 pt)', async () => {
    const { pages } = await pdfInfo(packets.large.file);
    expect(await commonFontSize(packets.large.file, 2, pages)).toBeGreaterThanOrEqual(18);
    expect(await commonFontSize(packets.insured.file, 2, 10)).toBeCloseTo(12, 0);
  });

  it('keeps the cover on one page', async () => {
    const page2 = folded(await pdfText(packets.large.file, { first: 2, last: 2 }));
    expect(page2.trim().startsWith(en.labels.estimate.heading)).toBe(true);
  });

  it('keeps the cover on one page in Spanish too, with a long clinic name and address', async () => {
    const longClinic = {
      ...fx.clinic,
      name: 'Riverside Spine & Pain Center of Central Illinois',
      address: '1200 North Harbor Avenue, Medical Office Building B, Suite 300, Springfield, IL 62704',
    };
    const spanishLarge = await write('spanish-large-long-clinic', { ...fx.spanishCase, largePrint: true }, longClinic);
    const page1 = folded(await pdfText(spanishLarge.file, { first: 1, last: 1 }));
    const page2 = folded(await pdfText(spanishLarge.file, { first: 2, last: 2 }));
    expect(page1).toContain(fillLabel(es.labels.cover.gfeTotal, { amount: formatCents(spanishLarge.estimated.estimate.patient.high) }));
    // Large print: the translation notice opens page 2, then the Good Faith Estimate.
    expect(page2.trim().startsWith(`${folded(es.labels.document.translationNotice)} ${es.labels.goodFaith.heading}`)).toBe(true);
  });
});

describe('warm-up', () => {
  it('renders an invented packet without error, and builds still work after it', async () => {
    const fresh = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
    await expect(fresh.warmUp({ ...fx.estimateCase(fx.insuredCase), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE })).resolves.toBeUndefined();
    const result = await fresh.build({ ...fx.estimateCase(fx.spanishCase), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE });
    expect(result.ok && result.value.reference).toBe(packets.spanish.built.reference);
    expect(result.ok && Buffer.from(result.value.pdf).equals(Buffer.from(packets.spanish.built.pdf))).toBe(true);
  }, 60_000);
});

describe('determinism', () => {
  it('gives the same bytes and the same reference for the same inputs', async () => {
    const again = await write('insured-again', fx.insuredCase);
    expect(again.built.reference).toBe(packets.insured.built.reference);
    expect(again.text).toBe(packets.insured.text);
    expect(Buffer.from(again.built.pdf).equals(Buffer.from(packets.insured.built.pdf))).toBe(true);
  });

  it('builds once per patient: the same inputs again reuse the last PDF (the same bytes a fresh build gives); any change builds anew', async () => {
    const fresh = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
    const input = { ...fx.estimateCase(fx.insuredCase), clinic: fx.clinic, otherProviders: fx.otherProviders, preparedDate: fx.PREPARED_DATE };
    const first = await fresh.build(input);
    const again = await fresh.build({ ...input, clinic: { ...input.clinic } });
    if (!first.ok || !again.ok) throw new Error('packet refused');
    // Preview, print and save of the same patient: one build, the very same PDF.
    expect(again.value.pdf).toBe(first.value.pdf);
    // The same bytes another service built for these inputs (with and without the reuse).
    expect(Buffer.from(first.value.pdf).equals(Buffer.from(packets.insured.built.pdf))).toBe(true);
    // A change (here the clinic's phone) builds anew.
    const changed = await fresh.build({ ...input, clinic: { ...input.clinic, phone: '(217) 555-0199' } });
    if (!changed.ok) throw new Error('packet refused');
    expect(changed.value.pdf).not.toBe(first.value.pdf);
    expect(Buffer.from(changed.value.pdf).equals(Buffer.from(first.value.pdf))).toBe(false);
  });

  it('names the file <Last>-<First>-vertebroplasty-<date>.pdf', () => {
    expect(packets.insured.built.fileName).toBe('Okafor-Margaret-vertebroplasty-2026-11-29.pdf');
    expect(packets.spanish.built.fileName).toBe('Pena-Nunez-Jose-vertebroplasty-2026-11-29.pdf');
  });
});

describe('what the insurance page says it used', () => {
  it('says the allowed amount is not known when staff did not enter it', () => {
    expect(packets.insured.raw).toContain(folded(en.labels.insurance.allowedUnknown));
  });

  it('prints the allowed amount staff entered, and notes a reached out-of-pocket maximum', async () => {
    const capped = await write('capped', {
      ...fx.insuredCase,
      coverage: { ...fx.insuredCase.coverage, allowedAmount: 9000, outOfPocketMet: 6500 },
    });
    expect(capped.estimated.estimate.outOfPocketCapReached).toBe(true);
    expect(capped.raw).toContain(folded(en.labels.insurance.capApplied));
    expect(capped.flat).toContain('$9,000.00');
    expect(capped.raw).not.toContain(folded(en.labels.insurance.allowedUnknown));
    expect(packets.insured.raw).not.toContain(folded(en.labels.insurance.capApplied));
  });

  it('out of network without an allowed amount, counts the full charges and says why', async () => {
    const out = await write('out-of-network', { ...fx.insuredCase, coverage: { ...fx.insuredCase.coverage, network: 'out' } });
    expect(out.raw).toContain(folded(en.labels.insurance.allowedUnknownOutOfNetwork));
    expect(out.raw).toContain(folded(en.labels.insurance.balanceBillPart));
    expect(out.flat).toContain(formatCents(out.estimated.estimate.charges.high));
  });
});

describe('consent', () => {
  it('names the sedation chosen for this case, and only that one', () => {
    const sedation = en.consent.sedation;
    expect(packets.uninsured.raw).toContain(folded(sedation.anesthesia));
    expect(packets.uninsured.raw).not.toContain(folded(sedation.moderate));
    expect(packets.insured.raw).toContain(folded(sedation.moderate));
    expect(packets.insured.raw).not.toContain(folded(sedation.anesthesia));
  });
});
