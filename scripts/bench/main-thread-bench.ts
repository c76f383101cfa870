/**
 * The main thread while packets are made, measured through the preview bridge (the app's own
 * handlers behind loopback HTTP, in a process of their own, as the window reaches the main
 * process; this process is the window's side):
 * the longest time the event loop was blocked (monitorEventLoopDelay) while 20 packets were
 * made one after another, and how long a live estimate waited then against idle. Once with the
 * packet worker (the app) and once with packets made in this thread (the old way) for
 * comparison. And the peak memory of that process (worker included) over 100 packets.
 * Targets (issue 14): never blocked more than 50 ms; an estimate within 20 ms of idle.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultSettings, SETTINGS_VERSION } from '../../core/settings';
import * as fx from '../../electron/services/testing/packet-fixtures';
import { median, ms, percentile, type BenchFigure, type BenchSection } from './bench-types';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const PACKETS = 20;

interface Watch {
  longestBlockMs: number;
  p99Ms: number;
  peakRss: number;
  rssBefore: number;
}

interface Bridge {
  invoke(channel: string, request: unknown): Promise<{ millis: number; ok: boolean }>;
  /** Watch the server process's event loop and memory from now until stop(). */
  start(): void;
  stop(): Promise<Watch>;
  close(): Promise<void>;
}

/** The preview server in its own process (bridge-server.ts), this process its client. */
async function openBridge(packetsInThisThread: boolean): Promise<Bridge> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-main-'));
  const settings = { ...defaultSettings, clinic: { ...defaultSettings.clinic, name: fx.clinic.name, phone: fx.clinic.phone } };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: SETTINGS_VERSION, settings }), { mode: 0o600 });
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'scripts', 'bench', 'bridge-server.ts'), dataDir, packetsInThisThread ? 'thread' : 'worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { url } = await next<{ url: string }>();
  const origin = new URL(url).origin;
  return {
    async invoke(channel, request) {
      const start = performance.now();
      const response = await fetch(`${origin}/__clinic/invoke/${channel}`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ request }) });
      const body = (await response.json()) as { ok: boolean };
      return { millis: performance.now() - start, ok: body.ok };
    },
    start: () => child.send('start'),
    stop() {
      const answer = next<Watch>();
      child.send('stop');
      return answer;
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A different patient each time, so no packet is the one-build-per-patient reuse of the last. */
const patientCase = (i: number) => ({ ...fx.insuredCase, patient: { ...fx.insuredCase.patient, firstName: `Bench${i}` } });

async function underLoad(packetsInThisThread: boolean): Promise<{ longestBlock: number; p99: number; idle: number[]; busy: number[]; packets: number[] }> {
  const bridge = await openBridge(packetsInThisThread);
  try {
    // Warm: the worker (or this thread) has pdfmake and the fonts, the estimate path is compiled.
    for (let i = 0; i < 2; i += 1) await bridge.invoke('packet:preview', patientCase(-1 - i));
    const idle: number[] = [];
    for (let i = 0; i < 40; i += 1) idle.push((await bridge.invoke('estimate:compute', fx.insuredCase)).millis);

    bridge.start();
    let building = true;
    const packets: number[] = [];
    const builds = (async () => {
      for (let i = 0; i < PACKETS; i += 1) {
        const answer = await bridge.invoke('packet:preview', patientCase(i));
        if (!answer.ok) throw new Error('a benchmark packet failed');
        packets.push(answer.millis);
      }
      building = false;
    })();
    const busy: number[] = [];
    // Estimates one after another, as staff typing with a 100 ms debounce would send them, only faster.
    while (building) busy.push((await bridge.invoke('estimate:compute', fx.insuredCase)).millis);
    await builds;
    const watch = await bridge.stop();
    return { longestBlock: watch.longestBlockMs, p99: watch.p99Ms, idle, busy, packets };
  } finally {
    await bridge.close();
  }
}

async function peakMemory(): Promise<{ before: number; peak: number }> {
  const bridge = await openBridge(false);
  try {
    await bridge.invoke('packet:preview', patientCase(-1));
    bridge.start();
    for (let i = 0; i < 100; i += 1) await bridge.invoke('packet:preview', patientCase(1000 + i));
    const watch = await bridge.stop();
    return { before: watch.rssBefore, peak: watch.peakRss };
  } finally {
    await bridge.close();
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

export async function runMainThreadBench(): Promise<BenchFigure[]> {
  // Memory first, while this process holds little else; then the app's way and the old way.
  const memory = await peakMemory();
  const worker = await underLoad(false);
  const thread = await underLoad(true);
  const figures: BenchFigure[] = [];
  for (const [label, run] of [['packet worker (the app)', worker], ['packets in the main thread (before)', thread]] as const) {
    const idle = median(run.idle);
    const busy = median(run.busy);
    const app = run === worker;
    figures.push({
      name: `longest main-thread block while ${PACKETS} packets were made, ${label}`,
      text: `${ms(run.longestBlock)} (event-loop delay p99 ${ms(run.p99)})`,
      ...(app ? { target: { text: '<= 50 ms', met: run.longestBlock <= 50 }, summary: `Longest main-thread block while packets are made: ${ms(run.longestBlock)} (target 50 ms)` } : {}),
    });
    figures.push({
      name: `live estimate while packets were made, ${label}`,
      text: `median ${ms(busy)} (p95 ${ms(percentile(run.busy, 95))}, ${run.busy.length} estimates) against ${ms(idle)} idle: +${ms(busy - idle)}; a packet over the bridge: median ${ms(median(run.packets))}`,
      ...(app ? { target: { text: '<= idle + 20 ms', met: busy - idle <= 20 }, summary: `Live estimate while packets are made: ${ms(busy)} median against ${ms(idle)} idle (+${ms(busy - idle)}; target +20 ms)` } : {}),
    });
  }
  figures.push({
    name: 'memory of the process (packet worker included) over 100 packets',
    text: `RSS ${mb(memory.before)} after the first packet, peak ${mb(memory.peak)}`,
    summary: `Peak memory over 100 packets: ${mb(memory.peak)} RSS (${mb(memory.before)} before)`,
  });
  return figures;
}

export const mainThreadBenchSection: BenchSection = { title: 'Main thread while packets are made (the preview bridge in its own process)', run: runMainThreadBench };
