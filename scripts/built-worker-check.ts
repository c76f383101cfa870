/**
 * `tsx scripts/built-worker-check.ts`: makes the insured test packet with the BUILT packet
 * worker (out/main/packet-worker.js, run with plain Node options, as the app starts it) and in
 * this thread, and prints {"sameBytes":..., "restarts":..., "bytes":...}. Run by
 * e2e/bundle.spec.ts after the build.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPacketService } from '../electron/services/packet-service';
import { createWorkerPacketRenderer } from '../electron/services/packet-worker/worker-packet-renderer';
import * as fx from '../electron/services/testing/packet-fixtures';

const worker = join(import.meta.dirname, '..', 'out', 'main', 'packet-worker.js');
const renderer = createWorkerPacketRenderer({ fontsDir: fx.fontsDir, entry: { url: pathToFileURL(worker), execArgv: [] } });
const service = (withWorker: boolean) =>
  createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog(), ...(withWorker ? { renderer } : {}) });
const input = { ...fx.estimateCase(fx.insuredCase), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE };
try {
  const built = await service(true).build(input);
  const here = await service(false).build(input);
  if (!built.ok || !here.ok) throw new Error(`a build failed: ${built.ok ? '' : built.error.code} ${here.ok ? '' : here.error.code}`);
  const sameBytes = Buffer.from(built.value.pdf).equals(Buffer.from(here.value.pdf));
  process.stdout.write(`${JSON.stringify({ sameBytes, restarts: renderer.restarts(), bytes: built.value.pdf.byteLength })}\n`);
} finally {
  await renderer.close();
}
