/**
 * The headless command end to end: real processes (`npx tsx electron/cli.ts estimate ...`)
 * on temporary case files, checking stdout JSON, stderr lines and exit codes.
 * (Process start-up is slow, so the finer cases run in process in run-cli.test.ts.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'estimate-cli-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd?: string; bin?: string } = {}): Promise<Run> {
  const [command, prefix] = options.bin === undefined ? ['npx', ['tsx']] : [options.bin, []];
  return new Promise((resolve) => {
    execFile(command, [...prefix, join(repoRoot, 'electron/cli.ts'), ...args], { cwd: options.cwd ?? repoRoot }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

let fileCount = 0;
function caseFile(content: unknown): string {
  fileCount += 1;
  const path = join(tmp, `case-${fileCount}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const validCase = (coverage: Record<string, unknown>, procedure: Record<string, unknown> = {}) => ({
  patient: { firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '1948-07-04' },
  procedure: { id: 'vertebroplasty-lumbar', levels: 1, site: 'hospital-outpatient', sedation: 'moderate', ...procedure },
  coverage,
});

describe.concurrent('npm run estimate (electron/cli.ts estimate)', { timeout: 90_000 }, () => {
  it('HealthCare.gov: allowed $12,000, $3,000 deductible, 20%, OOP max $6,850 -> $4,800', async () => {
    const file = caseFile(validCase({ kind: 'commercial', allowedAmount: 12000, deductible: 3000, deductibleMet: 0, coinsurancePercent: 20, outOfPocketMax: 6850, outOfPocketMet: 0 }));
    const result = await run(['estimate', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json.allowed).toEqual({ low: 12000, high: 12000 });
    expect(json.patient).toEqual({ low: 4800, high: 4800 });
    expect(json.insurance).toEqual({ low: 7200, high: 7200 });
    expect(json.patientBreakdown).toEqual({
      low: { copay: 0, deductible: 3000, coinsurance: 1800, balanceBill: 0, secondary: 0 },
      high: { copay: 0, deductible: 3000, coinsurance: 1800, balanceBill: 0, secondary: 0 },
    });
    expect(json.allowedSource).toBe('entered');
    expect(json.rateYear).toBeNull();
    const providers = json.providers as { role: string; allowed: { low: number }; patient: { low: number } }[];
    expect(providers.map((p) => p.role)).toEqual(['physician', 'facility']);
    expect(providers.reduce((sum, p) => sum + p.patient.low, 0)).toBeCloseTo(4800, 2);
    expect(providers.reduce((sum, p) => sum + p.allowed.low, 0)).toBeCloseTo(12000, 2);
    expect(json.referenceRange).toEqual({ low: 5000, high: 15000 });
    expect(json.goodFaithEstimate).toBe(false);
    expect(json.withinReferenceRange).toBe(true);
    expect(Array.isArray(json.lines)).toBe(true);
    expect(Array.isArray(json.warnings)).toBe(true);
  });

  it("Original Medicare with Medigap G in the office: Medicare's rates, per provider, the supplement's part", async () => {
    const file = caseFile(validCase({ kind: 'medicare', deductibleMet: 0, supplement: { kind: 'medigap', plan: 'G' } }, { site: 'office', sedation: 'local' }));
    const result = await run(['estimate', file]);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json.allowedSource).toBe('medicare-fee-schedule');
    expect(typeof json.rateYear).toBe('number');
    expect(json.allowed).toEqual({ low: 1773.92, high: 1773.92 });
    expect(json.patient).toEqual({ low: 283, high: 283 });
    expect(json.medicare).toMatchObject({ plan: 'original', clinicFigures: [], unconfirmedFigures: [] });
    expect(json.secondary).toEqual({ low: 298.18, high: 298.18 });
    expect(json.providers).toEqual([
      expect.objectContaining({ role: 'physician', allowed: { low: 1773.92, high: 1773.92 }, insurance: { low: 1192.74, high: 1192.74 }, secondary: { low: 298.18, high: 298.18 }, patient: { low: 283, high: 283 } }),
    ]);
  });

  it("a clinic file's payer contract and deposit: contracted amounts, the contract named, money before the day", async () => {
    const clinic = caseFile({ name: 'Lakeside Spine', payerContracts: [{ payer: 'Blue Prairie PPO', aliases: ['BPH'], physician: { percentOfMedicare: 135 } }], depositPercent: 50 });
    const file = caseFile({
      ...validCase({ kind: 'commercial', payerName: 'bph', deductible: 1000, deductibleMet: 0, coinsurancePercent: 20, outOfPocketMax: null }, { site: 'office', sedation: 'local' }),
      payments: { alreadyPaid: 100, planMonths: 3 },
    });
    const result = await run(['estimate', '--clinic', clinic, file]);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json.allowedSource).toBe('payer-contract');
    expect(json.contract).toBe('Blue Prairie PPO');
    // 135% x $1,773.92 = $2,394.79; $1,000 + 20% x $1,394.79 = $1,278.96. Deposit 50% = $639.48, $100 paid: $539.48 due; $639.48 left in 3.
    expect(json.patient).toEqual({ low: 1278.96, high: 1278.96 });
    expect(json.payments).toEqual({ alreadyPaid: 100, dueBeforeProcedure: { low: 539.48, high: 539.48 }, plan: { months: 3, monthly: { low: 213.16, high: 213.16 }, lastPayment: { low: 213.16, high: 213.16 } } });
  });

  it('HealthCare.gov: allowed $100, deductible met, 20% -> $20 (run from another folder)', async () => {
    const file = caseFile(validCase({ kind: 'commercial', allowedAmount: 100, deductible: 3000, deductibleMet: 3000, coinsurancePercent: 20, outOfPocketMax: 6850 }));
    const result = await run(['estimate', file], { cwd: tmp, bin: join(repoRoot, 'node_modules/.bin/tsx') });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { patient: unknown }).patient).toEqual({ low: 20, high: 20 });
  });

  it('invalid cases exit 2 with `<field.path>: <message>` lines and nothing on stdout', async () => {
    const file = caseFile({
      patient: { firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '2999-01-01' },
      procedure: { id: 'kyphoplasty', levels: 0, site: 'asc', sedation: 'local' },
      coverage: { kind: 'commercial', coinsurancePercent: 120, deductible: -100, copay: 'twenty', memberId: 'M-SECRET-99' },
    });
    const result = await run(['estimate', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    const fields = lines.map((line) => line.split(': ')[0]);
    expect(fields).toEqual(
      expect.arrayContaining(['coverage.coinsurancePercent', 'coverage.deductible', 'patient.dateOfBirth', 'procedure.levels', 'procedure.id', 'coverage.copay']),
    );
    for (const line of lines) expect(line).toMatch(/^[a-zA-Z.]+: [A-Z].+/);
    expect(result.stderr).not.toMatch(/Maria|Lopez|M-SECRET-99|2999/);
  });

  it('a file that is not JSON exits 2 with a clear message and no file contents', async () => {
    const result = await run(['estimate', caseFile('{ "patient": { "firstName": "Maria" ')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON/);
    expect(result.stderr).not.toContain('Maria');
  });
});
