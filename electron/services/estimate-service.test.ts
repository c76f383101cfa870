import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/settings';
import { createEstimateService, loadProcedureData, ProcedureDataError } from './estimate-service';

const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));
const TODAY = '2026-05-15';
const caseInput = (coverage: Record<string, unknown> = { kind: 'self-pay' }) => ({
  patient: { firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '1948-07-04' },
  procedure: { id: 'vertebroplasty-lumbar', levels: 1, site: 'office', sedation: 'local' },
  coverage,
});

function copyTemplates(edit: (schedule: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'estimate-service-'));
  const target = join(dir, 'vertebroplasty-lumbar');
  mkdirSync(target);
  const source = join(templatesDir, 'vertebroplasty-lumbar');
  writeFileSync(join(target, 'procedure.json'), readFileSync(join(source, 'procedure.json')));
  const schedule = JSON.parse(readFileSync(join(source, 'fee-schedule.json'), 'utf8')) as Record<string, unknown>;
  edit(schedule);
  writeFileSync(join(target, 'fee-schedule.json'), JSON.stringify(schedule));
  return dir;
}

describe('loadProcedureData', () => {
  it('loads and validates the shipped data', () => {
    const data = loadProcedureData(templatesDir);
    expect(data.procedure.id).toBe('vertebroplasty-lumbar');
    expect(data.schedule.lines.length).toBeGreaterThan(5);
  });

  it('names the file and field when the data is wrong', () => {
    const dir = copyTemplates((schedule) => {
      schedule.currency = 'EUR';
    });
    expect(() => loadProcedureData(dir)).toThrow(ProcedureDataError);
    expect(() => loadProcedureData(dir)).toThrow(/vertebroplasty-lumbar\/fee-schedule\.json\.currency/);
  });

  it('says which file is missing', () => {
    expect(() => loadProcedureData(join(tmpdir(), 'no-templates-here'))).toThrow(/procedure\.json/);
  });

  it('carries the file, the problem and the file system code (for the start-up message)', () => {
    const missing = join(tmpdir(), 'no-templates-here');
    expect(() => loadProcedureData(missing)).toThrow(
      expect.objectContaining({ file: join(missing, 'vertebroplasty-lumbar', 'procedure.json'), problem: 'unreadable', code: 'ENOENT' }),
    );
    const wrong = copyTemplates((schedule) => {
      schedule.currency = 'EUR';
    });
    expect(() => loadProcedureData(wrong)).toThrow(
      expect.objectContaining({ file: join(wrong, 'vertebroplasty-lumbar', 'fee-schedule.json'), problem: 'invalid', code: null }),
    );
  });
});

describe('createEstimateService', () => {
  const service = createEstimateService({ templatesDir });

  it('estimates a valid case with the default settings', () => {
    const result = service.estimate(caseInput(), defaultSettings, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.case.patient.lastName).toBe('Lopez');
    expect(result.value.estimate.goodFaithEstimate).toBe(true);
    expect(result.value.estimate.patient).toEqual(result.value.estimate.charges);
  });

  it('follows the clinic fee overrides and self-pay discount', () => {
    const settings = {
      feeOverrides: { 'office-first-level': { lowCents: 600_000, highCents: 600_000 } },
      defaults: { selfPayDiscountPercent: 10, medicareDeductibleCents: 28_300 },
    };
    const result = service.estimate(caseInput(), settings, TODAY);
    expect(result.ok && result.value.estimate.charges).toEqual({ low: 600_000, high: 600_000 });
    expect(result.ok && result.value.estimate.patient).toEqual({ low: 540_000, high: 540_000 });
  });

  it('uses the clinic Medicare deductible setting', () => {
    const settings = { ...defaultSettings, defaults: { ...defaultSettings.defaults, medicareDeductibleCents: 50_000 } };
    const result = service.estimate(caseInput({ kind: 'medicare', allowedAmount: 2000 }), settings, TODAY);
    expect(result.ok && result.value.estimate.patient.low).toBe(50_000 + 30_000);
  });

  it('reads "22371" as lumbar vertebroplasty, billed 22511, and says why the code differs', () => {
    const raw = { ...caseInput(), procedure: { ...caseInput().procedure, id: '22371' } };
    const result = service.estimate(raw, defaultSettings, TODAY);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.case.procedure.id).toBe('vertebroplasty-lumbar');
    expect(result.value.estimate.codes).toContain('22511');
    const alias = result.value.estimate.warnings.find((w) => w.code === 'procedure-alias');
    expect(alias?.message).toMatch(/22371 is not a CPT code.*22511/);
  });

  it('still refuses a procedure it cannot find, naming the field', () => {
    const raw = { ...caseInput(), procedure: { ...caseInput().procedure, id: 'knee-replacement' } };
    const result = service.estimate(raw, defaultSettings, TODAY);
    expect(!result.ok && result.error.issues.map((i) => i.path)).toContain('procedure.id');
  });

  it('fails invalid input with field issues', () => {
    const result = service.estimate(caseInput({ kind: 'commercial', coinsurancePercent: 120 }), defaultSettings, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toBe('Some details need fixing.');
    expect(result.error.issues.map((i) => i.path)).toEqual(['coverage.coinsurancePercent']);
  });

  it('summarizes the clinic fee schedule and flags combinations out of range', () => {
    const view = service.feeSchedule({ 'facility-asc': { lowCents: 100, highCents: 200 } });
    const asc = view.lines.find((l) => l.id === 'facility-asc');
    expect(asc).toMatchObject({ lowCents: 100, highCents: 200, defaultLowCents: 330_000, separatelyScheduled: false });
    expect(view.lines.some((l) => l.id === 'biopsy-included')).toBe(false);
    expect(view.lines.find((l) => l.id === 'mri-lumbar')?.separatelyScheduled).toBe(true);
    expect(view.outOfRange.length).toBeGreaterThan(0);
    expect(service.feeSchedule({}).outOfRange).toEqual([]);
    expect(view.referenceRange).toEqual({ low: 500_000, high: 1_500_000 });
  });
});
