/**
 * Packet build times: the first packet in a fresh process (module load + fonts + layout),
 * warm builds (median and p95 in one process) against a raw PDFKit layout of the same text
 * with the same fonts, the whole `npm run packet` process cold, and PDF sizes.
 * Targets (issue 4): warm build within 1.5x of raw PDFKit; first packet under 0.6 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type PDFDocumentClass from 'pdfkit';
import type { Content } from '../../core/packet/pdfmake-types';
import { median, type BenchMeasurement, type BenchSection } from './bench-types';

const WARM_RUNS = 15;

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Every string in a content tree, in reading order (what PDFKit will lay out). */
export function contentText(node: Content | undefined, into: string[] = []): string[] {
  if (node === undefined) return into;
  if (typeof node === 'string') {
    if (node !== '') into.push(node);
    return into;
  }
  if ('text' in node) {
    const parts = Array.isArray(node.text) ? node.text.map((t) => (typeof t === 'string' ? t : typeof t.text === 'string' ? t.text : '')) : [node.text];
    into.push(parts.join(''));
    return into;
  }
  const children: Content[] = 'stack' in node ? node.stack : 'columns' in node ? node.columns : 'ul' in node ? node.ul : 'table' in node ? node.table.body.flat() : [];
  for (const child of children) contentText(child, into);
  return into;
}

function rawPdfKit(PDFDocument: typeof PDFDocumentClass, texts: readonly string[], fonts: { regular: Buffer; medium: Buffer }): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', margins: { top: 54, bottom: 66, left: 60, right: 60 }, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('R', fonts.regular).registerFont('M', fonts.medium);
    doc.font('R').fontSize(12);
    for (const text of texts) doc.text(text, { lineGap: 3.6, paragraphGap: 8 });
    doc.end();
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

function fromMillis(name: string, millis: number[], note: string, targetMillis?: number): BenchMeasurement {
  const result: BenchMeasurement = { name, perSecond: 1000 / median(millis), runsPerSecond: millis.map((m) => 1000 / m), note };
  if (targetMillis !== undefined) result.targetPerSecond = 1000 / targetMillis;
  return result;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

export async function runPacketBench(): Promise<BenchMeasurement[]> {
  // Loaded here, not at the top: the first build then pays module loading, as after start-up.
  const [first, built, fx, rawCase] = await timed(async () => {
    const fixtures = await import('../../electron/services/testing/packet-fixtures');
    const { createPacketService } = await import('../../electron/services/packet-service');
    const service = createPacketService({ templatesDir: fixtures.templatesDir, fontsDir: fixtures.fontsDir, catalog: fixtures.shippedCatalog() });
    const input = { ...fixtures.estimateCase(fixtures.insuredCase), clinic: fixtures.clinic, preparedDate: fixtures.PREPARED_DATE };
    const result = await service.build(input);
    if (!result.ok) throw new Error(result.error.message);
    return { service, input, fixtures, pdf: result.value.pdf };
  }).then(([t, v]) => [t, v, v.fixtures, v.fixtures.insuredCase] as const);

  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i += 1) warm.push((await timed(() => built.service.build(built.input)))[0]);

  const sizes: string[] = [`insured ${kb(built.pdf.byteLength)}`];
  for (const [label, raw] of [['Good Faith Estimate', fx.uninsuredCase], ['Spanish', fx.spanishCase], ['large print', fx.largePrintCase]] as const) {
    const result = await built.service.build({ ...fx.estimateCase(raw), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE });
    if (result.ok) sizes.push(`${label} ${kb(result.value.pdf.byteLength)}`);
  }

  const { buildPacketDocument } = await import('../../core/packet/build-packet');
  const { loadPacketContent } = await import('../../electron/services/content-loader');
  const content = await loadPacketContent(fx.templatesDir, 'vertebroplasty-lumbar', 'en');
  if (!content.ok) throw new Error(content.error.message);
  const doc = buildPacketDocument({ ...built.input, expectedDiagnoses: fx.expectedDiagnoses(), content: content.value, reference: 'VP-BENCH', largePrint: false });
  const texts = contentText({ stack: doc.content });
  const fonts = { regular: readFileSync(join(fx.fontsDir, 'Roboto-Regular.ttf')), medium: readFileSync(join(fx.fontsDir, 'Roboto-Medium.ttf')) };
  // Imported after the packet service has loaded PDFKit, as in the app (same font cache).
  const { default: PDFDocument } = await import('pdfkit');
  await rawPdfKit(PDFDocument, texts, fonts);
  const raw: number[] = [];
  for (let i = 0; i < WARM_RUNS; i += 1) raw.push((await timed(() => rawPdfKit(PDFDocument, texts, fonts)))[0]);

  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'packet-bench-'));
  const caseFile = join(dir, 'case.json');
  writeFileSync(caseFile, JSON.stringify(rawCase));
  // What `npm run packet` runs: the launcher and the bundled CLI (one untimed run first, which
  // rebuilds the bundle if a source is newer).
  const packetArgs = [join(repoRoot, 'scripts', 'run-cli.mjs'), 'packet', caseFile, '--out', join(dir, 'out.pdf'), '--today', fx.PREPARED_DATE];
  execFileSync(process.execPath, packetArgs);
  const cold: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    execFileSync(process.execPath, packetArgs);
    cold.push(performance.now() - start);
  }

  // The first packet in fresh processes: with no warm-up, and after warmUp() as the app does.
  const firstBuild = (mode: 'cold' | 'warm'): number => {
    const out = execFileSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'scripts', 'bench', 'packet-first-build.ts'), mode]);
    return (JSON.parse(out.toString()) as { millis: number }).millis;
  };
  const coldFirst = [firstBuild('cold'), firstBuild('cold'), firstBuild('cold')];
  const warmFirst = [firstBuild('warm'), firstBuild('warm'), firstBuild('warm')];

  const warmMedian = median(warm);
  const rawMedian = median(raw);
  return [
    fromMillis('first packet in a fresh process, no warm-up (import + fonts + build)', coldFirst, `median ${ms(median(coldFirst))} (this process: ${ms(first)})`, 600),
    fromMillis('first packet in a fresh process after warmUp() (as the app starts)', warmFirst, `median ${ms(median(warmFirst))}`, 600),
    fromMillis('warm packet build, insured (12 pages)', warm, `median ${ms(warmMedian)}, p95 ${ms(percentile(warm, 95))}; ${(warmMedian / rawMedian).toFixed(2)}x raw PDFKit`, rawMedian * 1.5),
    fromMillis('raw PDFKit layout of the same text', raw, `median ${ms(rawMedian)}, p95 ${ms(percentile(raw, 95))}`),
    fromMillis('npm run packet, whole process cold (bundled CLI)', cold, `median ${ms(median(cold))}; PDF sizes: ${sizes.join(', ')}`),
  ];
}

export const packetBenchSection: BenchSection = { title: 'Packet PDF (pdfmake, one core)', run: runPacketBench };
