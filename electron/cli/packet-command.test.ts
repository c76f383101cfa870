/**
 * `npm run packet` end to end: a real process (`npx tsx electron/cli.ts packet ...`) writes
 * a PDF that poppler and qpdf accept, or exits 2 naming the field. Argument and clinic-file
 * parsing are checked in process.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as fx from '../services/testing/packet-fixtures';
import { folded, pdfText, qpdfCheck } from '../services/testing/pdf-tools';
import { readClinicFile } from './clinic-file';
import { letterheadCliIssues, parsePacketArgs } from './packet-command';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'packet-cli-'));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', join(repoRoot, 'electron/cli.ts'), 'packet', ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

function json(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const clinicJson = { name: fx.clinic.name, address: fx.clinic.address, phone: fx.clinic.phone, npi: fx.clinic.npi, tin: fx.clinic.tin };
const { asc } = fx.otherProviders;
/** The clinic with the surgery center that bills the facility fee of fx.uninsuredCase, and one doctor. */
const clinicWithCenter = { ...clinicJson, otherProviders: [{ role: 'asc', ...asc }], doctors: [{ name: 'Dr. Ana Ruiz', npi: '1245319599' }] };

describe('packet command (process)', () => {
  it('writes a valid Good Faith Estimate packet and exits 0', async () => {
    const out = join(tmp, 'out', 'gfe.pdf');
    const gfeCase = { ...fx.uninsuredCase, diagnosis: 's32030a', doctor: 'Dr. Ana Ruiz' };
    const result = await run([json('case.json', gfeCase), '--out', out, '--clinic', json('clinic.json', clinicWithCenter), '--today', '2026-11-29']);
    // The patient is over 65: a self-pay Good Faith Estimate is issued with the Medicare check said.
    expect(result.stderr).toMatch(/^Please check: The patient is 65 or older, so likely to have Medicare\. .*must bill Medicare unless the doctor has opted out/m);
    expect(result.stderr).not.toMatch(/Walter|Brennan|1951/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/VP-20261129-[0-9A-Z]{5}/);
    expect((await qpdfCheck(out)).code).toBe(0);
    const text = folded(await pdfText(out));
    expect(text).toContain('Walter Brennan');
    expect(text).toContain('1234567893');
    // The surgery center from the clinic file, the case's diagnosis (normalised) and doctor with the NPI listed for her.
    expect(text).toContain(`${asc.name} Surgery center`);
    expect(text).toContain('S32.030A');
    expect(text).not.toContain('M80.08XA');
    expect(text).toContain('Dr. Ana Ruiz (NPI 1245319599)');
    expect(readdirSync(join(tmp, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('refuses a Good Faith Estimate without the clinic NPI/TIN with exit 2 and clinic.npi lines', async () => {
    const out = join(tmp, 'refused.pdf');
    const result = await run([json('case2.json', fx.uninsuredCase), '--out', out, '--clinic', json('clinic2.json', { ...clinicWithCenter, npi: '', tin: '' })]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clinic\.npi: .*Settings → Clinic profile/m);
    expect(result.stderr).toMatch(/^clinic\.tin: /m);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('refuses a surgery center Good Faith Estimate without the surgery center, exit 2 naming clinic.otherProviders', async () => {
    const out = join(tmp, 'no-center.pdf');
    const hospitalOnly = { ...clinicJson, otherProviders: [{ role: 'hospital-outpatient', ...fx.otherProviders.hospitalOutpatient }] };
    const result = await run([json('case3.json', fx.uninsuredCase), '--out', out, '--clinic', json('clinic3.json', hospitalOnly)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clinic\.otherProviders\.asc\.name: .*surgery center.*Add it to the clinic file: "otherProviders": \[\{ "role": "asc"/m);
    expect(result.stderr).not.toContain('Settings →');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("refuses an insured packet without the clinic's name and phone, exit 2 saying to give them with --clinic", async () => {
    const out = join(tmp, 'no-letterhead.pdf');
    const result = await run([json('case4.json', fx.insuredCase), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clinic\.name: .*name and phone number.*Give a clinic file with --clinic <clinic\.json> that has "name" and "phone"\./m);
    expect(result.stderr).not.toContain('Settings →');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('names the bad field of a case with exit 2', async () => {
    const bad = { ...fx.insuredCase, patient: { ...fx.insuredCase.patient, dateOfBirth: '1948-02-30' } };
    const result = await run([json('bad.json', bad), '--out', join(tmp, 'bad.pdf')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^patient\.dateOfBirth: /m);
  }, 60_000);
});

describe('packet command arguments', () => {
  it("says which of the clinic file's letterhead fields are missing, or that none are", () => {
    const noPhone = { ...fx.clinic, phone: ' ' };
    expect(letterheadCliIssues(noPhone, 'clinic.json')).toEqual([
      { path: 'clinic.phone', message: 'Every packet prints the clinic\'s name and phone number at the top. Add "phone" to the clinic file given with --clinic.' },
    ]);
    expect(letterheadCliIssues(fx.letterheadOnly, 'clinic.json')).toEqual([]);
  });

  it('needs one case file and --out', () => {
    expect(parsePacketArgs(['c.json', '--out', 'o.pdf'])).toEqual({ ok: true, value: { caseFile: 'c.json', out: 'o.pdf', clinicFile: null, policyFile: null, today: null } });
    expect(parsePacketArgs(['c.json']).ok).toBe(false);
    expect(parsePacketArgs(['--out', 'o.pdf']).ok).toBe(false);
    expect(parsePacketArgs(['c.json', '--out']).ok).toBe(false);
    expect(parsePacketArgs(['c.json', '--out', 'o.pdf', '--today', '2026-13-01']).ok).toBe(false);
    expect(parsePacketArgs(['c.json', '--out', 'o.pdf', '--color']).ok).toBe(false);
  });

  it('reads a clinic file without a logo, and names bad clinic fields', () => {
    const good = readClinicFile(json('c-good.json', clinicJson));
    expect(good.ok && good.value.profile.logoDataUrl).toBe('');
    expect(good.ok && good.value.payerContracts).toEqual([]);
    const bad = readClinicFile(json('c-bad.json', { ...clinicJson, npi: '1234567890' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.output).toMatch(/^clinic\.npi: /);
    expect(readClinicFile(json('c-list.json', [1, 2])).ok).toBe(false);
  });

  it('reads other providers by role and the doctors, and names bad ones', () => {
    const read = readClinicFile(json('c-providers.json', clinicWithCenter));
    expect(read.ok && read.value.otherProviders).toEqual({ ...fx.otherProviders, hospitalOutpatient: { name: '', npi: '', tin: '', address: '' } });
    expect(read.ok && read.value.doctors).toEqual([{ name: 'Dr. Ana Ruiz', npi: '1245319599' }]);
    const noNpi = readClinicFile(json('c-doctor.json', { doctors: [{ name: 'Dr. Lee' }] }));
    expect(noNpi.ok && noNpi.value.doctors).toEqual([{ name: 'Dr. Lee', npi: '' }]);
    const badRole = readClinicFile(json('c-role.json', { otherProviders: [{ role: 'lab', name: 'X' }] }));
    expect(!badRole.ok && badRole.output).toMatch(/^clinic\.otherProviders\.0\.role: Use a role: hospital-outpatient, asc, anesthesia\./m);
    const twice = readClinicFile(json('c-twice.json', { otherProviders: [{ role: 'asc' }, { role: 'asc' }] }));
    expect(!twice.ok && twice.output).toMatch(/^clinic\.otherProviders\.1\.role: Give each role once\./m);
    const badNpi = readClinicFile(json('c-npi.json', { doctors: [{ name: 'Dr. Lee', npi: '1234567890' }] }));
    expect(!badNpi.ok && badNpi.output).toMatch(/^clinic\.doctors\.0\.npi: /m);
  });

  it('reads payer contracts in dollars into cents, and names a bad one', () => {
    const contracts = [{ payer: 'Blue Prairie PPO', aliases: ['BPH'], physician: { amounts: { '22511': 2100.5 } }, facility: { percentOfMedicare: 150 } }];
    const read = readClinicFile(json('c-contracts.json', { ...clinicJson, payerContracts: contracts, depositPercent: 25 }));
    expect(read.ok && read.value.payerContracts).toEqual([{ payer: 'Blue Prairie PPO', aliases: ['BPH'], physician: { amountsCents: { '22511': 210_050 } }, facility: { percentOfMedicare: 150 } }]);
    expect(read.ok && read.value.depositPercent).toBe(25);
    const bad = readClinicFile(json('c-bad-contract.json', { payerContracts: [{ payer: 'X', physician: { percentOfMedicare: 0 } }] }));
    expect(!bad.ok && bad.output).toMatch(/^clinic\.payerContracts\.0\.physician/m);
  });
});
