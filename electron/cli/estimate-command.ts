/**
 * `estimate [--today YYYY-MM-DD] [--clinic clinic.json] [--policy policy.json] <case.json>`:
 * prints the estimate as JSON (dollars) on stdout. Invalid cases print `<field.path>: <message>`
 * lines on stderr and exit 2. Uses the default fee schedule and settings, or with --policy the
 * clinic configuration that machine policy names (its fees, Medicare rates, contracts), with
 * the clinic file's payer contracts and deposit policy when one is given (cli-settings.ts).
 */
import { isCalendarDate } from '../../core/case/case-schema';
import { toEstimateJson } from '../../core/estimate/estimate-json';
import { defaultSettings, type Settings } from '../../core/settings';
import { createCaseEstimator } from '../ipc/case-estimator';
import { createEstimateService, type EstimateService } from '../services/estimate-service';
import type { ProcedureCatalog } from '../../core/estimate/procedure-catalog';
import { loadProcedureCatalog } from '../services/procedure-catalog';
import { formatFieldIssues, readCaseFile } from './case-file';
import { resolveCliSettings, type CliSettings } from './cli-settings';
import { EXIT_INPUT, EXIT_OK, type CliCommand, type CliContext } from './cli-types';

export interface CaseArgs {
  caseFile: string;
  today: string | null;
  clinicFile: string | null;
  policyFile: string | null;
}

/** `[--today YYYY-MM-DD] [--clinic clinic.json] [--policy policy.json] <case.json>`; returns an error message for anything else. */
export function parseCaseArgs(args: readonly string[]): { ok: true; value: CaseArgs } | { ok: false; message: string } {
  let today: string | null = null;
  let clinicFile: string | null = null;
  let policyFile: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--today') {
      const value = args[i + 1];
      if (value === undefined || !isCalendarDate(value)) return { ok: false, message: '--today needs a date, YYYY-MM-DD.' };
      today = value;
      i += 1;
    } else if (arg === '--clinic' || arg === '--policy') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${arg} needs a value.` };
      if (arg === '--clinic') clinicFile = value;
      else policyFile = value;
      i += 1;
    } else if (arg.startsWith('--')) {
      return { ok: false, message: `Unknown option ${arg}.` };
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1 || files[0] === undefined) return { ok: false, message: 'Give exactly one case file.' };
  return { ok: true, value: { caseFile: files[0], today, clinicFile, policyFile } };
}

/** The procedures as on the clinic's real day (the case's `today` may differ). */
export const cliCatalog = (context: CliContext): ProcedureCatalog => loadProcedureCatalog(context.templatesDir, context.today());

/** The settings for the command's --policy and --clinic, migrated as the app migrates them. */
export const cliSettings = (catalog: ProcedureCatalog, files: { clinicFile: string | null; policyFile: string | null }): Promise<CliSettings> =>
  resolveCliSettings(files, { legacyProcedureId: catalog.primary.procedure.id });

/**
 * The app's own case pipeline (validateCase, then the estimate) with these settings (the
 * defaults unless given). `today` (--today) is the case's.
 */
export function cliEstimator(
  context: CliContext,
  today: string,
  settings: Settings = defaultSettings,
  catalog: ProcedureCatalog = cliCatalog(context),
): { estimates: EstimateService; estimateCase: ReturnType<typeof createCaseEstimator> } {
  const estimates = createEstimateService(catalog);
  return { estimates, estimateCase: createCaseEstimator({ estimates, settings: () => settings, today: () => today }) };
}

export const estimateCommand: CliCommand = {
  usage: 'estimate [--today YYYY-MM-DD] [--clinic clinic.json] [--policy policy.json] <case.json>',
  async run(args: string[], context: CliContext): Promise<number> {
    const parsedArgs = parseCaseArgs(args);
    if (!parsedArgs.ok) {
      context.io.stderr(`${parsedArgs.message}\nUsage: ${estimateCommand.usage}\n`);
      return EXIT_INPUT;
    }
    const catalog = cliCatalog(context);
    const settings = await cliSettings(catalog, parsedArgs.value);
    if (!settings.ok) {
      context.io.stderr(settings.output);
      return EXIT_INPUT;
    }
    const file = readCaseFile(parsedArgs.value.caseFile);
    if (!file.ok) {
      context.io.stderr(`${file.message}\n`);
      return EXIT_INPUT;
    }
    const { estimateCase } = cliEstimator(context, parsedArgs.value.today ?? context.today(), settings.settings, catalog);
    const result = estimateCase(file.value);
    if (!result.ok) {
      context.io.stderr(formatFieldIssues(result.error.issues));
      return EXIT_INPUT;
    }
    context.io.stdout(`${JSON.stringify(toEstimateJson(result.value.estimate), null, 2)}\n`);
    return EXIT_OK;
  },
};
