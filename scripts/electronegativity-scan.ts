/**
 * Runs Electronegativity (the Electron security scanner) over one folder, offline, and writes
 * its SARIF with each result's severity and confidence added (its own SARIF leaves them out,
 * and its -s option filters only the console table). Used by scripts/electronegativity.test.ts.
 *
 *   tsx scripts/electronegativity-scan.ts <folder> <out.sarif> <electron version>
 *
 * Offline by construction: the scanner fetches translations and Electron's release list with
 * `got`, and with no network a retry crashes it (an unhandled p-cancelable error). Here `got`
 * is replaced by one that fails at once, so it keeps its bundled English texts; the check that
 * needs the release list (AvailableSecurityFixesGlobalCheck: is a newer Electron out?) is left
 * out, and the Electron version is passed in instead of detected.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';

interface ScannerIssue {
  id: string;
  file: string;
  location?: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
}
interface ScanError {
  file: string;
  message: string;
  tolerable: boolean;
}
type Runner = (options: Record<string, unknown>, forCli?: boolean) => Promise<{ issues: ScannerIssue[]; errors: ScanError[] }>;

/** Checks that need the network (see above). */
const OFFLINE_EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const [folder, output, electronVersion] = process.argv.slice(2);
if (folder === undefined || output === undefined || electronVersion === undefined) {
  console.error('usage: tsx scripts/electronegativity-scan.ts <folder> <out.sarif> <electron version>');
  process.exit(2);
}

const offline = Object.assign(() => Promise.reject(new Error('offline: the scan runs without network')), {
  head: () => Promise.reject(new Error('offline')),
  get: () => Promise.reject(new Error('offline')),
});
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = loader._load;
loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'got' ? offline : load.call(this, request, ...rest);
};

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js') as Runner;
const { issues, errors } = await run({
  input: resolve(folder),
  output,
  isSarif: true,
  customScan: [],
  excludeFromScan: OFFLINE_EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
  isRelative: true,
  isVerbose: false,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
});

// The scanner writes the SARIF without waiting for it (fs.writeFile): once nothing is left to
// do, it is on disk. It holds one result per issue, in order: add what it left out.
process.once('beforeExit', () => addSeverities(issues, errors));

function addSeverities(found: ScannerIssue[], failed: ScanError[]): void {
  const sarif = JSON.parse(readFileSync(output as string, 'utf8')) as { runs: [{ results: { properties?: Record<string, unknown> }[]; invocations?: unknown[] }] };
  const results = sarif.runs[0].results;
  if (results.length !== found.length) throw new Error(`electronegativity wrote ${results.length} results for ${found.length} issues`);
  results.forEach((result, i) => {
    result.properties = { ...result.properties, severity: found[i]?.severity.name, confidence: found[i]?.confidence.name };
  });
  // Files it could not parse were not checked: say so in the SARIF, as errors.
  sarif.runs[0].invocations = [
    {
      ...(sarif.runs[0].invocations?.[0] as object | undefined),
      executionSuccessful: failed.every((e) => e.tolerable),
      toolExecutionNotifications: failed.map((e) => ({ level: e.tolerable ? 'warning' : 'error', message: { text: `${e.file}: ${e.message}` } })),
    },
  ];
  writeFileSync(output as string, JSON.stringify(sarif, null, 2));
}
