/**
 * The machine policy IT puts on a PC (electron/services/policy.ts reads it from a fixed
 * per-OS place): which records store the PC uses, the clinic configuration to use, and the
 * settings front-desk users may not change. Strict: a key the app does not know is refused
 * (a misspelt "keyfile" must not be silently ignored). Passwords never sit in the policy: an
 * address holding one is refused without repeating it. Paths are as written here; the service
 * resolves relative ones against the policy file's folder.
 */
import { z } from 'zod';
import { toFieldIssues, type FieldIssue } from './result';

/** The parts of Settings a policy can lock. */
export const lockableSettings = ['clinic', 'otherProviders', 'doctors', 'defaults', 'records', 'sharedRecords', 'feeSchedule', 'medicare', 'payerContracts'] as const;
export type LockableSetting = (typeof lockableSettings)[number];

export const recordsStores = ['local', 'postgres'] as const;

const ADDRESS_FORM = 'Give the address as postgres://user@host:5432/database.';
const NO_PASSWORDS =
  "Remove the password from this address: the database password is entered on each computer in Settings (or the server trusts the computer's certificate), never in the policy.";
const NO_TLS_PARAMETERS =
  "Remove the ssl settings from this address: give the certificate authority file that signed the server's certificate as records.caFile, and the app connects over TLS, checking the server's name.";
/** Connection parameters that carry a secret (libpq's names). */
const SECRET_PARAMETERS = ['password', 'sslpassword'];

/** What is wrong with a records server address, or null; never repeats the address. */
export function serverAddressProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return ADDRESS_FORM;
  }
  if ((url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') || url.hostname === '') return ADDRESS_FORM;
  const parameters = [...url.searchParams.keys()].map((name) => name.toLowerCase());
  if (url.password !== '' || parameters.some((name) => SECRET_PARAMETERS.includes(name))) return NO_PASSWORDS;
  if (parameters.some((name) => name.startsWith('ssl'))) return NO_TLS_PARAMETERS;
  return null;
}

const path = (what: string) => z.string({ error: `Give the path of ${what}.` }).trim().min(1, `Give the path of ${what}.`);

const recordsPolicySchema = z
  .strictObject(
    {
      store: z.enum(recordsStores, { error: 'Use "local" (records kept on this computer) or "postgres" (the clinic\'s server).' }),
      url: z
        .string({ error: ADDRESS_FORM })
        .trim()
        .superRefine((text, ctx) => {
          const problem = serverAddressProblem(text);
          if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
        })
        .optional(),
      keyFile: path('the clinic key file').optional(),
      caFile: path("the certificate authority file (PEM) that signed the server's certificate").optional(),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'Give records as an object, for example { "store": "local" }.' : undefined) },
  )
  .superRefine((records, ctx) => {
    if (records.store !== 'postgres') return;
    if (records.url === undefined) ctx.addIssue({ code: 'custom', path: ['url'], message: `The PostgreSQL store needs the server's address. ${ADDRESS_FORM}` });
    if (records.keyFile === undefined) ctx.addIssue({ code: 'custom', path: ['keyFile'], message: 'The PostgreSQL store needs the clinic key file (made once with npm run clinic-key).' });
  });

export const policySchema = z.strictObject(
  {
    records: recordsPolicySchema.optional(),
    configuration: path('a clinic configuration file (exported from Settings)').optional(),
    lock: z.array(z.enum(lockableSettings, { error: `Use one of: ${lockableSettings.join(', ')}.` }), { error: 'Give lock as a list, for example ["clinic", "feeSchedule"].' }).default([]),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'The policy must be a JSON object, { ... }.' : undefined) },
);
export type Policy = z.infer<typeof policySchema>;
export type RecordsPolicy = NonNullable<Policy['records']>;

/** No policy file: the defaults (records on this PC, nothing locked). */
export const noPolicy: Policy = { lock: [] };

type ZodIssue = z.core.$ZodIssue;

/** An unknown key is named by its own field (records.keyfile), not its object's. */
function fieldIssues(issues: readonly ZodIssue[]): FieldIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? toFieldIssues(issue.keys.map((key) => ({ path: [...issue.path, key], message: 'This is not a policy setting: remove it, or check its spelling.' })))
      : toFieldIssues([issue]),
  );
}

export function parsePolicy(value: unknown): { ok: true; value: Policy } | { ok: false; issues: FieldIssue[] } {
  const parsed = policySchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fieldIssues(parsed.error.issues) };
}
