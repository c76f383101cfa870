/**
 * `packet <case.json> --out <file.pdf> [--clinic <clinic.json>] [--policy <policy.json>] [--today YYYY-MM-DD]`:
 * estimates the case (default fees, or the configuration a machine policy names; the clinic file's
 * profile, contracts and deposit over them: cli-settings.ts), builds the patient packet and writes the
 * PDF atomically. Invalid input, an unusable clinic file, a clinic without the name and phone every
 * packet's letterhead prints (no --clinic at all, or a file without them), a Good Faith Estimate without
 * the clinic's NPI/TIN (or, at a hospital or surgery center, without that facility in the
 * clinic file's `otherProviders`) prints `<field.path>: <message>` lines on stderr and exits 2.
 */
import { dirname, join } from 'node:path';
import { isCalendarDate } from '../../core/case/case-schema';
import { describeWriteError, writeFileAtomic } from '../services/atomic-write';
import { createPacketService } from '../services/packet-service';
import { formatFieldIssues, readCaseFile } from './case-file';
import { cliCatalog, cliEstimator, cliSettings } from './estimate-command';
import { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, type CliCommand, type CliContext } from './cli-types';
import type { FieldIssue } from '../../core/result';
import { letterheadIssues } from '../../core/packet/ready';
import type { ClinicProfile } from '../../core/settings';

export interface PacketArgs {
  caseFile: string;
  out: string;
  clinicFile: string | null;
  policyFile: string | null;
  today: string | null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parsePacketArgs(args: readonly string[]): Parsed<PacketArgs> {
  const options = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--out' || arg === '--clinic' || arg === '--policy' || arg === '--today') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${arg} needs a value.` };
      options.set(arg, value);
      i += 1;
    } else if (arg.startsWith('--')) {
      return { ok: false, message: `Unknown option ${arg}.` };
    } else {
      files.push(arg);
    }
  }
  const today = options.get('--today') ?? null;
  if (today !== null && !isCalendarDate(today)) return { ok: false, message: '--today needs a date, YYYY-MM-DD.' };
  const out = options.get('--out');
  if (out === undefined) return { ok: false, message: 'Say where to write the PDF with --out <file.pdf>.' };
  if (files.length !== 1 || files[0] === undefined) return { ok: false, message: 'Give exactly one case file.' };
  return { ok: true, value: { caseFile: files[0], out, clinicFile: options.get('--clinic') ?? null, policyFile: options.get('--policy') ?? null, today } };
}

const cliRoles: Record<string, string> = { hospitalOutpatient: 'hospital-outpatient', asc: 'asc', anesthesia: 'anesthesia' };

/** A readiness issue as the clinic file says it: `clinic.otherProviders.<key>.<field>`, and what to add to the file instead of where in Settings. */
export function inClinicFileTerms(issue: FieldIssue): FieldIssue {
  const match = /^otherProviders\.(\w+)\.(\w+)$/.exec(issue.path);
  if (match === null) return issue;
  const role = cliRoles[match[1] ?? ''] ?? match[1];
  return {
    path: `clinic.${issue.path}`,
    message: issue.message.replace(/Fill it in under Settings → Other providers → [^.]*\)?\./, `Add it to the clinic file: "otherProviders": [{ "role": "${role}", "name", "npi", "tin", "address" }].`),
  };
}

/** Core's letterhead rule in the command's terms: which clinic-file fields to add, or to give a clinic file at all. */
export function letterheadCliIssues(profile: ClinicProfile, clinicFile: string | null, fromPolicy = false): FieldIssue[] {
  const issue = letterheadIssues(profile)[0];
  if (issue === undefined) return [];
  const fields = (['name', 'phone'] as const).filter((f) => profile[f].trim() === '').map((f) => `"${f}"`).join(' and ');
  const where =
    clinicFile !== null
      ? `Add ${fields} to the clinic file given with --clinic.`
      : fromPolicy
        ? `Add ${fields} to the clinic profile in the configuration the machine policy names (Settings -> Clinic profile, then export it again), or give a clinic file with --clinic <clinic.json>.`
        : `Give a clinic file with --clinic <clinic.json> that has ${fields}.`;
  return [{ path: issue.path, message: `Every packet prints the clinic's name and phone number at the top. ${where}` }];
}

export const packetCommand: CliCommand = {
  usage: 'packet <case.json> --out <file.pdf> [--clinic <clinic.json>] [--policy <policy.json>] [--today YYYY-MM-DD]',
  async run(args: string[], context: CliContext): Promise<number> {
    const parsedArgs = parsePacketArgs(args);
    if (!parsedArgs.ok) {
      context.io.stderr(`${parsedArgs.message}\nUsage: ${packetCommand.usage}\n`);
      return EXIT_INPUT;
    }
    const { caseFile, out, clinicFile } = parsedArgs.value;
    const today = parsedArgs.value.today ?? context.today();
    const catalog = cliCatalog(context);
    const resolved = await cliSettings(catalog, parsedArgs.value);
    if (!resolved.ok) {
      context.io.stderr(resolved.output);
      return EXIT_INPUT;
    }
    const { settings } = resolved;
    const file = readCaseFile(caseFile);
    if (!file.ok) {
      context.io.stderr(`${file.message}\n`);
      return EXIT_INPUT;
    }
    const { estimates, estimateCase } = cliEstimator(context, today, settings, catalog);
    const estimated = estimateCase(file.value);
    if (!estimated.ok) {
      context.io.stderr(formatFieldIssues(estimated.error.issues));
      return EXIT_INPUT;
    }
    const letterhead = letterheadCliIssues(settings.clinic, clinicFile, resolved.fromPolicy);
    if (letterhead.length > 0) {
      context.io.stderr(formatFieldIssues(letterhead));
      return EXIT_INPUT;
    }
    // resources/ sits beside templates/ in the app root (as app-services.ts lays it out).
    const fontsDir = join(dirname(context.templatesDir), 'resources', 'fonts');
    const packets = createPacketService({ templatesDir: context.templatesDir, fontsDir, catalog: estimates.catalog });
    const built = await packets.build({
      caseData: estimated.value.case,
      estimate: estimated.value.estimate,
      clinic: settings.clinic,
      otherProviders: settings.otherProviders,
      doctors: settings.doctors,
      preparedDate: today,
    });
    if (!built.ok) {
      const issues = built.error.issues.length > 0 ? built.error.issues.map(inClinicFileTerms) : [{ path: '(packet)', message: built.error.message }];
      context.io.stderr(formatFieldIssues(issues));
      return built.error.code === 'pdf-failed' ? EXIT_INTERNAL : EXIT_INPUT;
    }
    try {
      await writeFileAtomic(out, built.value.pdf, 0o600);
    } catch (error) {
      context.io.stderr(`--out: ${describeWriteError(error)}\n`);
      return EXIT_INPUT;
    }
    context.io.stdout(`Wrote packet ${built.value.reference} (${Math.round(built.value.pdf.byteLength / 1024)} KB) to ${out}\n`);
    // What the summary asks staff to check before issuing (never patient data: the messages hold none).
    for (const warning of estimated.value.estimate.warnings) context.io.stderr(`Please check: ${warning.message}\n`);
    return EXIT_OK;
  },
};
