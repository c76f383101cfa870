/**
 * Every content template in every language renders, insured and Good Faith Estimate, in
 * normal and large print; a broken template is refused naming its file and field; and the
 * document definition itself holds no patient data in its metadata and large print sizes.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPacketDocument, PACKET_TITLE } from '../../core/packet/build-packet';
import type { Content } from '../../core/packet/pdfmake-types';
import { listContentTemplates, loadPacketContent } from './content-loader';
import { createPacketService } from './packet-service';
import * as fx from './testing/packet-fixtures';
import { pdfText } from './testing/pdf-tools';

const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });

describe('every template in every language', () => {
  it('renders insured and Good Faith Estimate packets, normal and large print', async () => {
    const templates = await listContentTemplates(fx.templatesDir);
    expect(templates.map((t) => t.language).sort()).toEqual(['en', 'es']);
    const dir = mkdtempSync(join(tmpdir(), 'packet-templates-'));
    for (const template of templates) {
      for (const raw of [fx.insuredCase, fx.uninsuredCase]) {
        for (const largePrint of [false, true]) {
          const input = { ...raw, language: template.language, largePrint, procedure: { ...raw.procedure, id: template.procedureId } };
          const result = await service.build({ ...fx.estimateCase(input), clinic: fx.clinic, otherProviders: fx.otherProviders, preparedDate: fx.PREPARED_DATE });
          const label = `${template.file} ${raw.coverage.kind} large=${largePrint}`;
          expect(result.ok, label).toBe(true);
          if (!result.ok) continue;
          const file = join(dir, 'p.pdf');
          writeFileSync(file, result.value.pdf);
          const text = await pdfText(file);
          expect(text, label).toContain(input.patient.lastName);
        }
      }
    }
  }, 120_000);

  it('refuses a broken template, naming its file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'packet-broken-'));
    cpSync(fx.templatesDir, dir, { recursive: true });
    const file = join(dir, 'vertebroplasty-lumbar', 'content.es.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { labels: { consent: Record<string, unknown> } };
    delete data.labels.consent.witness;
    writeFileSync(file, JSON.stringify(data));
    const broken = createPacketService({ templatesDir: dir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
    const result = await broken.build({ ...fx.estimateCase(fx.spanishCase), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('content.es.json');
    expect(result.error.issues.map((i) => i.path)).toContain('labels.consent.witness');
  });
});

/** Every fontSize set anywhere in a content tree. */
function fontSizes(node: Content | undefined, into: number[] = []): number[] {
  if (node === undefined || typeof node === 'string') return into;
  if (node.fontSize !== undefined) into.push(node.fontSize);
  const children: Content[] = 'stack' in node ? node.stack : 'columns' in node ? node.columns : 'ul' in node ? node.ul : 'table' in node ? node.table.body.flat() : [];
  for (const child of children) fontSizes(child, into);
  if ('text' in node && Array.isArray(node.text)) {
    for (const inline of node.text) if (typeof inline !== 'string' && inline.fontSize !== undefined) into.push(inline.fontSize);
  }
  return into;
}

describe('the document definition', () => {
  it('uses 18 pt or more for body, table and heading styles in large print', async () => {
    const content = await loadPacketContent(fx.templatesDir, 'vertebroplasty-lumbar', 'en');
    if (!content.ok) throw new Error('template must load');
    const { caseData, estimate } = fx.estimateCase(fx.largePrintCase);
    const doc = buildPacketDocument({ caseData, estimate, content: content.value, clinic: fx.clinic, expectedDiagnoses: fx.expectedDiagnoses(), preparedDate: fx.PREPARED_DATE, reference: 'VP-1', largePrint: true });
    expect(doc.defaultStyle?.fontSize).toBeGreaterThanOrEqual(18);
    for (const name of ['body', 'tableCell', 'tableHeader', 'total', 'notice', 'label', 'h1', 'h2', 'h3', 'title']) {
      expect(doc.styles?.[name]?.fontSize, name).toBeGreaterThanOrEqual(18);
    }
    expect((doc.styles?.h2?.fontSize ?? 0) > (doc.styles?.body?.fontSize ?? 0)).toBe(true);
    for (const size of fontSizes({ stack: doc.content })) expect(size).toBeGreaterThanOrEqual(18);
    const normal = buildPacketDocument({ caseData, estimate, content: content.value, clinic: fx.clinic, expectedDiagnoses: fx.expectedDiagnoses(), preparedDate: fx.PREPARED_DATE, reference: 'VP-1', largePrint: false });
    expect(normal.defaultStyle?.fontSize).toBe(12);
  });

  it('holds no patient data in its metadata and is the same for the same inputs', async () => {
    const content = await loadPacketContent(fx.templatesDir, 'vertebroplasty-lumbar', 'en');
    if (!content.ok) throw new Error('template must load');
    const { caseData, estimate } = fx.estimateCase(fx.insuredCase);
    const input = { caseData, estimate, content: content.value, clinic: fx.clinic, expectedDiagnoses: fx.expectedDiagnoses(), preparedDate: fx.PREPARED_DATE, reference: 'VP-1', largePrint: false };
    const doc = buildPacketDocument(input);
    expect(doc.info?.title).toBe(PACKET_TITLE);
    const info = JSON.stringify(doc.info);
    for (const secret of [caseData.patient.firstName, caseData.patient.lastName, caseData.patient.dateOfBirth, fx.MEMBER_ID]) expect(info).not.toContain(secret);
    expect(JSON.stringify(buildPacketDocument(input).content)).toBe(JSON.stringify(doc.content));
  });
});
