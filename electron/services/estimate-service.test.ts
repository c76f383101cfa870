import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/settings';
import { shippedProcedureId } from '../../core/testing/shipped-procedure';
import { createCaseEstimator } from '../ipc/case-estimator';
import { createEstimateService, type EstimateSettings } from './estimate-service';
import { loadProcedureCatalog } from './procedure-catalog';

const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));
const TODAY = '2026-05-15';
const caseInput = (coverage: Record<string, unknown> = { kind: 'self-pay' }) => ({
  patient: { firstName: 'Maria', lastName: 'Lopez', dateOfBirth: '1948-07-04' },
  procedure: { id: shippedProcedureId, levels: 1, site: 'office', sedation: 'local' },
  coverage,
});

describe('the case pipeline: validateCase, then the estimate service', () => {
  const service = createEstimateService(loadProcedureCatalog(templatesDir, TODAY));
  const estimateWith = (settings: EstimateSettings) => createCaseEstimator({ estimates: service, settings: () => settings, today: () => TODAY });
  const estimate = estimateWith(defaultSettings);

  it('estimates a valid case with the default settings', () => {
    const result = estimate(caseInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.case.patient.lastName).toBe('Lopez');
    expect(result.value.estimate.goodFaithEstimate).toBe(true);
    expect(result.value.estimate.patient).toEqual(result.value.estimate.charges);
  });

  it("follows the clinic's fee overrides for this procedure and its self-pay discount", () => {
    const settings = {
      feeOverrides: { [shippedProcedureId]: { 'office-first-level': { lowCents: 600_000, highCents: 600_000 } } },
      medicareRates: {},
      payerContracts: [],
      defaults: { selfPayDiscountPercent: 10, depositPercent: 0 },
    };
    const result = estimateWith(settings)(caseInput());
    expect(result.ok && result.value.estimate.charges).toEqual({ low: 600_000, high: 600_000 });
    expect(result.ok && result.value.estimate.patient).toEqual({ low: 540_000, high: 540_000 });
  });

  it("ignores overrides kept for another procedure", () => {
    const settings = { ...defaultSettings, feeOverrides: { 'another-procedure': { 'office-first-level': { lowCents: 1, highCents: 1 } } } };
    const result = estimateWith(settings)(caseInput());
    const plain = estimate(caseInput());
    expect(result.ok && plain.ok && result.value.estimate.charges).toEqual(plain.ok && plain.value.estimate.charges);
  });

  it("uses the clinic's Medicare amounts for the case's rate year, and only for this procedure", () => {
    const mine = { ...defaultSettings, medicareRates: { [shippedProcedureId]: { '2026': { 'deductibles.partB': 50_000, 'physician.22511.nonFacility': 200_000 } } } };
    const result = estimateWith(mine)(caseInput({ kind: 'medicare' }));
    // $500 deductible, then 20% of $1,500.
    expect(result.ok && result.value.estimate.patient.low).toBe(50_000 + 30_000);
    expect(result.ok && result.value.estimate.medicare?.clinicFigures).toEqual(['Part B deductible (yearly)', 'Doctor, 22511, in the office']);
    const other = { ...defaultSettings, medicareRates: { 'another-procedure': { '2026': { 'deductibles.partB': 50_000 } } } };
    const national = estimateWith(other)(caseInput({ kind: 'medicare' }));
    expect(national.ok && national.value.estimate.patient.low).toBe(58_118);
  });

  it('reads "22371" as the lumbar procedure, billed 22511, and says why the code differs', () => {
    const raw = { ...caseInput(), procedure: { ...caseInput().procedure, id: '22371' } };
    const result = estimate(raw);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.case.procedure.id).toBe(shippedProcedureId);
    expect(result.value.estimate.codes).toContain('22511');
    const alias = result.value.estimate.warnings[0];
    expect(alias?.code).toBe('procedure-alias');
    expect(alias?.message).toMatch(/22371 is not a CPT code.*22511/);
  });

  it('still refuses a procedure it cannot find, naming the field', () => {
    const raw = { ...caseInput(), procedure: { ...caseInput().procedure, id: 'knee-replacement' } };
    const result = estimate(raw);
    expect(!result.ok && result.error.issues.map((i) => i.path)).toContain('procedure.id');
  });

  it('fails invalid input with field issues', () => {
    const result = estimate(caseInput({ kind: 'commercial', coinsurancePercent: 120 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toBe('Some details need fixing.');
    expect(result.error.issues.map((i) => i.path)).toEqual(['coverage.coinsurancePercent']);
  });

  it('summarizes the clinic fee schedule and flags combinations out of range', () => {
    const view = service.feeSchedule({ [shippedProcedureId]: { 'facility-asc': { lowCents: 100, highCents: 200 } } });
    expect(view.procedureId).toBe(shippedProcedureId);
    const asc = view.lines.find((l) => l.id === 'facility-asc');
    expect(asc).toMatchObject({ lowCents: 100, highCents: 200, defaultLowCents: 330_000, separatelyScheduled: false });
    expect(view.lines.some((l) => l.id === 'biopsy-included')).toBe(false);
    expect(view.lines.find((l) => l.id === 'mri-lumbar')?.separatelyScheduled).toBe(true);
    expect(view.outOfRange.length).toBeGreaterThan(0);
    expect(service.feeSchedule({}).outOfRange).toEqual([]);
    expect(view.referenceRange).toEqual({ low: 500_000, high: 1_500_000 });
  });
});

describe('Settings -> Medicare rates view', () => {
  const service = createEstimateService(loadProcedureCatalog(templatesDir, TODAY));

  it("shows this year's national figures with their sources, the unconfirmed and missing ones, and the clinic's amounts for that year", () => {
    const saved = { [shippedProcedureId]: { '2026': { 'asc.22511.payment': 250_000 }, '2025': { 'deductibles.partB': 1 } } };
    const view = service.medicareRates(saved, '2026-12-01');
    expect(view).toMatchObject({ procedureId: shippedProcedureId, rateYear: 2026, currentYear: 2026, years: [2026] });
    const byId = new Map(view.figures.map((f) => [f.id, f]));
    expect(byId.get('deductibles.partB')).toMatchObject({ nationalValue: 28_300, clinicValue: null, confirmed: true, unit: 'cents' });
    expect(byId.get('asc.22511.payment')).toMatchObject({ nationalValue: null, clinicValue: 250_000, confirmed: false });
    expect(byId.get('anesthesia.01942.baseUnits')).toMatchObject({ nationalValue: 6, confirmed: false, unit: 'units' });
    expect(view.figures.every((f) => f.source.length > 20)).toBe(true);
    // A later year with no file yet shows the latest file, and says which year that is.
    expect(service.medicareRates(saved, '2027-01-04')).toMatchObject({ rateYear: 2026, currentYear: 2027 });
  });
});
