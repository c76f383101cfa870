/**
 * The one case pipeline: every entry point (the New estimate form, IPC, the headless
 * commands) hands its raw case to `validateCase`, which checks it against the schema, today's
 * date and the procedure catalog, and returns the engine's `Case` in cents, or every problem
 * at once with dotted field paths. Pure; no second copy of these rules exists anywhere.
 */
import type { EstimateWarning } from '../estimate/types';
import type { Case } from '../estimate/types';
import type { ProcedureDefinition } from '../estimate/procedure-schema';
import { isPlainObject } from '../plain-object';
import { toFieldIssues, type FieldIssue } from '../result';
import { caseInputSchema, isCalendarDate, MAX_AGE_YEARS, toCoverage, toPayments, yearsBefore } from './case-schema';
import { listChoices } from './enums';
import { matchProcedure } from './procedure-search';

export interface CaseContext {
  /** The clinic's date, YYYY-MM-DD. */
  today: string;
  /** The procedures the app knows (templates/<id>/procedure.json), loaded once at start. */
  catalog: readonly ProcedureDefinition[];
}

export interface ValidCase {
  case: Case;
  /** The clinic's date the case was checked against (deductible years and rate files follow it). */
  today: string;
  /** How the case was read, for staff (e.g. "22371" read as the lumbar procedure). */
  notes: EstimateWarning[];
}

export type CaseValidation = { ok: true; value: ValidCase } | { ok: false; issues: FieldIssue[] };

const asRecord = (value: unknown): Record<string, unknown> | null => (isPlainObject(value) ? value : null);

/**
 * A case may name the procedure by what staff type ("22371", "vertebroplasty"): read it as
 * the one catalog procedure it finds, and say how it was read. Anything else is left as is
 * for the checks below to refuse.
 */
export function resolveProcedureAlias(raw: unknown, catalog: readonly ProcedureDefinition[]): { raw: unknown; note: EstimateWarning | null } {
  const input = asRecord(raw);
  const choice = asRecord(input?.['procedure']);
  const id = choice?.['id'];
  if (input === null || choice === null || typeof id !== 'string' || catalog.some((p) => p.id === id)) return { raw, note: null };
  const matches = catalog.flatMap((procedure) => {
    const match = matchProcedure(id, procedure);
    return match === null ? [] : [match];
  });
  const match = matches.length === 1 ? matches[0] : undefined;
  if (match === undefined) return { raw, note: null };
  const read = `"${id}" was read as ${match.procedure.name} (${match.procedure.id}).`;
  return {
    raw: { ...input, procedure: { ...choice, id: match.procedure.id } },
    note: { code: 'procedure-alias', message: match.note === null ? read : `${read} ${match.note}` },
  };
}

/** A scheduled date must not be before today: an estimate is for care still to come. */
export function scheduledDateIssues(scheduledDate: string | undefined, today: string): FieldIssue[] {
  if (scheduledDate === undefined || scheduledDate >= today) return [];
  return [{ path: 'procedure.scheduledDate', message: 'The scheduled date is in the past. Enter the day the procedure is booked for, or leave it empty.' }];
}

/** A date of birth must not be after today nor more than MAX_AGE_YEARS before it. */
export function dateOfBirthIssues(dateOfBirth: string | undefined, today: string): FieldIssue[] {
  if (dateOfBirth === undefined) return [];
  if (dateOfBirth > today) return [{ path: 'patient.dateOfBirth', message: 'The date of birth is in the future: check the year.' }];
  if (dateOfBirth < yearsBefore(today, MAX_AGE_YEARS)) {
    return [{ path: 'patient.dateOfBirth', message: `The date of birth is more than ${MAX_AGE_YEARS} years ago: check the year.` }];
  }
  return [];
}

/** A field's value when it is a real date, whatever else in the case is wrong. */
function dateAt(input: unknown, group: string, field: string): string | undefined {
  const value = asRecord(asRecord(input)?.[group])?.[field];
  return typeof value === 'string' && isCalendarDate(value.trim()) ? value.trim() : undefined;
}

/** The chosen procedure's own limits: it must be in the catalog, and its levels, site and sedation allowed. */
function procedureIssues(input: unknown, catalog: readonly ProcedureDefinition[]): FieldIssue[] {
  const choice = asRecord(asRecord(input)?.['procedure']);
  const id = choice?.['id'];
  if (typeof id !== 'string' || id.trim() === '') return [];
  const procedure = catalog.find((p) => p.id === id.trim());
  if (procedure === undefined) {
    return [{ path: 'procedure.id', message: `Choose a procedure this app knows: ${listChoices(catalog.map((p) => p.id))}.` }];
  }
  const issues: FieldIssue[] = [];
  const { min, max } = procedure.levels;
  const levels = choice?.['levels'];
  if (typeof levels === 'number' && Number.isInteger(levels) && levels > max) {
    issues.push({ path: 'procedure.levels', message: `Enter ${min} to ${max} levels: more than ${max} in one session cannot be estimated.` });
  } else if (typeof levels === 'number' && Number.isInteger(levels) && levels < min) {
    issues.push({ path: 'procedure.levels', message: `Enter ${min} to ${max} levels for this procedure.` });
  }
  const site = choice?.['site'];
  if (typeof site === 'string' && !(procedure.sites as readonly string[]).includes(site)) {
    issues.push({ path: 'procedure.site', message: `Choose the place of service: ${listChoices(procedure.sites)}.` });
  }
  const sedation = choice?.['sedation'];
  if (typeof sedation === 'string' && !(procedure.sedations as readonly string[]).includes(sedation)) {
    issues.push({ path: 'procedure.sedation', message: `Choose the sedation: ${listChoices(procedure.sedations)}.` });
  }
  return issues;
}

/**
 * Validate a raw case (a case file, an IPC request, the form's values) and convert it to the
 * engine's `Case` in cents. Every problem is reported at once, so staff see them together.
 */
export function validateCase(input: unknown, context: CaseContext): CaseValidation {
  const alias = resolveProcedureAlias(input, context.catalog);
  const raw = alias.raw;
  const parsed = caseInputSchema.safeParse(raw);
  const contextIssues = [
    ...dateOfBirthIssues(dateAt(raw, 'patient', 'dateOfBirth'), context.today),
    ...scheduledDateIssues(dateAt(raw, 'procedure', 'scheduledDate'), context.today),
    ...procedureIssues(raw, context.catalog),
  ];
  if (!parsed.success) {
    const schemaIssues = toFieldIssues(parsed.error.issues);
    const seen = new Set(schemaIssues.map((i) => i.path));
    return { ok: false, issues: [...schemaIssues, ...contextIssues.filter((i) => !seen.has(i.path))] };
  }
  if (contextIssues.length > 0) return { ok: false, issues: contextIssues };
  const data = parsed.data;
  return {
    ok: true,
    value: {
      case: {
        patient: { ...data.patient },
        procedure: { ...data.procedure },
        coverage: toCoverage(data.coverage),
        ...(data.diagnosis ? { diagnosis: data.diagnosis } : {}),
        ...(data.doctor ? { doctor: data.doctor } : {}),
        ...(data.preparedBy ? { preparedBy: data.preparedBy } : {}),
        ...(data.revises ? { revises: data.revises } : {}),
        language: data.language ?? 'en',
        largePrint: data.largePrint ?? false,
        payments: toPayments(data.payments),
      },
      today: context.today,
      notes: alias.note === null ? [] : [alias.note],
    },
  };
}
