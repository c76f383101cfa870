/**
 * The bundled CLI (issue 14): `npm run estimate` / `npm run packet` run out/cli/cli.mjs with
 * plain Node through scripts/run-cli.mjs, which rebuilds the bundle when a source is newer.
 * The bundle must answer exactly as runCli does in process, and write a valid packet.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as fx from '../services/testing/packet-fixtures';
import { pdfText, qpdfCheck } from '../services/testing/pdf-tools';
import { runCli } from './run-cli';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const launcher = join(repoRoot, 'scripts', 'run-cli.mjs');
const bundle = join(repoRoot, 'out', 'cli', 'cli.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
const caseFile = join(repoRoot, 'e2e', 'cases', 'medicaid.json');
const TODAY = '2026-11-29';

function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // From another folder: the bundle finds templates/ from itself, not the working directory.
    execFile(process.execPath, args, { cwd: tmp }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

async function inProcess(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCli(argv, { templatesDir: join(repoRoot, 'templates'), io: { stdout: (text) => (stdout += text), stderr: () => {} }, today: () => TODAY });
  return { code, stdout };
}

describe('the bundled CLI (out/cli/cli.mjs) and its launcher', { timeout: 60_000 }, () => {
  // One build for the whole file: the bundle is aged (not a source: the tree is never
  // modified) to before every source file, or is missing on a fresh clone; the launcher must
  // then rebuild it before running. Its run and the bundle's new time are checked below.
  const past = new Date('2001-01-01T00:00:00Z');
  let launched: { code: number; stdout: string; stderr: string };
  let builtMs = 0;
  beforeAll(async () => {
    if (existsSync(bundle)) utimesSync(bundle, past, past);
    launched = await node([launcher, 'estimate', '--today', TODAY, caseFile]);
    builtMs = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  }, 120_000);

  it('the launcher rebuilds a bundle older than its sources (or missing) and runs it', async () => {
    expect(launched.stderr).toBe('');
    expect(launched.code).toBe(0);
    expect(launched.stdout).toBe((await inProcess(['estimate', '--today', TODAY, caseFile])).stdout);
    expect(builtMs).toBeGreaterThan(past.getTime());
  });

  it('the launcher leaves a current bundle alone', async () => {
    const again = await node([launcher, 'estimate', '--today', TODAY, caseFile]);
    expect(again.code).toBe(0);
    expect(statSync(bundle).mtimeMs).toBe(builtMs);
  });

  it('gives the same estimate on stdout as runCli, run with plain node', async () => {
    const bundled = await node([bundle, 'estimate', '--today', TODAY, caseFile]);
    const expected = await inProcess(['estimate', '--today', TODAY, caseFile]);
    expect(expected.code).toBe(0);
    expect(bundled.stderr).toBe('');
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toBe(expected.stdout);
    expect(JSON.parse(bundled.stdout)).toHaveProperty('payments');
  });

  it('writes a valid packet PDF, run with plain node', async () => {
    const out = join(tmp, 'packet.pdf');
    const clinic = join(tmp, 'clinic.json');
    writeFileSync(clinic, JSON.stringify({ name: fx.clinic.name, address: fx.clinic.address, phone: fx.clinic.phone, npi: fx.clinic.npi, tin: fx.clinic.tin }));
    const cased = join(tmp, 'insured.json');
    writeFileSync(cased, JSON.stringify(fx.insuredCase));
    const result = await node([bundle, 'packet', cased, '--out', out, '--clinic', clinic, '--today', TODAY]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/VP-20261129-[0-9A-Z]{5}/);
    expect((await qpdfCheck(out)).code).toBe(0);
    expect(await pdfText(out, { first: 1, last: 1 })).toContain(fx.clinic.name);
  });
});
