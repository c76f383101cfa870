/** What the Settings forms share about their fields: schema messages per field, and the ID hints. */
import type { ZodType } from 'zod';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The schema's first message for each of `fields` that `value` fails (none when it passes). */
export function fieldErrors<K extends string>(schema: ZodType, value: unknown, fields: readonly K[]): FieldErrors<K> {
  const parsed = schema.safeParse(value);
  const errors: FieldErrors<K> = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = fields.find((f) => f === issue.path[0]);
    if (field !== undefined && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

/** Hints under every NPI and TIN field (the clinic's and the other providers'). */
export const idHints = {
  npi: '10 digits, as issued (National Provider Identifier)',
  tin: '9-digit tax ID, for example 12-3456789',
} as const;
