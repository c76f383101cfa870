/**
 * Run in a fresh process by packet-bench.ts: `tsx packet-first-build.ts cold|warm` prints the
 * milliseconds of the first packet build, without or after the service's warmUp() (the app
 * warms up in the background at start-up). Module loading is counted in both.
 */
export {};

const mode = process.argv[2] === 'warm' ? 'warm' : 'cold';
const start = performance.now();
const fx = await import('../../electron/services/testing/packet-fixtures');
const { createPacketService } = await import('../../electron/services/packet-service');
const service = createPacketService({ templatesDir: fx.templatesDir, fontsDir: fx.fontsDir, catalog: fx.shippedCatalog() });
const input = { ...fx.estimateCase(fx.insuredCase), clinic: fx.clinic, preparedDate: fx.PREPARED_DATE };
let buildStart = start;
if (mode === 'warm') {
  const { warmUpInput } = await import('../../electron/services/packet-warm-up');
  const { defaultSettings } = await import('../../core/settings');
  const warm = warmUpInput(fx.shippedEstimator(), fx.shippedCatalog().primary.warmUpCase, defaultSettings, fx.PREPARED_DATE);
  if (warm === null) throw new Error('the warm-up case is invalid');
  await service.warmUp(warm);
  buildStart = performance.now();
}
const result = await service.build(input);
if (!result.ok) throw new Error(result.error.message);
process.stdout.write(`${JSON.stringify({ mode, millis: performance.now() - buildStart })}\n`);
