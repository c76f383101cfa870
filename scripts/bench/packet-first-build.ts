/**
 * Run in a fresh process by startup-bench.ts: `tsx packet-first-build.ts cold|warm` prints
 * {"mode", "warmUpMillis", "millis"}: the first real packet after start, made in the packet
 * worker as the app makes it (the built out/main/packet-worker.js when there is one), with no
 * warm-up (the worker starts with the request) or after the app's warm-up (which starts when
 * the window shows). Module loading of this process is not counted; the worker's is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const mode = process.argv[2] === 'warm' ? 'warm' : 'cold';
const fx = await import('../../electron/services/testing/packet-fixtures');
const { createPacketService } = await import('../../electron/services/packet-service');
const { createWorkerPacketRenderer } = await import('../../electron/services/packet-worker/worker-packet-renderer');
const { warmUpInput } = await import('../../electron/services/packet-warm-up');
const { defaultSettings } = await import('../../core/settings');
const built = join(import.meta.dirname, '..', '..', 'out', 'main', 'packet-worker.js');

const start = performance.now();
const renderer = createWorkerPacketRenderer({ fontsDir: fx.fontsDir, ...(existsSync(built) ? { entry: { url: pathToFileURL(built), execArgv: [] } } : {}) });
const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog(), renderer });
let warmUpMillis = 0;
if (mode === 'warm') {
  const warm = warmUpInput(fx.shippedEstimator(), fx.shippedCatalog().primary.warmUpCase, defaultSettings, fx.PREPARED_DATE);
  if (warm === null) throw new Error('the warm-up case is invalid');
  await service.warmUp(warm);
  warmUpMillis = performance.now() - start;
}
const buildStart = performance.now();
const result = await service.build({ ...fx.estimateCase(fx.insuredCase), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE });
const millis = performance.now() - buildStart;
await renderer.close();
if (!result.ok) throw new Error(result.error.message);
process.stdout.write(`${JSON.stringify({ mode, warmUpMillis, millis, builtWorker: existsSync(built) })}\n`);
