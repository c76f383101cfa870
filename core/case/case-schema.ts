/**
 * The case, as a case file, an IPC request and the New estimate form all send it: one
 * schema, money in dollars (at most 2 decimals), percents 0-100, dates YYYY-MM-DD. Messages
 * are plain words for front-desk staff and say what is wanted; they never repeat what was
 * typed (it may be patient data). `validateCase` (validate-case.ts) adds the checks that
 * need today's date and the procedure catalog, and converts dollars to cents.
 */
import { z } from 'zod';
import { dollarsToCents, MAX_CASE_CENTS, withoutNegativeZero } from '../money';
import type { CasePayments, Coverage, ProviderAmounts, SecondaryPlan, Supplement } from '../estimate/types';
import { billingRoles, coverageKinds, languages, listChoices, medigapPlans, networks, placesOfService, sedations } from './enums';

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
/** No procedure in any catalog may allow more levels than this in one session. */
export const MAX_LEVELS = 10;
/** Largest dollar amount accepted anywhere in a case. */
export const MAX_DOLLARS = MAX_CASE_CENTS / 100;

const typed = (missing: string, wrongType: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrongType),
});

const name = (what: string) =>
  z
    .string(typed(`Enter the patient's ${what}.`, `Enter the ${what} as text.`))
    .trim()
    .min(1, `Enter the patient's ${what}.`)
    .max(100, `Use at most 100 characters for the ${what}.`);

const date = (what: string) =>
  z
    .string(typed(`Enter the ${what}.`, `Enter the ${what} as text, like 1950-04-23.`))
    .trim()
    .refine((v) => v !== '', { message: `Enter the ${what}.`, abort: true })
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

/**
 * A well-formed ICD-10-CM code: a letter, two characters (digit, digit or letter), then up to
 * four more after a dot ("M80.08XA", "S32.010A", "C79.51"). Typed without the dot or in lower
 * case it is read the same way. Whether it is the right code is the doctor's to confirm.
 */
export const ICD10_CM = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

export function normalizeIcd10(text: string): string {
  const compact = text.trim().toUpperCase().replace(/\s+/g, '');
  return /^[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}$/.test(compact) ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

const diagnosisSchema = z
  .string(typed('Choose the diagnosis, or leave it as not known yet.', 'Enter the diagnosis as an ICD-10-CM code, like M80.08XA.'))
  .transform(normalizeIcd10)
  .refine((v) => v === '' || ICD10_CM.test(v), 'Enter the diagnosis as an ICD-10-CM code, like M80.08XA (a letter, 2 characters, then up to 4 after the dot).');

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });

const percent = (what: string) =>
  z
    .number(typed('Enter a percentage from 0 to 100.', `Enter the ${what} as a number from 0 to 100.`))
    .min(0, 'Enter a percentage from 0 to 100.')
    .max(100, 'Enter a percentage from 0 to 100.')
    .refine(hasAtMostTwoDecimals, 'Enter the percentage with at most 2 decimals.')
    // -0 passes min(0) but would reach the estimate as -0 (amounts: dollarsToCents does the same).
    .transform(withoutNegativeZero);

const roleWords = { physician: 'doctor', facility: 'facility', anesthesia: 'anesthesia' } as const;

/** { physician?, facility?, anesthesia? } in dollars. */
const providerAmounts = (what: string) =>
  z
    .object(
      Object.fromEntries(billingRoles.map((role) => [role, dollars(`${roleWords[role]} ${what}`).optional()])) as Record<
        (typeof billingRoles)[number],
        z.ZodOptional<ReturnType<typeof dollars>>
      >,
      { error: `Enter the ${what}s per provider: physician, facility, anesthesia.` },
    )
    .strict();

/** A second commercial plan's terms (coordination of benefits), in dollars. */
const secondaryPlanFields = {
  payerName: optionalText('secondary payer name', 120),
  deductible: dollars('secondary deductible'),
  deductibleMet: dollars('secondary deductible already met').optional(),
  coinsurancePercent: percent('secondary coinsurance'),
  copay: dollars('secondary copay').optional(),
  outOfPocketMax: dollars('secondary out-of-pocket maximum').nullable().optional(),
  outOfPocketMet: dollars('secondary out-of-pocket amount already met').optional(),
};

const secondarySchema = z.object({ kind: z.literal('commercial', { error: 'Use "commercial" for the secondary plan.' }), ...secondaryPlanFields }).strict();

const otherSupplementSchema = z
  .object({
    kind: z.literal('other'),
    paysPercent: percent('share the other plan pays').optional(),
    ...Object.fromEntries(Object.entries(secondaryPlanFields).map(([k, v]) => [k, v.optional()])),
  })
  .refine((o) => o.paysPercent !== undefined || (o as { coinsurancePercent?: unknown }).coinsurancePercent !== undefined, {
    message: "Enter the share the other plan pays, or its deductible and coinsurance.",
    path: ['paysPercent'],
  })
  .refine((o) => o.paysPercent === undefined || (o as { coinsurancePercent?: unknown }).coinsurancePercent === undefined, {
    message: 'Enter either the share the other plan pays or its own deductible and coinsurance, not both.',
    path: ['paysPercent'],
  });

const networkByProviderSchema = z
  .object(
    Object.fromEntries(billingRoles.map((role) => [role, choice(networks, `Choose in or out of network for the ${roleWords[role]}.`).optional()])) as Record<
      (typeof billingRoles)[number],
      z.ZodOptional<z.ZodEnum<{ in: 'in'; out: 'out' }>>
    >,
    { error: 'Give the network per provider: physician, facility, anesthesia.' },
  )
  .strict();

/** "MM-DD", a real month and day. */
const planYearStartSchema = z
  .string({ error: 'Enter the plan year start as MM-DD, like 07-01.' })
  .refine((v) => /^\d{2}-\d{2}$/.test(v) && isCalendarDate(`2024-${v}`), 'Enter the plan year start as MM-DD, like 07-01.');

const supplementSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('medigap'),
      plan: choice(medigapPlans, `Choose the Medigap plan: ${listChoices(medigapPlans)}.`),
      deductibleMet: dollars('Medigap deductible already met').optional(),
      outOfPocketMet: dollars('Medigap out-of-pocket amount already met').optional(),
    }),
    z.object({ kind: z.literal('medicaid'), qmb: z.boolean({ error: 'Say whether the patient is a Qualified Medicare Beneficiary (QMB): true or false.' }) }),
    otherSupplementSchema,
  ],
  { error: 'Choose the supplemental coverage: medigap, medicaid or other.' },
);

type CoverageFields = Record<string, unknown> & { kind: (typeof coverageKinds)[number] };

/** Fields a coverage kind does not have, and what to do instead (Medicare's terms are set by law). */
const notForKind: Record<string, Partial<Record<(typeof coverageKinds)[number], string>>> = {
  deductible: { medicare: "Original Medicare's deductible is set by Medicare each year and is in the app: leave it out and enter only the deductible already met." },
  coinsurancePercent: { medicare: "Original Medicare's coinsurance is 20% by law: leave it out. For a plan that pays it, choose the supplemental coverage." },
  copay: {
    medicare: 'Original Medicare has no copays: leave it out (Medicare Advantage plans have copays).',
    'medicare-advantage': 'For Medicare Advantage, enter the copays per provider: the facility copay, the doctor copay and the anesthesia copay.',
  },
  outOfPocketMax: { medicare: 'Original Medicare has no out-of-pocket maximum: leave it out, or choose Medicare Advantage if that is the plan.' },
  outOfPocketMet: { medicare: 'Original Medicare has no out-of-pocket maximum: leave it out, or choose Medicare Advantage if that is the plan.' },
  allowedAmount: {
    medicare: "For Medicare, enter approved amounts per provider (allowedAmounts: physician, facility, anesthesia), or leave them out to use Medicare's rates.",
    'medicare-advantage': "For Medicare Advantage, enter approved amounts per provider (allowedAmounts: physician, facility, anesthesia), or leave them out to use Medicare's rates.",
  },
};
const medicareOnly: Record<string, { kinds: readonly string[]; message: string }> = {
  supplement: { kinds: ['medicare'], message: 'Supplemental coverage (Medigap, Medicaid, a retiree plan) is entered for Original Medicare only.' },
  allowedAmounts: { kinds: ['medicare', 'medicare-advantage'], message: 'Approved amounts per provider are for Medicare and Medicare Advantage: enter one allowed amount for this plan.' },
  copays: { kinds: ['medicare-advantage', 'commercial'], message: 'Copays per provider are for commercial plans and Medicare Advantage: enter one copay for this plan.' },
  networkByProvider: { kinds: ['commercial', 'medicare-advantage'], message: 'A network per provider is for commercial plans and Medicare Advantage.' },
  planYearStart: { kinds: ['commercial'], message: 'A plan year start is for commercial plans (Medicare and Medicare Advantage follow the calendar year).' },
  secondary: { kinds: ['commercial'], message: 'A secondary plan here is for commercial plans; behind Original Medicare, use the supplemental coverage "other".' },
};

function coverageKindIssues(coverage: CoverageFields, ctx: z.RefinementCtx): void {
  for (const [field, byKind] of Object.entries(notForKind)) {
    const message = byKind[coverage.kind];
    // null is "no out-of-pocket maximum", which is Original Medicare's own term.
    if (message !== undefined && coverage[field] !== undefined && coverage[field] !== null) ctx.addIssue({ code: 'custom', path: [field], message });
  }
  if (coverage.kind === 'commercial' && coverage['copay'] !== undefined && coverage['copays'] !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['copays'], message: 'Enter either one copay for the bill or copays per provider, not both.' });
  }
  if (coverage.kind === 'medicare-advantage' && coverage['outOfPocketMax'] === null) {
    ctx.addIssue({ code: 'custom', path: ['outOfPocketMax'], message: "Medicare Advantage plans always have an out-of-pocket maximum: enter the plan's, or leave it out for Medicare's yearly limit." });
  }
  for (const [field, rule] of Object.entries(medicareOnly)) {
    if (coverage[field] !== undefined && !rule.kinds.includes(coverage.kind)) ctx.addIssue({ code: 'custom', path: [field], message: rule.message });
  }
}

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
        /** Checked against the procedure catalog by validateCase (which also reads "22371" as its code's procedure). */
        id: z.string({ error: 'Choose the procedure.' }).trim().min(1, 'Choose the procedure.').max(100, 'Choose a procedure this app knows.'),
        /** The procedure's own limits are checked by validateCase. */
        levels: z
          .number(typed('Enter the number of levels.', 'Enter the number of levels as a whole number.'))
          .int('Enter the number of levels as a whole number.')
          .min(1, 'Enter at least 1 level.')
          .max(MAX_LEVELS, `More than ${MAX_LEVELS} levels in one session cannot be estimated.`),
        site: choice(placesOfService, `Choose the place of service: ${listChoices(placesOfService)}.`),
        sedation: choice(sedations, `Choose the sedation: ${listChoices(sedations)}.`),
        scheduledDate: date('scheduled date').optional(),
      },
      { error: 'Enter the procedure details.' },
    ),
    coverage: z.object(
      {
        kind: choice(coverageKinds, `Choose the coverage: ${listChoices(coverageKinds)}.`),
        payerName: optionalText('payer name', 120),
        memberId: optionalText('member ID', 64),
        network: choice(networks, 'Choose in or out of network.').optional(),
        deductible: dollars('deductible').optional(),
        deductibleMet: dollars('deductible already met').optional(),
        coinsurancePercent: percent('coinsurance').optional(),
        copay: dollars('copay').optional(),
        outOfPocketMax: dollars('out-of-pocket maximum').nullable().optional(),
        outOfPocketMet: dollars('out-of-pocket amount already met').optional(),
        allowedAmount: dollars('allowed amount').optional(),
        supplement: supplementSchema.optional(),
        allowedAmounts: providerAmounts('approved amount').optional(),
        copays: providerAmounts('copay').optional(),
        networkByProvider: networkByProviderSchema.optional(),
        planYearStart: planYearStartSchema.optional(),
        secondary: secondarySchema.optional(),
      },
      { error: 'Enter the coverage details.' },
    ).superRefine(coverageKindIssues),
    payments: z
      .object(
        {
          alreadyPaid: dollars('amount already paid').optional(),
          planMonths: z
            .number(typed('Enter the payment plan in months.', 'Enter the payment plan as a whole number of months.'))
            .int('Enter the payment plan as a whole number of months.')
            .min(2, 'A payment plan has 2 to 60 monthly payments.')
            .max(60, 'A payment plan has 2 to 60 monthly payments.')
            .optional(),
        },
        { error: 'Enter the payments: alreadyPaid, planMonths.' },
      )
      .strict()
      .optional(),
    /** ICD-10-CM; absent or empty: not known yet (the packet gives the usual codes, to be confirmed). */
    diagnosis: diagnosisSchema.optional(),
    /** The performing doctor's name as the clinic lists it (Settings -> Doctors). */
    doctor: optionalText("doctor's name", 120),
    /** Who prepared the estimate: staff initials, kept with the record (not printed). */
    preparedBy: optionalText('initials of who prepared it', 12),
    /** Revise: the record this packet replaces (Past estimates). */
    revises: z.string().regex(/^[0-9a-f]{32}$/, 'Revise a record from Past estimates.').optional(),
    language: choice(languages, 'Choose the packet language: en (English) or es (Spanish).').optional(),
    largePrint: z.boolean({ error: 'Use true or false for large print.' }).optional(),
  },
  { error: 'The case must be a set of fields: patient, procedure and coverage.' },
);
/** What a case file, an IPC request or the form sends (before validation). */
export type CaseInput = z.input<typeof caseInputSchema>;
type ParsedCaseInput = z.output<typeof caseInputSchema>;

const cents = (dollarsValue: number | undefined): number | undefined =>
  dollarsValue === undefined ? undefined : dollarsToCents(dollarsValue);

/** The date `years` years before `today` (both YYYY-MM-DD); string order is date order. */
export function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;
}

export function toCoverage(input: ParsedCaseInput['coverage']): Coverage {
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
    supplement: toSupplement(input.supplement),
    allowedAmounts: providerCents(input.allowedAmounts),
    copays: providerCents(input.copays),
    networkByProvider: input.networkByProvider === undefined ? undefined : { ...input.networkByProvider },
    planYearStart: input.planYearStart,
    secondary: input.secondary === undefined ? undefined : toSecondaryPlan(input.secondary),
  };
}

type SecondaryInput = {
  payerName?: string | undefined;
  deductible?: number | undefined;
  deductibleMet?: number | undefined;
  coinsurancePercent?: number | undefined;
  copay?: number | undefined;
  outOfPocketMax?: number | null | undefined;
  outOfPocketMet?: number | undefined;
};

/** A second plan's terms in cents (a missing deductible is 0). */
function toSecondaryPlan(input: SecondaryInput): SecondaryPlan {
  return {
    payerName: input.payerName === '' ? undefined : input.payerName,
    deductibleCents: cents(input.deductible) ?? 0,
    deductibleMetCents: cents(input.deductibleMet),
    coinsurancePercent: input.coinsurancePercent ?? 0,
    copayCents: cents(input.copay),
    outOfPocketMaxCents: input.outOfPocketMax === null ? null : cents(input.outOfPocketMax),
    outOfPocketMetCents: cents(input.outOfPocketMet),
  };
}

export function toPayments(input: ParsedCaseInput['payments']): CasePayments {
  return { alreadyPaidCents: cents(input?.alreadyPaid) ?? 0, planMonths: input?.planMonths ?? null };
}

function toSupplement(input: ParsedCaseInput['coverage']['supplement']): Supplement | undefined {
  if (input === undefined) return undefined;
  if (input.kind === 'medigap') {
    const out: Supplement = { kind: 'medigap', plan: input.plan };
    if (input.deductibleMet !== undefined) out.deductibleMetCents = dollarsToCents(input.deductibleMet);
    if (input.outOfPocketMet !== undefined) out.outOfPocketMetCents = dollarsToCents(input.outOfPocketMet);
    return out;
  }
  if (input.kind === 'medicaid') return { kind: 'medicaid', qmb: input.qmb };
  const other = input as SecondaryInput & { paysPercent?: number | undefined };
  return other.coinsurancePercent !== undefined ? { kind: 'other', plan: toSecondaryPlan(other) } : { kind: 'other', paysPercent: other.paysPercent ?? 0 };
}

function providerCents(input: Partial<Record<(typeof billingRoles)[number], number | undefined>> | undefined): ProviderAmounts | undefined {
  if (input === undefined) return undefined;
  const out: ProviderAmounts = {};
  for (const role of billingRoles) {
    const value = input[role];
    if (value !== undefined) out[role] = dollarsToCents(value);
  }
  return out;
}

