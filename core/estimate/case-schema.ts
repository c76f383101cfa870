// PLACEHOLDER written by the lead so the IPC contract type-checks; the estimate helper owns
// this file and replaces it (keep the exported names: caseInputSchema, CaseInput, parseCase).
import { z } from 'zod';
import type { Case } from './types';
import type { FieldIssue } from '../result';

export const caseInputSchema = z.object({
  patient: z.object({ firstName: z.string(), lastName: z.string(), dateOfBirth: z.string() }),
  procedure: z.object({
    id: z.string(),
    levels: z.number(),
    site: z.enum(['hospital-outpatient', 'asc', 'office']),
    sedation: z.enum(['local', 'moderate', 'anesthesia']),
    scheduledDate: z.string().optional(),
  }),
  coverage: z.object({ kind: z.enum(['commercial', 'medicare', 'medicare-advantage', 'medicaid', 'self-pay', 'uninsured']) }).passthrough(),
  language: z.enum(['en', 'es']).optional(),
  largePrint: z.boolean().optional(),
});
export type CaseInput = z.infer<typeof caseInputSchema>;

export function parseCase(input: unknown, today: string): { ok: true; value: Case } | { ok: false; issues: FieldIssue[] } {
  void input;
  void today;
  return { ok: false, issues: [{ path: '(input)', message: 'not implemented' }] };
}
