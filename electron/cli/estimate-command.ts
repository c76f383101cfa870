/**
 * `estimate [--today YYYY-MM-DD] [--clinic clinic.json] <case.json>`: prints the estimate as
 * JSON (dollars) on stdout. Invalid cases print `<field.path>: <message>` lines on stderr and
 * exit 2. Uses the default fee schedule and settings, with the clinic file's payer contracts
 * and deposit policy when one is given (a clinic's own fees live in the app's settings).
 */
import { isCalendarDate } from '../../core/case/case-schema';
import { toEstimateJson } from '../../core/estimate/estimate-json';
import { defaultSettings } from '../../core/settings';
import { createCaseEstimator } from '../ipc/case-estimator';
import { createEstimateService, type EstimateService } from '../services/estimate-service';
import { loadProcedureCatalog } from '../services/procedure-catalog';
import { formatFieldIssues, readCaseFile } from './case-file';
import { noClinicFile, readClinicFile, type ClinicFile } from './clinic-file';
import { EXIT_INPUT, EXIT_OK, type CliCommand, type CliContext } from './cli-types';

export interface CaseArgs {
  caseFile: string;
  today: string | null;
  clinicFile: string | null;
}

/** `[--today YYYY-MM-DD] [--clinic clinic.json] <case.json>`; returns an error message for anything else. */
export function parseCaseArgs(args: readonly string[]): { ok: true; value: CaseArgs } | { ok: false; message: string } {
  let today: string | null = null;
  let clinicFile: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--today') {
      const value = args[i + 1];
      if (value === undefined || !isCalendarDate(value)) return { ok: false, message: '--today needs a date, YYYY-MM-DD.' };
      today = value;
      i += 1;
    } else if (arg === '--clinic') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: '--clinic needs a value.' };
      clinicFile = value;
      i += 1;
    } else if (arg.startsWith('--')) {
      return { ok: false, message: `Unknown option ${arg}.` };
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1 || files[0] === undefined) return { ok: false, message: 'Give exactly one case file.' };
  return { ok: true, value: { caseFile: files[0], today, clinicFile } };
}

/**
 * The app's own case pipeline (validateCase, then the estimate) with the default fees and
 * settings. The catalog loads as on the clinic's real day; `today` (--today) is the case's.
 */
export function cliEstimator(
  context: CliContext,
  today: string,
  clinic: ClinicFile = noClinicFile,
): { estimates: EstimateService; estimateCase: ReturnType<typeof createCaseEstimator> } {
  const estimates = createEstimateService(loadProcedureCatalog(context.templatesDir, context.today()));
  const settings = { ...defaultSettings, payerContracts: clinic.payerContracts, defaults: { ...defaultSettings.defaults, depositPercent: clinic.depositPercent } };
  return { estimates, estimateCase: createCaseEstimator({ estimates, settings: () => settings, today: () => today }) };
}

export const estimateCommand: CliCommand = {
  usage: 'estimate [--today YYYY-MM-DD] [--clinic clinic.json] <case.json>',
  run(args: string[], context: CliContext): number {
    const parsedArgs = parseCaseArgs(args);
    if (!parsedArgs.ok) {
      context.io.stderr(`${parsedArgs.message}\nUsage: ${estimateCommand.usage}\n`);
      return EXIT_INPUT;
    }
    const clinic = readClinicFile(parsedArgs.value.clinicFile);
    if (!clinic.ok) {
      context.io.stderr(clinic.output);
      return EXIT_INPUT;
    }
    const file = readCaseFile(parsedArgs.value.caseFile);
    if (!file.ok) {
      context.io.stderr(`${file.message}\n`);
      return EXIT_INPUT;
    }
    const { estimateCase } = cliEstimator(context, parsedArgs.value.today ?? context.today(), clinic.value);
    const result = estimateCase(file.value);
    if (!result.ok) {
      context.io.stderr(formatFieldIssues(result.error.issues));
      return EXIT_INPUT;
    }
    context.io.stdout(`${JSON.stringify(toEstimateJson(result.value.estimate), null, 2)}\n`);
    return EXIT_OK;
  },
};
