/**
 * Schemas for the procedure and fee-schedule data files in templates/<procedure>/.
 * Validated at load; every error names the file and the field.
 */
import { z } from 'zod';
import { placesOfService, providerRoles, sedations } from '../case/enums';
import { ICD10_CM } from '../case/case-schema';
import type { FieldIssue } from '../result';
import { toFieldIssues } from '../result';

/** A procedure id is its folder name under templates/: lower-case words and dashes. */
export const procedureIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes (the folder name).');

const cents = z.number().int('Use whole cents.').min(0, 'Use 0 or more cents.').max(100_000_000, 'Use at most $1,000,000.');
const code = z.string().regex(/^\d{5}$/, 'Use a 5-digit code.');
const text = z.string().trim().min(1, 'Fill this in.');

export const procedureSchema = z
  .object({
    id: procedureIdSchema,
    /** The form's procedure, and the one whose fees version 1 settings held. Exactly one, once there are several. */
    primary: z.boolean().optional(),
    name: text,
    plainName: text,
    codes: z.object({ primary: code, addOn: code }),
    /** Codes billed only with a primary code (printed with a leading "+", never counted as a second procedure). */
    addOnCodes: z.array(code),
    /** File names of saved packets: <Last>-<First>-<fileSlug>-<date>.pdf */
    fileSlug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes.'),
    /** Estimate references start with it: <prefix>-<YYYYMMDD>-<5 characters>. */
    referencePrefix: z.string().regex(/^[A-Z]{2,4}$/, 'Use 2 to 4 capital letters.'),
    searchTerms: z.array(text).min(1),
    codeNotes: z.array(z.object({ term: text, explanation: text })),
    modifierNote: text,
    referenceRange: z
      .object({ lowCents: cents, highCents: cents, source: text })
      .refine((r) => r.lowCents <= r.highCents, { message: 'lowCents must not be above highCents.', path: ['lowCents'] }),
    levels: z
      .object({
        min: z.number().int().min(1),
        normalMax: z.number().int().min(1),
        max: z.number().int().min(1).max(10),
        manyLevelsWarning: text,
      })
      .refine((l) => l.min <= l.normalMax && l.normalMax <= l.max, {
        message: 'Levels must satisfy min <= normalMax <= max.',
        path: ['normalMax'],
      }),
    sites: z.array(z.enum(placesOfService)).min(1),
    /** The diagnoses staff choose from on the form; `expected` ones print when it is not known yet. */
    diagnoses: z
      .object({
        source: text,
        usual: z
          .array(z.object({ code: z.string().regex(ICD10_CM, 'Use an ICD-10-CM code, like M80.08XA.'), name: text, expected: z.boolean().optional() }).strict())
          .min(1)
          .refine((list) => list.some((d) => d.expected === true), 'Mark at least one diagnosis as expected (printed when it is not known yet).'),
      })
      .strict(),
    sedations: z.array(z.enum(sedations)).min(1),
  })
  .strict();
export type ProcedureDefinition = z.infer<typeof procedureSchema>;

const quantityRuleSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('once') }).strict(),
  z.object({ rule: z.literal('per-extra-level') }).strict(),
  z
    .object({
      rule: z.literal('per-15-minutes'),
      /** Expected minutes for one level, and added for each extra level. */
      firstLevelMinutes: z.number().int().min(0).max(600),
      extraLevelMinutes: z.number().int().min(0).max(600),
      /** Minutes already covered by another line (99152 covers the first 15). */
      afterMinutes: z.number().int().min(0).max(600),
    })
    .strict(),
]);
export type QuantityRule = z.infer<typeof quantityRuleSchema>;

const lowHigh = <T extends { lowCents: number; highCents: number }>(v: T) => v.lowCents <= v.highCents;
const lowHighMessage = { message: 'lowCents must not be above highCents.', path: ['lowCents'] };

/** Fields every priced item has, on the procedure day or scheduled separately. */
const itemFields = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'Use lower-case letters, digits and dashes.'),
  code,
  description: text,
  provider: z.enum(providerRoles),
  lowCents: cents,
  highCents: cents,
};

export const feeLineSchema = z
  .object({
    ...itemFields,
    /** When the line applies; a missing list means every site / sedation. */
    when: z
      .object({ sites: z.array(z.enum(placesOfService)).min(1), sedations: z.array(z.enum(sedations)).min(1) })
      .partial()
      .strict()
      .optional(),
    quantity: quantityRuleSchema,
    /** Part of another code's payment: shown with 0, never charged. */
    included: z.literal(true).optional(),
  })
  .strict()
  .refine(lowHigh, lowHighMessage)
  .refine((l) => l.included !== true || (l.lowCents === 0 && l.highCents === 0), {
    message: 'An included line is never charged: use 0 for lowCents and highCents.',
    path: ['lowCents'],
  });
export type FeeLine = z.infer<typeof feeLineSchema>;

export const separateItemSchema = z
  .object(itemFields)
  .strict()
  .refine(lowHigh, lowHighMessage);
export type SeparateItemDefinition = z.infer<typeof separateItemSchema>;

export const feeScheduleSchema = z
  .object({
    procedureId: procedureIdSchema,
    currency: z.literal('USD'),
    note: z.string().optional(),
    lines: z.array(feeLineSchema).min(1),
    separatelyScheduled: z.array(separateItemSchema),
  })
  .strict()
  .refine((s) => new Set([...s.lines, ...s.separatelyScheduled].map((l) => l.id)).size === s.lines.length + s.separatelyScheduled.length, {
    message: 'Every line needs its own id.',
    path: ['lines'],
  });
export type FeeSchedule = z.infer<typeof feeScheduleSchema>;

export type DataParse<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Validate a parsed procedure.json; issue paths start with `fileName`. */
export function parseProcedureDefinition(data: unknown, fileName = 'procedure.json'): DataParse<ProcedureDefinition> {
  const parsed = procedureSchema.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: toFieldIssues(parsed.error.issues, fileName) };
}

/** Validate a parsed fee-schedule.json, and that it belongs to `procedure`. */
export function parseFeeSchedule(data: unknown, procedure: ProcedureDefinition, fileName = 'fee-schedule.json'): DataParse<FeeSchedule> {
  const parsed = feeScheduleSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error.issues, fileName) };
  if (parsed.data.procedureId !== procedure.id) {
    return { ok: false, issues: [{ path: `${fileName}.procedureId`, message: `Use "${procedure.id}", the procedure this schedule sits beside.` }] };
  }
  return { ok: true, value: parsed.data };
}
