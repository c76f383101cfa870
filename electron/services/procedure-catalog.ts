/**
 * Loads the procedure catalog from templates/: every folder holding a procedure.json, with
 * its fee-schedule.json and warm-up-case.json beside it, each validated. A missing or wrong
 * file throws ProcedureDataError naming the file: a packaging fault, not user input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCase } from '../../core/case/validate-case';
import { makeCatalog, type CatalogEntry, type ProcedureCatalog } from '../../core/estimate/procedure-catalog';
import { parseMedicareRateFile, type MedicareRateFile } from '../../core/estimate/medicare-schema';
import { parseFeeSchedule, parseProcedureDefinition, type FeeSchedule } from '../../core/estimate/procedure-schema';
import type { FieldIssue } from '../../core/result';
import { fsErrorCode } from './atomic-write';

/** What is wrong with a shipped data file. */
export type ProcedureDataProblem = 'unreadable' | 'not-json' | 'invalid';

/** Thrown when the shipped data files are missing or wrong: a packaging bug, not user input. */
export class ProcedureDataError extends Error {
  readonly issues: FieldIssue[];
  /** The data file (or templates folder) at fault, absolute: the start-up message names it. */
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

function readJson(filePath: string): unknown {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = fsErrorCode(error);
    throw new ProcedureDataError(`Cannot read ${filePath} (${code ?? 'unreadable'}).`, { file: filePath, problem: 'unreadable', code });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProcedureDataError(`${filePath} is not valid JSON.`, { file: filePath, problem: 'not-json' });
  }
}

/** One procedure folder, validated. Throws ProcedureDataError. */
export function loadCatalogEntry(templatesDir: string, folder: string, today: string): CatalogEntry {
  const dir = join(templatesDir, folder);
  const procedureFile = join(dir, 'procedure.json');
  const procedure = parseProcedureDefinition(readJson(procedureFile), `${folder}/procedure.json`);
  if (!procedure.ok) throw new ProcedureDataError('The procedure data file is invalid.', { file: procedureFile, problem: 'invalid', issues: procedure.issues });
  if (procedure.value.id !== folder) {
    throw new ProcedureDataError('The procedure data file is invalid.', {
      file: procedureFile,
      problem: 'invalid',
      issues: [{ path: `${folder}/procedure.json.id`, message: `Use "${folder}", the name of the folder it sits in.` }],
    });
  }
  const scheduleFile = join(dir, 'fee-schedule.json');
  const schedule = parseFeeSchedule(readJson(scheduleFile), procedure.value, `${folder}/fee-schedule.json`);
  if (!schedule.ok) throw new ProcedureDataError('The fee schedule data file is invalid.', { file: scheduleFile, problem: 'invalid', issues: schedule.issues });
  const medicare = loadMedicareRates(dir, folder, schedule.value);
  const warmUpFile = join(dir, 'warm-up-case.json');
  const warmUpCase = readJson(warmUpFile);
  const checked = validateCase(warmUpCase, { today, catalog: [procedure.value] });
  if (!checked.ok) {
    const issues = checked.issues.map((i) => ({ ...i, path: `${folder}/warm-up-case.json.${i.path}` }));
    throw new ProcedureDataError('The warm-up case file is invalid.', { file: warmUpFile, problem: 'invalid', issues });
  }
  return { procedure: procedure.value, schedule: schedule.value, medicare, warmUpCase };
}

const MEDICARE_FILE = /^medicare-(\d{4})\.json$/;

/** Every medicare-<year>.json beside the fee schedule, oldest first; at least one is required. */
function loadMedicareRates(dir: string, folder: string, schedule: FeeSchedule): MedicareRateFile[] {
  const names = readdirSync(dir).filter((name) => MEDICARE_FILE.test(name)).sort();
  if (names.length === 0) {
    const file = join(dir, `medicare-<year>.json`);
    throw new ProcedureDataError(`No Medicare rate file was found in ${dir}: medicare-<year>.json is missing.`, { file, problem: 'unreadable', code: 'ENOENT' });
  }
  return names.map((name) => {
    const file = join(dir, name);
    const parsed = parseMedicareRateFile(readJson(file), schedule, `${folder}/${name}`);
    if (!parsed.ok) throw new ProcedureDataError('The Medicare rate file is invalid.', { file, problem: 'invalid', issues: parsed.issues });
    return parsed.value;
  });
}

/** A folder with either data file is a procedure folder: one missing the other is a fault to report. */
const PROCEDURE_FILES = ['procedure.json', 'fee-schedule.json'];

/** Every procedure under templates/ (one folder each). Throws ProcedureDataError. */
export function loadProcedureCatalog(templatesDir: string, today: string): ProcedureCatalog {
  let folders: string[];
  try {
    folders = readdirSync(templatesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .filter((name) => {
        try {
          return readdirSync(join(templatesDir, name)).some((file) => PROCEDURE_FILES.includes(file));
        } catch {
          return false;
        }
      });
  } catch (error) {
    const code = fsErrorCode(error);
    throw new ProcedureDataError(`Cannot read the templates folder ${templatesDir} (${code ?? 'unreadable'}).`, { file: templatesDir, problem: 'unreadable', code });
  }
  if (folders.length === 0) {
    const file = join(templatesDir, '<procedure>', 'procedure.json');
    throw new ProcedureDataError(`No procedure was found in ${templatesDir}: procedure.json is missing.`, { file, problem: 'unreadable', code: 'ENOENT' });
  }
  return makeCatalog(folders.map((folder) => loadCatalogEntry(templatesDir, folder, today)));
}
