/**
 * The clinic file the headless commands take (`--clinic clinic.json`): the clinic profile
 * (`name, address, phone, npi, tin`), its payer contracts (money in dollars, as in case files)
 * and its deposit policy. Missing fields take the settings defaults; issues are prefixed `clinic.`.
 */
import { z } from 'zod';
import { dollarsToCents } from '../../core/money';
import { payerContractsSchema, type PayerContract } from '../../core/estimate/payer-contracts';
import { toFieldIssues } from '../../core/result';
import { clinicProfileSchema, defaultSettings, type ClinicProfile } from '../../core/settings';
import { formatFieldIssues, readCaseFile } from './case-file';

const code = z.string().regex(/^\d{5}$/, 'Use a 5-digit code.');
const dollarBasis = z.union([
  z.object({ percentOfMedicare: z.number() }).strict(),
  z.object({ amounts: z.record(code, z.number().min(0, 'Use 0 or more dollars.').max(1_000_000, 'Use at most $1,000,000.')) }).strict(),
]);
const clinicFileSchema = z
  .object({
    payerContracts: z
      .array(
        z
          .object({ payer: z.string(), aliases: z.array(z.string()).optional(), physician: dollarBasis, facility: dollarBasis.optional(), anesthesia: dollarBasis.optional() })
          .strict(),
      )
      .optional(),
    depositPercent: z.number().min(0, 'Use 0 to 100.').max(100, 'Use 0 to 100.').optional(),
  })
  .passthrough();

type DollarBasis = z.infer<typeof dollarBasis>;
const inCents = (b: DollarBasis) => ('amounts' in b ? { amountsCents: Object.fromEntries(Object.entries(b.amounts).map(([k, v]) => [k, dollarsToCents(v)])) } : b);

export interface ClinicFile {
  profile: ClinicProfile;
  payerContracts: PayerContract[];
  depositPercent: number;
}

export const noClinicFile: ClinicFile = { profile: defaultSettings.clinic, payerContracts: [], depositPercent: defaultSettings.defaults.depositPercent };

export function readClinicFile(filePath: string | null): { ok: true; value: ClinicFile } | { ok: false; output: string } {
  if (filePath === null) return { ok: true, value: noClinicFile };
  const file = readCaseFile(filePath);
  if (!file.ok) return { ok: false, output: `${file.message.replace('case file', 'clinic file')}\n` };
  if (typeof file.value !== 'object' || file.value === null || Array.isArray(file.value)) {
    return { ok: false, output: 'clinic: The clinic file must be a set of fields: name, address, phone, npi, tin, payerContracts, depositPercent.\n' };
  }
  const raw = file.value as Record<string, unknown>;
  const extra = clinicFileSchema.safeParse(raw);
  if (!extra.success) return { ok: false, output: formatFieldIssues(toFieldIssues(extra.error.issues, 'clinic')) };
  const contracts = payerContractsSchema.safeParse(
    (extra.data.payerContracts ?? []).map((c) => ({
      payer: c.payer,
      aliases: c.aliases ?? [],
      physician: inCents(c.physician),
      ...(c.facility === undefined ? {} : { facility: inCents(c.facility) }),
      ...(c.anesthesia === undefined ? {} : { anesthesia: inCents(c.anesthesia) }),
    })),
  );
  if (!contracts.success) return { ok: false, output: formatFieldIssues(toFieldIssues(contracts.error.issues, 'clinic.payerContracts')) };
  const profileFields = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'payerContracts' && key !== 'depositPercent'));
  const profile = clinicProfileSchema.safeParse({ ...defaultSettings.clinic, ...profileFields });
  if (!profile.success) return { ok: false, output: formatFieldIssues(toFieldIssues(profile.error.issues, 'clinic')) };
  return { ok: true, value: { profile: profile.data, payerContracts: contracts.data, depositPercent: extra.data.depositPercent ?? 0 } };
}
