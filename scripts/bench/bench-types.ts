/** A benchmark section: a title and measurements; bench.ts prints every section in turn. */
export interface BenchMeasurement {
  name: string;
  /** Median over the runs. */
  perSecond: number;
  runsPerSecond: number[];
  /** Optional goal, reported as met or not met. */
  targetPerSecond?: number;
  /** Optional figures in other units (milliseconds, sizes), printed after the rate. */
  note?: string;
}

/** A figure that is not a rate (milliseconds, a ratio, a size), with its target if it has one. */
export interface BenchFigure {
  name: string;
  text: string;
  /** The target, in words ("<= 1.2x"), and whether this run met it. */
  target?: { text: string; met: boolean };
  /** A line for the summary at the end (BENCHMARKS.md's summary has the same lines). */
  summary?: string;
}

export interface BenchSection {
  title: string;
  run: () => (BenchMeasurement | BenchFigure)[] | Promise<(BenchMeasurement | BenchFigure)[]>;
}

export const isFigure = (m: BenchMeasurement | BenchFigure): m is BenchFigure => 'text' in m;

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Call `work(i)` for about `millis` ms (after a warm-up), `runs` times; per-second rates.
 * Single-threaded: one core.
 */
export function measure(name: string, work: (i: number) => unknown, options: { runs?: number; millis?: number; targetPerSecond?: number } = {}): BenchMeasurement {
  const runs = options.runs ?? 7;
  const millis = options.millis ?? 400;
  let sink: unknown = null;
  for (let i = 0; i < 20_000; i += 1) sink = work(i);
  const rates: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < millis) {
      for (let k = 0; k < 1_000; k += 1) sink = work(count + k);
      count += 1_000;
      elapsed = performance.now() - start;
    }
    rates.push((count / elapsed) * 1_000);
  }
  if (sink === undefined) throw new Error('benchmark produced nothing');
  const result: BenchMeasurement = { name, perSecond: median(rates), runsPerSecond: rates };
  if (options.targetPerSecond !== undefined) result.targetPerSecond = options.targetPerSecond;
  return result;
}
