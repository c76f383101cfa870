/**
 * For tests only: the shipped procedure data, validated, and small case builders.
 * (Imports JSON, not node:fs, so core stays free of Node.)
 */
import procedureJson from '../../templates/vertebroplasty-lumbar/procedure.json';
import feeScheduleJson from '../../templates/vertebroplasty-lumbar/fee-schedule.json';
import medicare2026Json from '../../templates/vertebroplasty-lumbar/medicare-2026.json';
import { validateCase, type CaseValidation } from '../case/validate-case';
import type { EstimateOptions } from '../estimate/estimate';
import { parseMedicareRateFile, type MedicareRateFile } from '../estimate/medicare-schema';
import { parseFeeSchedule, parseProcedureDefinition, type FeeSchedule, type ProcedureDefinition } from '../estimate/procedure-schema';
import type { Case, Coverage, ProcedureChoice } from '../estimate/types';
import type { FieldIssue } from '../result';

export function shippedProcedureData(): { procedure: ProcedureDefinition; schedule: FeeSchedule } {
  const procedure = parseProcedureDefinition(procedureJson);
  if (!procedure.ok) throw new Error(`procedure.json invalid: ${JSON.stringify(procedure.issues)}`);
  const schedule = parseFeeSchedule(feeScheduleJson, procedure.value);
  if (!schedule.ok) throw new Error(`fee-schedule.json invalid: ${JSON.stringify(schedule.issues)}`);
  return { procedure: procedure.value, schedule: schedule.value };
}

/** The shipped procedure's id (tests name it through the data, as the app does). */
export const shippedProcedureId: string = procedureJson.id;

export const shippedCatalog: readonly ProcedureDefinition[] = [shippedProcedureData().procedure];

/** validateCase against the shipped catalog. */
export function validateShippedCase(input: unknown, today: string): CaseValidation {
  return validateCase(input, { today, catalog: shippedCatalog });
}

/** validateCase against the shipped catalog, keeping only the case (tests of the rules). */
export function parseCase(input: unknown, today: string): { ok: true; value: Case } | { ok: false; issues: FieldIssue[] } {
  const result = validateShippedCase(input, today);
  return result.ok ? { ok: true, value: result.value.case } : result;
}

export function makeCase(coverage: Partial<Coverage> = {}, procedure: Partial<ProcedureChoice> = {}): Case {
  return {
    patient: { firstName: 'Test', lastName: 'Patient', dateOfBirth: '1975-01-01' },
    procedure: { id: shippedProcedureId, levels: 1, site: 'hospital-outpatient', sedation: 'moderate', ...procedure },
    coverage: { kind: 'commercial', network: 'in', ...coverage },
    language: 'en',
    largePrint: false,
    payments: { alreadyPaidCents: 0, planMonths: null },
  };
}

/** The shipped 2026 Medicare rate file, validated against the shipped fee schedule. */
export function shippedMedicare2026(): MedicareRateFile {
  const parsed = parseMedicareRateFile(medicare2026Json, shippedProcedureData().schedule, 'vertebroplasty-lumbar/medicare-2026.json');
  if (!parsed.ok) throw new Error(`medicare-2026.json invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

/** Options for computeEstimate: no discount, a 2026 clinic date, the shipped Medicare rates, no clinic amounts. */
export const defaultOptions: EstimateOptions = {
  selfPayDiscountPercent: 0,
  today: '2026-03-02',
  medicare: { files: [shippedMedicare2026()], overrides: {} },
  payerContracts: [],
  depositPercent: 0,
};
