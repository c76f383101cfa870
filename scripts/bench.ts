/**
 * `npm run bench`: every benchmark section in turn, human-readable. Add a section (e.g. packet
 * rendering) by exporting a BenchSection from scripts/bench/ and listing it here.
 */
import type { BenchMeasurement, BenchSection } from './bench/bench-types';
import { estimateBenchSection } from './bench/estimate-bench';
import { packetBenchSection } from './bench/packet-bench';
import { recordsBenchSection } from './bench/records-bench';

const sections: BenchSection[] = [estimateBenchSection, packetBenchSection, recordsBenchSection];

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function describe(m: BenchMeasurement): string {
  const target =
    m.targetPerSecond === undefined
      ? ''
      : `  (target >= ${whole.format(m.targetPerSecond)}/s: ${m.perSecond >= m.targetPerSecond ? 'met' : 'NOT met'})`;
  const spread = `runs ${whole.format(Math.min(...m.runsPerSecond))}-${whole.format(Math.max(...m.runsPerSecond))}`;
  const note = m.note === undefined ? '' : `\n      ${m.note}`;
  return `  ${m.name}: ${whole.format(m.perSecond)}/s median, ${spread}${target}${note}`;
}

for (const section of sections) {
  console.log(section.title);
  for (const measurement of await section.run()) console.log(describe(measurement));
}
