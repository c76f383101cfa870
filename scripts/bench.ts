/**
 * `npm run bench`: every benchmark section in turn, human-readable, then a summary (the lines
 * BENCHMARKS.md records). `npm run bench -- packet main` runs only the sections whose key is
 * given (keys: estimate, packet, main, startup, records, shared).
 */
import { isFigure, type BenchFigure, type BenchMeasurement, type BenchSection } from './bench/bench-types';
import { estimateBenchSection } from './bench/estimate-bench';
import { mainThreadBenchSection } from './bench/main-thread-bench';
import { packetBenchSection } from './bench/packet-bench';
import { recordsBenchSection } from './bench/records-bench';
import { sharedBenchSection } from './bench/shared-bench';
import { startupBenchSection } from './bench/startup-bench';

const sections: Record<string, BenchSection> = {
  estimate: estimateBenchSection,
  packet: packetBenchSection,
  main: mainThreadBenchSection,
  startup: startupBenchSection,
  records: recordsBenchSection,
  shared: sharedBenchSection,
};

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function describe(m: BenchMeasurement | BenchFigure): string {
  if (isFigure(m)) {
    const target = m.target === undefined ? '' : `  (target ${m.target.text}: ${m.target.met ? 'met' : 'NOT met'})`;
    return `  ${m.name}: ${m.text}${target}`;
  }
  const target =
    m.targetPerSecond === undefined
      ? ''
      : `  (target >= ${whole.format(m.targetPerSecond)}/s: ${m.perSecond >= m.targetPerSecond ? 'met' : 'NOT met'})`;
  const spread = `runs ${whole.format(Math.min(...m.runsPerSecond))}-${whole.format(Math.max(...m.runsPerSecond))}`;
  const note = m.note === undefined ? '' : `\n      ${m.note}`;
  return `  ${m.name}: ${whole.format(m.perSecond)}/s median, ${spread}${target}${note}`;
}

const wanted = process.argv.slice(2).filter((arg) => arg in sections);
const summary: string[] = [];
for (const [key, section] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(key)) continue;
  console.log(section.title);
  for (const measurement of await section.run()) {
    console.log(describe(measurement));
    if (isFigure(measurement) && measurement.summary !== undefined) summary.push(measurement.summary);
  }
}
if (summary.length > 0) console.log(`Summary\n${summary.map((line) => `  ${line}`).join('\n')}`);
