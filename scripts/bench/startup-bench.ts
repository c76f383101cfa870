/**
 * Start-up: the first packet after start (fresh processes, the packet worker), a cold
 * `npm run --silent estimate` against `npm --version` in the same run (interleaved), the
 * renderer's initial JavaScript (gzip) and the time until it is ready in Chromium (Debian's,
 * through the preview server). Targets (issue 14): first packet under 0.3 s; the estimate at
 * most 2.5x npm's own start; initial JS at most 120 KB gzip; ready under 300 ms median.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startPreviewServer } from '../preview-bridge/server';
import { median, ms, type BenchFigure, type BenchSection } from './bench-types';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function firstPackets(): BenchFigure[] {
  const run = (mode: 'cold' | 'warm') => {
    const out = execFileSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'scripts', 'bench', 'packet-first-build.ts'), mode]);
    return JSON.parse(out.toString()) as { warmUpMillis: number; millis: number; builtWorker: boolean };
  };
  const warm = [run('warm'), run('warm'), run('warm'), run('warm'), run('warm')];
  const cold = [run('cold'), run('cold'), run('cold')];
  const first = median(warm.map((r) => r.millis));
  const where = warm[0]?.builtWorker === true ? 'the built worker' : 'the worker from source (run npm run build for the built one)';
  return [
    {
      name: `first packet after start-up (after the warm-up that starts when the window shows; ${where})`,
      text: `median ${ms(first)} of ${warm.length} fresh processes; the warm-up itself ${ms(median(warm.map((r) => r.warmUpMillis)))} in the worker`,
      target: { text: '< 300 ms', met: first < 300 },
      summary: `First packet after start-up: ${ms(first)} (target 300 ms)`,
    },
    { name: 'first packet with no warm-up (the worker starts with it)', text: `median ${ms(median(cold.map((r) => r.millis)))}` },
  ];
}

function cliStart(): BenchFigure {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const caseFile = join(dir, 'case.json');
  writeFileSync(caseFile, readFileSync(join(repoRoot, 'e2e', 'cases', 'commercial-in-network.json')));
  const time = (args: string[]) => {
    const start = performance.now();
    execFileSync(npm, args, { cwd: repoRoot, stdio: 'pipe' });
    return performance.now() - start;
  };
  const estimateArgs = ['run', '--silent', 'estimate', '--', caseFile];
  time(estimateArgs); // rebuilds the bundle if a source is newer; not counted
  const ratios: number[] = [];
  const estimate: number[] = [];
  const version: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const v = time(['--version']);
    const e = time(estimateArgs);
    version.push(v);
    estimate.push(e);
    ratios.push(e / v);
  }
  rmSync(dir, { recursive: true, force: true });
  const ratio = median(ratios);
  return {
    name: 'cold npm run --silent estimate against npm --version (interleaved, 7 pairs)',
    text: `${ms(median(estimate))} against ${ms(median(version))}: ${ratio.toFixed(2)}x (median of pair ratios)`,
    target: { text: '<= 2.5x', met: ratio <= 2.5 },
    summary: `npm run estimate / npm --version: ${ratio.toFixed(2)}x (target 2.5x)`,
  };
}

/** The scripts index.html loads at once (its module script and modulepreloads), gzip-compressed. */
function initialJsGzip(): number {
  const dir = join(repoRoot, 'out', 'renderer');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).byteLength, 0);
}

/** Run in the page before its scripts: notes performance.now() when the app marks itself ready. */
const READY_MARK = `new MutationObserver((_, observer) => {
  if (document.documentElement?.dataset.ready === 'true') { window.readyAt = performance.now(); observer.disconnect(); }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });`;

async function readyInChromium(): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-ready-'));
  const server = await startPreviewServer({ port: 0, dataDir, appRoot: repoRoot });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  const times: number[] = [];
  try {
    for (let i = 0; i < 8; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // The moment the app marks itself ready, from the start of navigation.
      await page.addInitScript({ content: READY_MARK });
      await page.goto(server.url);
      await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
      const readyAt = (await page.evaluate('window.readyAt')) as number | undefined;
      if (typeof readyAt !== 'number') throw new Error('the page did not note when it was ready');
      if (i > 0) times.push(readyAt); // the first load warms the server's file cache
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return times;
}

export async function runStartupBench(): Promise<BenchFigure[]> {
  const gzip = initialJsGzip();
  const ready = median(await readyInChromium());
  return [
    ...firstPackets(),
    cliStart(),
    {
      name: 'renderer initial JavaScript, gzip',
      text: `${(gzip / 1024).toFixed(1)} KB`,
      target: { text: '<= 120 KB', met: gzip <= 120 * 1024 },
      summary: `Renderer initial JS: ${(gzip / 1024).toFixed(1)} KB gzip (target 120 KB)`,
    },
    {
      name: 'renderer ready in Chromium (navigation start to html[data-ready], 7 loads)',
      text: `median ${ms(ready)}`,
      target: { text: '< 300 ms', met: ready < 300 },
      summary: `Renderer ready in Chromium: ${ms(ready)} median (target 300 ms)`,
    },
  ];
}

export const startupBenchSection: BenchSection = { title: 'Start-up (fresh processes; needs npm run build)', run: runStartupBench };
