/**
 * The packet build against a same-document floor: raw PDFKit laying out the packet's own
 * document definition (pdfkit-floor.ts: the same fonts, sizes, tables, rules, footers and page
 * breaks; the same page count), timed interleaved with the real build (A B A B ...) in one
 * thread, in CPU time, the ratio taken pair by pair. Both sides build the definition from the
 * same inputs. Then PDF sizes and the whole `npm run packet` process cold.
 * Target (issue 14): the warm build's median at most 1.2x the floor's, same run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPacketDocument, type PacketInput } from '../../core/packet/build-packet';
import { loadPacketContent } from '../../electron/services/content-loader';
import { createInProcessPacketRenderer } from '../../electron/services/packet-renderer';
import { packetReference } from '../../core/packet/reference';
import * as fx from '../../electron/services/testing/packet-fixtures';
import { median, ms, percentile, type BenchFigure, type BenchSection } from './bench-types';
import { loadFloorFonts, renderFloor } from './pdfkit-floor';

const PAIRS = 21;
const cases = { insured: fx.insuredCase, 'Good Faith Estimate': fx.uninsuredCase, Spanish: fx.spanishCase, 'large print': fx.largePrintCase } as const;

async function packetInput(raw: unknown): Promise<PacketInput> {
  const estimated = fx.estimateCase(raw);
  const content = await loadPacketContent(fx.templatesDir, estimated.caseData.procedure.id, estimated.caseData.language);
  if (!content.ok) throw new Error(content.error.message);
  const procedure = fx.shippedCatalog().get(estimated.caseData.procedure.id)?.procedure;
  if (procedure === undefined) throw new Error('unknown procedure');
  return {
    ...estimated,
    content: content.value,
    clinic: fx.clinic,
    otherProviders: fx.otherProviders,
    expectedDiagnoses: fx.expectedDiagnoses(),
    preparedDate: fx.PREPARED_DATE,
    reference: packetReference(estimated.caseData, estimated.estimate, fx.PREPARED_DATE, procedure),
    largePrint: estimated.caseData.largePrint,
  };
}

/** CPU milliseconds (this process, all its threads) and wall milliseconds of one run. */
async function cpuTimed(work: () => Promise<unknown>): Promise<{ cpu: number; wall: number; bytes: number }> {
  const wallStart = performance.now();
  const start = process.cpuUsage();
  const out = (await work()) as Uint8Array;
  const used = process.cpuUsage(start);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wallStart, bytes: out.byteLength };
}

interface Pairs {
  build: number[];
  floor: number[];
  ratios: number[];
  buildWall: number[];
  floorWall: number[];
  sizes: [number, number];
}

async function interleaved(input: PacketInput): Promise<Pairs> {
  const renderer = createInProcessPacketRenderer(fx.fontsDir);
  const fonts = loadFloorFonts(fx.fontsDir);
  const { default: PDFDocument } = await import('pdfkit');
  const real = () => renderer.render(input);
  const floor = () => renderFloor(PDFDocument, buildPacketDocument(input), fonts);
  // Warm both (modules, fonts, the JIT), untimed.
  for (let i = 0; i < 10; i += 1) {
    await real();
    await floor();
  }
  const result: Pairs = { build: [], floor: [], ratios: [], buildWall: [], floorWall: [], sizes: [0, 0] };
  for (let i = 0; i < PAIRS; i += 1) {
    // A B, then B A: neither side always runs right after the other's garbage.
    let a: Awaited<ReturnType<typeof cpuTimed>>;
    let b: typeof a;
    if (i % 2 === 0) {
      a = await cpuTimed(real);
      b = await cpuTimed(floor);
    } else {
      b = await cpuTimed(floor);
      a = await cpuTimed(real);
    }
    result.build.push(a.cpu);
    result.floor.push(b.cpu);
    result.buildWall.push(a.wall);
    result.floorWall.push(b.wall);
    result.ratios.push(a.cpu / b.cpu);
    result.sizes = [a.bytes, b.bytes];
  }
  return result;
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const both = (values: number[]) => `median ${ms(median(values))}, p95 ${ms(percentile(values, 95))}`;

export async function runPacketBench(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const [label, raw] of Object.entries(cases)) {
    const pairs = await interleaved(await packetInput(raw));
    const ratio = median(pairs.ratios);
    const headline = label === 'insured';
    figures.push({
      name: `warm packet build / same-document PDFKit floor, ${label} (${PAIRS} interleaved pairs, CPU time)`,
      text: `${ratio.toFixed(2)}x (pair ratios p95 ${percentile(pairs.ratios, 95).toFixed(2)}x); build ${both(pairs.build)} CPU (wall ${ms(median(pairs.buildWall))}); floor ${both(pairs.floor)} CPU (wall ${ms(median(pairs.floorWall))}); PDF ${kb(pairs.sizes[0])}, floor ${kb(pairs.sizes[1])}`,
      target: { text: '<= 1.2x', met: ratio <= 1.2 },
      ...(headline ? { summary: `Packet build / same-document PDFKit floor: ${ratio.toFixed(2)}x` } : {}),
    });
    if (headline) figures.push({ name: 'warm packet build, insured (CPU)', text: both(pairs.build), summary: `Warm packet build (insured, 12 pages): ${ms(median(pairs.build))} CPU median, ${ms(percentile(pairs.build, 95))} p95` });
  }

  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'packet-bench-'));
  const caseFile = join(dir, 'case.json');
  writeFileSync(caseFile, JSON.stringify(fx.insuredCase));
  const clinicFile = join(dir, 'clinic.json');
  writeFileSync(clinicFile, JSON.stringify({ name: fx.clinic.name, address: fx.clinic.address, phone: fx.clinic.phone, npi: fx.clinic.npi, tin: fx.clinic.tin }));
  // What `npm run packet` runs: the launcher and the bundled CLI (one untimed run first, which
  // rebuilds the bundle if a source is newer).
  const packetArgs = [join(repoRoot, 'scripts', 'run-cli.mjs'), 'packet', caseFile, '--out', join(dir, 'out.pdf'), '--clinic', clinicFile, '--today', fx.PREPARED_DATE];
  execFileSync(process.execPath, packetArgs);
  const cold: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    execFileSync(process.execPath, packetArgs);
    cold.push(performance.now() - start);
  }
  figures.push({ name: 'npm run packet, whole process cold (bundled CLI)', text: `median ${ms(median(cold))}` });
  return figures;
}

export const packetBenchSection: BenchSection = { title: 'Packet PDF against the same document in raw PDFKit (one thread)', run: runPacketBench };
