/**
 * For tests only: the shipped procedure data, validated, and small case builders.
 * (Imports JSON, not node:fs, so core stays free of Node.)
 */
import procedureJson from '../../templates/vertebroplasty-lumbar/procedure.json';
import feeScheduleJson from '../../templates/vertebroplasty-lumbar/fee-schedule.json';
import { parseFeeSchedule, parseProcedureDefinition, type FeeSchedule, type ProcedureDefinition } from './procedure-schema';
import type { Case, Coverage, ProcedureChoice } from './types';

export function shippedProcedureData(): { procedure: ProcedureDefinition; schedule: FeeSchedule } {
  const procedure = parseProcedureDefinition(procedureJson);
  if (!procedure.ok) throw new Error(`procedure.json invalid: ${JSON.stringify(procedure.issues)}`);
  const schedule = parseFeeSchedule(feeScheduleJson, procedure.value);
  if (!schedule.ok) throw new Error(`fee-schedule.json invalid: ${JSON.stringify(schedule.issues)}`);
  return { procedure: procedure.value, schedule: schedule.value };
}

export function makeCase(coverage: Partial<Coverage> = {}, procedure: Partial<ProcedureChoice> = {}): Case {
  return {
    patient: { firstName: 'Test', lastName: 'Patient', dateOfBirth: '1950-01-01' },
    procedure: { id: 'vertebroplasty-lumbar', levels: 1, site: 'hospital-outpatient', sedation: 'moderate', ...procedure },
    coverage: { kind: 'commercial', network: 'in', ...coverage },
    language: 'en',
    largePrint: false,
  };
}

export const defaultOptions = { selfPayDiscountPercent: 0, medicareDeductibleCents: 28_300 };
