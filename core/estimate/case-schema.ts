/**
 * The case file / IPC request / form: one schema, money in dollars (at most 2 decimals),
 * percents 0-100, dates YYYY-MM-DD. Messages are plain words for front-desk staff and say
 * what is wanted; they never repeat what was typed (it may be patient data).
 * `parseCase` adds the checks that need today's date and converts dollars to cents.
 */
import { z } from 'zod';
import { dollarsToCents } from '../money';
import { toFieldIssues, type FieldIssue } from '../result';
import { knownProcedureIds, placesOfService, sedations } from './procedure-schema';
import type { Case, Coverage } from './types';

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Oldest believable age for a date of birth. */
export const MAX_AGE_YEARS = 120;
/** Largest dollar amount accepted anywhere in a case. */
export const MAX_DOLLARS = 10_000_000;

const typed = (missing: string, wrongType: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrongType),
});

const name = (what: string) =>
  z
    .string(typed(`Enter the ${what}.`, `Enter the ${what} as text.`))
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(100, `Use at most 100 characters for the ${what}.`);

const date = (what: string) =>
  z
    .string(typed(`Enter the ${what} as YYYY-MM-DD.`, `Enter the ${what} as text, like 1950-04-23.`))
    .trim()
    .refine(isCalendarDate, `Enter the ${what} as a real date, YYYY-MM-DD (for example 1950-04-23).`);

const hasAtMostTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

const dollars = (what: string) =>
  z
    .number(typed(`Enter the ${what} in dollars, like 1500 or 1500.50.`, `Enter the ${what} as a number of dollars, like 1500 or 1500.50.`))
    .min(0, `Enter the ${what} as 0 or more dollars.`)
    .max(MAX_DOLLARS, `Enter the ${what} as at most $10,000,000.`)
    .refine(hasAtMostTwoDecimals, `Enter the ${what} in dollars and cents, with at most 2 decimals.`);

const optionalText = (what: string, max: number) =>
  z.string(typed(`Enter the ${what}.`, `Enter the ${what} as text.`)).trim().max(max, `Use at most ${max} characters for the ${what}.`).optional();

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });

export const coverageKinds = ['commercial', 'medicare', 'medicare-advantage', 'medicaid', 'self-pay', 'uninsured'] as const;

export const caseInputSchema = z.object(
  {
    patient: z.object(
      {
        firstName: name('first name'),
        lastName: name('last name'),
        dateOfBirth: date('date of birth'),
      },
      { error: "Enter the patient's name and date of birth." },
    ),
    procedure: z.object(
      {
        id: z.string({ error: 'Choose the procedure.' }).refine((id) => (knownProcedureIds as readonly string[]).includes(id), {
          message: `Choose a procedure this app knows: ${knownProcedureIds.join(', ')}.`,
        }),
        levels: z
          .number(typed('Enter the number of levels, from 1 to 5.', 'Enter the number of levels as a whole number from 1 to 5.'))
          .int('Enter the number of levels as a whole number from 1 to 5.')
          .min(1, 'Enter at least 1 level.')
          .max(5, 'More than 5 levels in one session cannot be estimated: enter 1 to 5.'),
        site: choice(placesOfService, 'Choose the place of service: hospital-outpatient, asc or office.'),
        sedation: choice(sedations, 'Choose the sedation: local, moderate or anesthesia.'),
        scheduledDate: date('scheduled date').optional(),
      },
      { error: 'Enter the procedure details.' },
    ),
    coverage: z.object(
      {
        kind: choice(coverageKinds, 'Choose the coverage: commercial, medicare, medicare-advantage, medicaid, self-pay or uninsured.'),
        payerName: optionalText('payer name', 120),
        memberId: optionalText('member ID', 64),
        network: choice(['in', 'out'] as const, 'Choose in or out of network.').optional(),
        deductible: dollars('deductible').optional(),
        deductibleMet: dollars('deductible already met').optional(),
        coinsurancePercent: z
          .number(typed('Enter a percentage from 0 to 100.', 'Enter the coinsurance as a number from 0 to 100.'))
          .min(0, 'Enter a percentage from 0 to 100.')
          .max(100, 'Enter a percentage from 0 to 100.')
          .refine(hasAtMostTwoDecimals, 'Enter the percentage with at most 2 decimals.')
          .optional(),
        copay: dollars('copay').optional(),
        outOfPocketMax: dollars('out-of-pocket maximum').nullable().optional(),
        outOfPocketMet: dollars('out-of-pocket amount already met').optional(),
        allowedAmount: dollars('allowed amount').optional(),
      },
      { error: 'Enter the coverage details.' },
    ),
    language: choice(['en', 'es'] as const, 'Choose the packet language: en (English) or es (Spanish).').optional(),
    largePrint: z.boolean({ error: 'Use true or false for large print.' }).optional(),
  },
  { error: 'The case must be a set of fields: patient, procedure and coverage.' },
);
export type CaseInput = z.infer<typeof caseInputSchema>;

const cents = (dollarsValue: number | undefined): number | undefined =>
  dollarsValue === undefined ? undefined : dollarsToCents(dollarsValue);

/** The date `years` years before `today` (both YYYY-MM-DD); string order is date order. */
function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

function toCoverage(input: CaseInput['coverage']): Coverage {
  // Blank optional text counts as not given; absent money stays undefined (presets apply).
  return {
    kind: input.kind,
    network: input.network ?? 'in',
    payerName: input.payerName === '' ? undefined : input.payerName,
    memberId: input.memberId === '' ? undefined : input.memberId,
    deductibleCents: cents(input.deductible),
    deductibleMetCents: cents(input.deductibleMet),
    coinsurancePercent: input.coinsurancePercent,
    copayCents: cents(input.copay),
    outOfPocketMaxCents: input.outOfPocketMax === null ? null : cents(input.outOfPocketMax),
    outOfPocketMetCents: cents(input.outOfPocketMet),
    allowedAmountCents: cents(input.allowedAmount),
  };
}

/**
 * Validate a raw case against the schema and today's date (YYYY-MM-DD), and convert it to
 * the engine's `Case` in cents. Issues carry dotted field paths.
 */
export function parseCase(input: unknown, today: string): { ok: true; value: Case } | { ok: false; issues: FieldIssue[] } {
  const parsed = caseInputSchema.safeParse(input);
  // The date checks run even when other fields are wrong, so staff see every problem at once.
  const dateIssues = [...dateOfBirthIssues(rawDateOfBirth(input), today), ...scheduledDateIssues(parsedScheduledDate(input), today)];
  if (!parsed.success) return { ok: false, issues: [...toFieldIssues(parsed.error.issues), ...dateIssues] };
  if (dateIssues.length > 0) return { ok: false, issues: dateIssues };
  const data = parsed.data;
  return {
    ok: true,
    value: {
      patient: { ...data.patient },
      procedure: { ...data.procedure },
      coverage: toCoverage(data.coverage),
      language: data.language ?? 'en',
      largePrint: data.largePrint ?? false,
    },
  };
}

function parsedScheduledDate(input: unknown): string | undefined {
  const parsed = caseInputSchema.shape.procedure.safeParse((input as { procedure?: unknown } | null)?.procedure);
  return parsed.success ? parsed.data.scheduledDate : undefined;
}

/** A scheduled date must not be before today: an estimate is for care still to come. */
export function scheduledDateIssues(scheduledDate: string | undefined, today: string): FieldIssue[] {
  if (scheduledDate === undefined || scheduledDate >= today) return [];
  return [{ path: 'procedure.scheduledDate', message: 'The scheduled date is in the past. Enter the day the procedure is booked for, or leave it empty.' }];
}

function rawDateOfBirth(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !('patient' in input)) return undefined;
  const patient: unknown = input.patient;
  if (typeof patient !== 'object' || patient === null || !('dateOfBirth' in patient)) return undefined;
  const dob: unknown = patient.dateOfBirth;
  return typeof dob === 'string' && isCalendarDate(dob.trim()) ? dob.trim() : undefined;
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
