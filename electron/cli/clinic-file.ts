/**
 * The clinic file the headless commands take (`--clinic clinic.json`): the clinic profile
 * (`name, address, phone, npi, tin`), its payer contracts (money in dollars, as in case files),
 * its deposit policy, and as in Settings the other providers that bill their own part
 * (`otherProviders: [{ role: "hospital-outpatient" | "asc" | "anesthesia", name, npi, tin, address }]`)
 * and the clinic's doctors (`doctors: [{ name, npi? }]`). Missing fields take the settings
 * defaults; issues are prefixed `clinic.`.
 */
import { z } from 'zod';
import { dollarsToCents } from '../../core/money';
import { payerContractsSchema, type PayerContract } from '../../core/estimate/payer-contracts';
import { toFieldIssues } from '../../core/result';
import { clinicProfileSchema, defaultSettings, doctorSchema, doctorsSchema, noOtherProviders, otherProviderSchema, type ClinicProfile, type Doctor, type OtherProviders } from '../../core/settings';
import { normaliseLogo } from '../services/clinic-logo';
import { formatFieldIssues, readCaseFile } from './case-file';

const code = z.string().regex(/^\d{5}$/, 'Use a 5-digit code.');
const dollarBasis = z.union([
  z.object({ percentOfMedicare: z.number() }).strict(),
  z.object({ amounts: z.record(code, z.number().min(0, 'Use 0 or more dollars.').max(1_000_000, 'Use at most $1,000,000.')) }).strict(),
]);
/** The roles of the clinic file's other providers, and the Settings entry each fills. */
const otherProviderRoles = ['hospital-outpatient', 'asc', 'anesthesia'] as const;
const settingsKey = { 'hospital-outpatient': 'hospitalOutpatient', asc: 'asc', anesthesia: 'anesthesia' } as const satisfies Record<(typeof otherProviderRoles)[number], keyof OtherProviders>;

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
    otherProviders: z
      .array(
        otherProviderSchema
          .partial()
          .extend({ role: z.enum(otherProviderRoles, { error: `Use a role: ${otherProviderRoles.join(', ')}.` }) })
          .strict(),
      )
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((p, i) => {
          if (seen.has(p.role)) ctx.addIssue({ code: 'custom', path: [i, 'role'], message: 'Give each role once.' });
          seen.add(p.role);
        });
      })
      .optional(),
    doctors: z.array(doctorSchema.partial({ npi: true }).strict()).optional(),
  })
  .passthrough();


type DollarBasis = z.infer<typeof dollarBasis>;
const inCents = (b: DollarBasis) => ('amounts' in b ? { amountsCents: Object.fromEntries(Object.entries(b.amounts).map(([k, v]) => [k, dollarsToCents(v)])) } : b);

export interface ClinicFile {
  profile: ClinicProfile;
  payerContracts: PayerContract[];
  depositPercent: number;
  otherProviders: OtherProviders;
  doctors: Doctor[];
}

export const noClinicFile: ClinicFile = {
  profile: defaultSettings.clinic,
  payerContracts: [],
  depositPercent: defaultSettings.defaults.depositPercent,
  otherProviders: noOtherProviders,
  doctors: [],
};

export function readClinicFile(filePath: string | null): { ok: true; value: ClinicFile } | { ok: false; output: string } {
  if (filePath === null) return { ok: true, value: noClinicFile };
  const file = readCaseFile(filePath);
  if (!file.ok) return { ok: false, output: `${file.message.replace('case file', 'clinic file')}\n` };
  if (typeof file.value !== 'object' || file.value === null || Array.isArray(file.value)) {
    return { ok: false, output: 'clinic: The clinic file must be a set of fields: name, address, phone, npi, tin, payerContracts, depositPercent, otherProviders, doctors.\n' };
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
  const otherProviders: OtherProviders = { ...noOtherProviders };
  for (const { role, ...fields } of extra.data.otherProviders ?? []) otherProviders[settingsKey[role]] = { ...noOtherProviders[settingsKey[role]], ...fields };
  const doctors = doctorsSchema.safeParse((extra.data.doctors ?? []).map((d) => ({ name: d.name, npi: d.npi ?? '' })));
  if (!doctors.success) return { ok: false, output: formatFieldIssues(toFieldIssues(doctors.error.issues, 'clinic.doctors')) };
  const groups = new Set(['payerContracts', 'depositPercent', 'otherProviders', 'doctors']);
  const profileFields = Object.fromEntries(Object.entries(raw).filter(([key]) => !groups.has(key)));
  const profile = clinicProfileSchema.safeParse({ ...defaultSettings.clinic, ...profileFields });
  if (!profile.success) return { ok: false, output: formatFieldIssues(toFieldIssues(profile.error.issues, 'clinic')) };
  const logo = profile.data.logoDataUrl === '' ? { ok: true as const, dataUrl: '' } : normaliseLogo(profile.data.logoDataUrl);
  if (!logo.ok) return { ok: false, output: formatFieldIssues([{ path: 'clinic.logoDataUrl', message: logo.message }]) };
  return {
    ok: true,
    value: { profile: { ...profile.data, logoDataUrl: logo.dataUrl }, payerContracts: contracts.data, depositPercent: extra.data.depositPercent ?? 0, otherProviders, doctors: doctors.data },
  };
}
