/**
 * The headless commands' --policy FILE: the clinic configuration that machine policy names is
 * what they estimate and print with (as the app applies it at start), and a policy that cannot
 * be used is named with its fields, exit 2, as at the app's start-up.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_KIND, SETTINGS_VERSION, defaultSettings, type Settings } from '../../core/settings';
import { loadProcedureCatalog } from '../services/procedure-catalog';
import * as fx from '../services/testing/packet-fixtures';
import { pdfText } from '../services/testing/pdf-tools';
import { EXIT_INPUT, EXIT_OK } from './cli-types';
import { runCli } from './run-cli';

const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));
const today = '2026-05-15';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await runCli(argv, { templatesDir, io, today: () => today });
  return { code, stdout, stderr };
}

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-policy-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

const selfPay = {
  patient: { firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '1948-07-04' },
  procedure: { id: 'vertebroplasty-lumbar', levels: 1, site: 'asc', sedation: 'moderate' },
  coverage: { kind: 'uninsured' },
};

/** The clinic's own physician fee for the first fee line, and its profile and surgery center (a Good Faith Estimate names them). */
function clinicConfiguration(): { settings: Settings; code: string; lowCents: number } {
  const entry = loadProcedureCatalog(templatesDir, today).primary;
  const line = entry.schedule.lines[0];
  if (line === undefined) throw new Error('the fee schedule has no line');
  const lowCents = line.lowCents === 0 ? 12_300 : line.lowCents + 12_300;
  const settings: Settings = {
    ...defaultSettings,
    clinic: fx.clinic,
    otherProviders: fx.otherProviders,
    feeOverrides: { [entry.procedure.id]: { [line.id]: { lowCents, highCents: lowCents + 50_000 } } },
  };
  return { settings, code: line.code, lowCents };
}

const config = (settings: Settings) => ({ kind: CONFIG_FILE_KIND, version: SETTINGS_VERSION, exportedAt: '2026-12-01T09:00:00.000Z', settings });

describe('estimate and packet --policy FILE', () => {
  it("estimate uses the clinic configuration the policy names (the clinic's own fee)", async () => {
    const { settings, code, lowCents } = clinicConfiguration();
    const dir = folder({ 'case.json': selfPay, 'clinic-configuration.json': config(settings), 'policy.json': { configuration: 'clinic-configuration.json', lock: ['feeSchedule'] } });
    const plain = await cli(['estimate', join(dir, 'case.json')]);
    const managed = await cli(['estimate', '--policy', join(dir, 'policy.json'), join(dir, 'case.json')]);
    expect(managed.stderr).toBe('');
    expect(managed.code).toBe(EXIT_OK);
    const line = (out: string) => (JSON.parse(out) as { lines: { code: string; low: number }[] }).lines.find((l) => l.code === code)?.low;
    expect(line(managed.stdout)).toBe(lowCents / 100);
    expect(line(plain.stdout)).not.toBe(lowCents / 100);
  });

  it("packet prints the configuration's clinic on the letterhead without a clinic file", async () => {
    const { settings } = clinicConfiguration();
    const dir = folder({ 'case.json': selfPay, 'clinic-configuration.json': config(settings), 'policy.json': { configuration: 'clinic-configuration.json' } });
    const out = join(dir, 'packet.pdf');
    const without = await cli(['packet', join(dir, 'case.json'), '--out', out]);
    expect(without.code).toBe(EXIT_INPUT);
    const result = await cli(['packet', join(dir, 'case.json'), '--out', out, '--policy', join(dir, 'policy.json')]);
    expect(result.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('Please check:'))).toEqual([]);
    expect(result.code).toBe(EXIT_OK);
    expect(await pdfText(out, { first: 1, last: 1 })).toContain(fx.clinic.name);
  }, 60_000);

  it('names a policy that is not valid, field by field, and exits 2', async () => {
    const dir = folder({ 'case.json': selfPay, 'policy.json': { lock: ['feeschedule'], records: { store: 'postgres' } } });
    const result = await cli(['estimate', '--policy', join(dir, 'policy.json'), join(dir, 'case.json')]);
    expect(result.code).toBe(EXIT_INPUT);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`--policy: The machine policy ${join(dir, 'policy.json')} is not a valid policy.`);
    expect(result.stderr).toMatch(/^policy\.lock\.0: Use one of: clinic, /m);
    expect(result.stderr).toMatch(/^policy\.records\.url: The PostgreSQL store needs the server's address/m);
  });

  it('names a missing policy file and a missing configuration file', async () => {
    const dir = folder({ 'case.json': selfPay, 'policy.json': { configuration: 'not-there.json' } });
    const missing = await cli(['estimate', '--policy', join(dir, 'nope.json'), join(dir, 'case.json')]);
    expect(missing.code).toBe(EXIT_INPUT);
    expect(missing.stderr).toBe(`--policy: The machine policy ${join(dir, 'nope.json')} could not be read (ENOENT).\n`);
    const noConfig = await cli(['estimate', '--policy', join(dir, 'policy.json'), join(dir, 'case.json')]);
    expect(noConfig.code).toBe(EXIT_INPUT);
    expect(noConfig.stderr).toBe(`policy.configuration: The clinic configuration file the policy names ${join(dir, 'not-there.json')} could not be read (ENOENT).\n`);
  });

  it('names a configuration file that is not one', async () => {
    const dir = folder({ 'case.json': selfPay, 'other.json': { kind: 'other' }, 'policy.json': { configuration: 'other.json' } });
    const result = await cli(['estimate', '--policy', join(dir, 'policy.json'), join(dir, 'case.json')]);
    expect(result.code).toBe(EXIT_INPUT);
    expect(result.stderr).toMatch(/^policy\.configuration: .*other\.json: This file is not a clinic configuration file/);
    expect(result.stderr).toMatch(/^policy\.configuration\.kind: Expected "clinic-estimate-packet\/config"\./m);
  });
});
