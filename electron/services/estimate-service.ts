/**
 * The estimate engine behind the IPC handler and the headless command: loads and validates
 * the procedure data once, then turns a raw case into an estimate with the clinic's fees.
 * Plain Node (node:fs only), no Electron.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../../core/estimate/case-schema';
import { computeEstimate } from '../../core/estimate/estimate';
import { resolveProcedureAlias } from '../../core/estimate/procedure-search';
import { applyFeeOverrides, checkScheduleRange, type FeeOverrides } from '../../core/estimate/fee-schedule';
import {
  parseFeeSchedule,
  parseProcedureDefinition,
  type FeeSchedule,
  type KnownProcedureId,
  type ProcedureDefinition,
} from '../../core/estimate/procedure-schema';
import type { FeeLineView, FeeScheduleView } from '../../core/ipc/contract';
import type { Case, Estimate } from '../../core/estimate/types';
import { fail, ok, type FieldIssue, type Result } from '../../core/result';

export interface ProcedureData {
  procedure: ProcedureDefinition;
  schedule: FeeSchedule;
}

/** What is wrong with a shipped data file. */
export type ProcedureDataProblem = 'unreadable' | 'not-json' | 'invalid';

/** Thrown when the shipped data files are missing or wrong: a packaging bug, not user input. */
export class ProcedureDataError extends Error {
  readonly issues: FieldIssue[];
  /** The data file at fault (absolute path). */
  readonly file: string;
  readonly problem: ProcedureDataProblem;
  /** The file system's code when the file could not be read (ENOENT, EACCES, ...). */
  readonly code: string | null;
  constructor(message: string, details: { file: string; problem: ProcedureDataProblem; code?: string | null; issues?: FieldIssue[] }) {
    const issues = details.issues ?? [];
    super(issues.length === 0 ? message : `${message}\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ProcedureDataError';
    this.issues = issues;
    this.file = details.file;
    this.problem = details.problem;
    this.code = details.code ?? null;
  }
}

function fsCode(error: unknown): string | null {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : null;
  return typeof code === 'string' ? code : null;
}

function readJson(filePath: string): unknown {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ProcedureDataError(`Cannot read ${filePath}: ${reason}`, { file: filePath, problem: 'unreadable', code: fsCode(error) });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProcedureDataError(`${filePath} is not valid JSON.`, { file: filePath, problem: 'not-json' });
  }
}

/** Read and validate templates/<id>/procedure.json and fee-schedule.json. Throws ProcedureDataError. */
export function loadProcedureData(templatesDir: string, procedureId: KnownProcedureId = 'vertebroplasty-lumbar'): ProcedureData {
  const dir = join(templatesDir, procedureId);
  const procedureFile = join(dir, 'procedure.json');
  const procedure = parseProcedureDefinition(readJson(procedureFile), `${procedureId}/procedure.json`);
  if (!procedure.ok) {
    throw new ProcedureDataError('The procedure data file is invalid.', { file: procedureFile, problem: 'invalid', issues: procedure.issues });
  }
  const scheduleFile = join(dir, 'fee-schedule.json');
  const schedule = parseFeeSchedule(readJson(scheduleFile), procedure.value, `${procedureId}/fee-schedule.json`);
  if (!schedule.ok) {
    throw new ProcedureDataError('The fee schedule data file is invalid.', { file: scheduleFile, problem: 'invalid', issues: schedule.issues });
  }
  return { procedure: procedure.value, schedule: schedule.value };
}

/** The slice of Settings the estimate needs (a full Settings object fits). */
export interface EstimateSettings {
  feeOverrides: FeeOverrides;
  defaults: { selfPayDiscountPercent: number; medicareDeductibleCents: number };
}

export interface EstimateService {
  procedure: ProcedureDefinition;
  defaultSchedule: FeeSchedule;
  estimate(raw: unknown, settings: EstimateSettings, today: string): Result<{ case: Case; estimate: Estimate }>;
  /** The clinic's schedule (defaults + overrides) for the settings screen; included lines are left out. */
  feeSchedule(feeOverrides: FeeOverrides): FeeScheduleView;
}

export function createEstimateService(options: { templatesDir: string }): EstimateService {
  const { procedure, schedule: defaultSchedule } = loadProcedureData(options.templatesDir);
  return {
    procedure,
    defaultSchedule,
    estimate(raw, settings, today) {
      const alias = resolveProcedureAlias(raw, procedure);
      const parsed = parseCase(alias.raw, today);
      if (!parsed.ok) return fail('invalid-input', 'Some details need fixing.', parsed.issues);
      const schedule = applyFeeOverrides(defaultSchedule, settings.feeOverrides);
      const computed = computeEstimate(parsed.value, procedure, schedule, settings.defaults);
      const estimate = alias.note === null ? computed : { ...computed, warnings: [{ code: 'procedure-alias' as const, message: alias.note }, ...computed.warnings] };
      return ok({ case: parsed.value, estimate });
    },
    feeSchedule(feeOverrides) {
      const schedule = applyFeeOverrides(defaultSchedule, feeOverrides);
      const defaults = new Map([...defaultSchedule.lines, ...defaultSchedule.separatelyScheduled].map((l) => [l.id, l]));
      const summarize = (line: FeeSchedule['separatelyScheduled'][number], separatelyScheduled: boolean): FeeLineView => ({
        id: line.id,
        code: line.code,
        description: line.description,
        provider: line.provider,
        separatelyScheduled,
        defaultLowCents: defaults.get(line.id)?.lowCents ?? line.lowCents,
        defaultHighCents: defaults.get(line.id)?.highCents ?? line.highCents,
        lowCents: line.lowCents,
        highCents: line.highCents,
      });
      return {
        lines: [
          ...schedule.lines.filter((l) => l.included !== true).map((l) => summarize(l, false)),
          ...schedule.separatelyScheduled.map((l) => summarize(l, true)),
        ],
        outOfRange: checkScheduleRange(procedure, schedule),
        referenceRange: { low: procedure.referenceRange.lowCents, high: procedure.referenceRange.highCents },
      };
    },
  };
}
