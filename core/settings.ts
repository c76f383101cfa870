import { z } from 'zod';
import { languages } from './case/enums';
import { payerContractsSchema } from './estimate/payer-contracts';
import { procedureIdSchema } from './estimate/procedure-schema';
import { MAX_PRICE_CENTS, withoutNegativeZero } from './money';
import { recordsStores, serverAddressProblem, type RecordsPolicy } from './policy';

import { emptyOtherProviders, isValidNpi, isValidTin } from './provider-ids';

export { isValidNpi, isValidTin } from './provider-ids';

const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

const npiField = z
  .string()
  .trim()
  .refine((v) => v === '' || isValidNpi(v), 'This NPI is not valid: check each digit against the NPI letter or NPPES record.');
const tinField = z
  .string()
  .trim()
  .refine((v) => v === '' || isValidTin(v), 'Enter the 9-digit tax ID (TIN), for example 12-3456789.');

export const clinicProfileSchema = z.object({
  name: optionalText(120),
  address: optionalText(300),
  phone: optionalText(40),
  npi: npiField,
  tin: tinField,
  /** Optional letterhead logo as a data: URL (PNG or JPEG), at most ~300 KB. */
  logoDataUrl: z
    .string()
    .max(400_000, 'The logo image is too large; use one under 300 KB.')
    .refine((v) => v === '' || /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(v), 'The logo must be a PNG or JPEG image.'),
});
export type ClinicProfile = z.infer<typeof clinicProfileSchema>;

export const packetDefaultsSchema = z.object({
  language: z.enum(languages),
  largePrint: z.boolean(),
  selfPayDiscountPercent: z.number().min(0, 'Use 0 to 100.').max(100, 'Use 0 to 100.').transform(withoutNegativeZero),
  /** Asked before the procedure: this share of the patient's estimated part of the clinic's own bill (0 = none). */
  depositPercent: z.number().min(0, 'Use 0 to 100.').max(100, 'Use 0 to 100.').transform(withoutNegativeZero),
});
export type PacketDefaults = z.infer<typeof packetDefaultsSchema>;

/**
 * Issued estimates on record and privacy at a shared PC: how long records are kept (HIPAA
 * practice: 6 years), whether records may be kept where the OS has no real key store (Linux
 * without a keyring: only if the clinic opts in), the idle time before the privacy screen, and
 * how old a draft may be and still be restored.
 */
export const recordsSettingsSchema = z.object({
  retentionYears: z.number().int('Use whole years.').min(1, 'Keep records at least 1 year.').max(30, 'Use at most 30 years.'),
  keepWithoutKeyStore: z.boolean(),
  idleMinutes: z.number().int('Use whole minutes.').min(1, 'Use 1 to 120 minutes.').max(120, 'Use 1 to 120 minutes.'),
  draftMaxAgeHours: z.number().int('Use whole hours.').min(1, 'Use 1 to 168 hours.').max(168, 'Use 1 to 168 hours.'),
});
export type RecordsSettings = z.infer<typeof recordsSettingsSchema>;

export const defaultRecordsSettings: RecordsSettings = { retentionYears: 6, keepWithoutKeyStore: false, idleMinutes: 5, draftMaxAgeHours: 8 };

/**
 * Settings → Shared records, on a PC without a machine policy for records: this computer's own
 * records, or the clinic's PostgreSQL server at `url` (no password in it: that is kept wrapped
 * by the OS key store, as is the clinic key), over TLS checked against `caFile` when one is
 * given. Used from the next start of the app.
 */
export const sharedRecordsSettingsSchema = z
  .object({
    store: z.enum(recordsStores, { error: 'Choose "Only this computer" or "The clinic\'s shared server".' }),
    url: z.string().trim().max(500, 'Use at most 500 characters.'),
    caFile: z.string().trim().max(1000, 'Use at most 1000 characters.'),
  })
  .superRefine((shared, ctx) => {
    if (shared.store !== 'postgres') return;
    const problem = shared.url === '' ? "The clinic's shared server needs the server's address, like postgres://clinic_app@db.clinic.local:5432/clinic." : serverAddressProblem(shared.url);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['url'], message: problem });
  });
export type SharedRecordsSettings = z.infer<typeof sharedRecordsSettingsSchema>;

export const defaultSharedRecordsSettings: SharedRecordsSettings = { store: 'local', url: '', caFile: '' };

/** The records policy this PC's Settings make (no key file: the clinic key kept on the PC is the only source); undefined for its own records. */
export function sharedRecordsPolicy(shared: SharedRecordsSettings): RecordsPolicy | undefined {
  if (shared.store !== 'postgres') return undefined;
  return { store: 'postgres', url: shared.url, ...(shared.caFile === '' ? {} : { caFile: shared.caFile }) };
}

/** A clinic's fee: whole cents up to the largest price a fee line may have; never -0. */
const feeCents = z
  .number({ error: 'Enter the amount in cents, as a number.' })
  .int('Use whole cents.')
  .min(0, 'Use 0 or more.')
  .max(MAX_PRICE_CENTS, 'Use at most $1,000,000.')
  .transform(withoutNegativeZero);

export const feeOverrideSchema = z
  .object({ lowCents: feeCents, highCents: feeCents })
  .refine((v) => v.lowCents <= v.highCents, { message: 'The low amount must not be above the high amount.', path: ['lowCents'] });

/**
 * A record whose keys must pass `isKey`, with at most `max` of them. A bad key is reported at
 * the record itself, so a megabyte-long key is never echoed back in the issue's path.
 */
function keyedRecord<V extends z.ZodType>(value: V, keys: { isKey: (key: string) => boolean; message: string; max: number; tooMany: string }) {
  return z.record(z.string(), value).superRefine((record, ctx) => {
    const names = Object.keys(record);
    if (names.length > keys.max) ctx.addIssue({ code: 'custom', message: keys.tooMany });
    if (!names.every(keys.isKey)) ctx.addIssue({ code: 'custom', message: keys.message });
  });
}

/** Keyed by procedure id: a procedure id's shape and length (whether the catalog has it is checked where it is used). */
const byProcedure = <V extends z.ZodType>(value: V) =>
  keyedRecord(value, {
    isKey: (key) => key.length <= 100 && procedureIdSchema.safeParse(key).success,
    message: 'Use a procedure id this app knows.',
    max: 100,
    tooMany: 'List at most 100 procedures.',
  });

/** The clinic's fees for one procedure, by fee-line id (lower-case letters, digits and dashes, as in fee-schedule.json). */
const feeOverridesSchema = byProcedure(
  keyedRecord(feeOverrideSchema, {
    isKey: (key) => /^[a-z0-9-]{1,80}$/.test(key),
    message: 'Use a fee line id from the fee schedule.',
    max: 200,
    tooMany: 'List at most 200 fee lines per procedure.',
  }),
);

/** A provider or facility that bills its own part of the procedure (Good Faith Estimate). */
export const otherProviderSchema = z.object({
  name: optionalText(120),
  npi: npiField,
  tin: tinField,
  address: optionalText(300),
});
export type OtherProvider = z.infer<typeof otherProviderSchema>;

/** Who bills the facility fee (by place of service) and the anesthesia, when not the clinic. */
export const otherProvidersSchema = z.object({
  hospitalOutpatient: otherProviderSchema,
  asc: otherProviderSchema,
  anesthesia: otherProviderSchema,
});
export type OtherProviders = z.infer<typeof otherProvidersSchema>;

export const noOtherProviders: OtherProviders = emptyOtherProviders;

/** A doctor who performs the procedure at the clinic (the form's Doctor list; the consent names them). */
export const doctorSchema = z.object({
  name: z.string().trim().min(1, "Enter the doctor's name as the patient should read it, like Dr. Ana Ruiz.").max(120, 'Use at most 120 characters.'),
  npi: npiField,
});
export type Doctor = z.infer<typeof doctorSchema>;

export const doctorsSchema = z.array(doctorSchema).max(50, 'List at most 50 doctors.').superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((d, i) => {
    const key = d.name.trim().toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'This doctor is listed twice.' });
    seen.add(key);
  });
});

/**
 * The clinic's own Medicare amounts (its Medicare contractor's locality figures), by rate year
 * ("2026"), then figure id (core/estimate/medicare-schema.ts figureRefs), in the figure's unit.
 */
const isFigureId = (key: string): boolean => /^[A-Za-z0-9.]{1,80}$/.test(key);

export const medicareYearOverridesSchema = keyedRecord(
  keyedRecord(z.number().transform(withoutNegativeZero), {
    isKey: isFigureId,
    message: 'Use a figure id from the rate file.',
    max: 1000,
    tooMany: 'List at most 1000 figures per rate year.',
  }).superRefine((figures, ctx) => {
    for (const [id, value] of Object.entries(figures)) {
      const problem = isFigureId(id) ? medicareFigureProblem(id, value) : null;
      if (problem !== null) ctx.addIssue({ code: 'custom', path: [id], message: problem });
    }
  }),
  { isKey: (key) => /^\d{4}$/.test(key), message: 'Use the rate year, like 2026.', max: 200, tooMany: 'List at most 200 rate years.' },
);

/**
 * What is wrong with a clinic Medicare amount, by the figure's unit (its id says which): base
 * units 0-100 to one decimal; the anesthesia conversion factor in cents per unit to 2
 * decimals; every other figure whole cents up to $1,000,000. Null when it is fine.
 */
export function medicareFigureProblem(id: string, value: number): string | null {
  const decimals = (places: number) => Math.abs(value * 10 ** places - Math.round(value * 10 ** places)) < 1e-6;
  if (!Number.isFinite(value) || value < 0) return 'Use 0 or more.';
  if (id.endsWith('.baseUnits')) return value <= 100 && decimals(1) ? null : 'Use base units from 0 to 100, with at most 1 decimal.';
  if (id.endsWith('.conversionFactor')) return value <= 100_000 && decimals(2) ? null : 'Use the conversion factor in dollars per unit, up to $1,000.0000.';
  return value <= 100_000_000 && Number.isInteger(value) ? null : 'Use whole cents, up to $1,000,000.';
}
export type MedicareYearOverrides = z.infer<typeof medicareYearOverridesSchema>;

export const settingsSchema = z.object({
  clinic: clinicProfileSchema,
  /** Optional: files exported before it existed still import. */
  otherProviders: otherProvidersSchema.default(noOtherProviders),
  /** The clinic's doctors (Settings -> Doctors). */
  doctors: doctorsSchema,
  defaults: packetDefaultsSchema,
  /** Records, retention and privacy (Settings -> Records and privacy). */
  records: recordsSettingsSchema,
  /** Where this PC keeps its records (Settings -> Shared records); a machine policy's records come first. */
  sharedRecords: sharedRecordsSettingsSchema.default(defaultSharedRecordsSettings),
  /** Clinic's own charges, by procedure id, then fee-line id; lines not listed use the default schedule. */
  feeOverrides: feeOverridesSchema,
  /** The clinic's Medicare amounts, by procedure id, then rate year, then figure id. */
  medicareRates: byProcedure(medicareYearOverridesSchema),
  /** The clinic's payer contracts (allowed amounts per payer). */
  payerContracts: payerContractsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * Version 2 keys fee overrides by procedure; version 3 holds Medicare's rates per procedure and
 * year; version 4 lists the clinic's doctors; version 5 holds the records and privacy settings;
 * version 6 where this PC keeps its records (see settings-migrations.ts).
 */
export const SETTINGS_VERSION = 6;

export const defaultSettings: Settings = {
  clinic: { name: '', address: '', phone: '', npi: '', tin: '', logoDataUrl: '' },
  otherProviders: noOtherProviders,
  doctors: [],
  records: defaultRecordsSettings,
  sharedRecords: defaultSharedRecordsSettings,
  defaults: { language: 'en', largePrint: false, selfPayDiscountPercent: 0, depositPercent: 0 },
  feeOverrides: {},
  medicareRates: {},
  payerContracts: [],
};

/** A change to settings: any group may be left out; given groups are merged field by field. */
export const settingsPatchSchema = z.object({
  clinic: clinicProfileSchema.partial().optional(),
  otherProviders: otherProvidersSchema.optional(),
  /** The whole list: given, it replaces the clinic's doctors. */
  doctors: doctorsSchema.optional(),
  defaults: packetDefaultsSchema.partial().optional(),
  records: recordsSettingsSchema.partial().optional(),
  /** The whole choice: given, it replaces this PC's (Settings → Shared records checks it first). */
  sharedRecords: sharedRecordsSettingsSchema.optional(),
  /** Per procedure: a procedure given here has its overrides replaced; others are kept. */
  feeOverrides: feeOverridesSchema.optional(),
  /** Per procedure: a procedure given here has its Medicare amounts replaced (all years); others are kept. */
  medicareRates: byProcedure(medicareYearOverridesSchema).optional(),
  /** The whole list: given, it replaces the clinic's contracts. */
  payerContracts: payerContractsSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** A group's given fields: one sent as undefined (IPC carries those) keeps its current value. */
const given = <T extends object>(group: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(group ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return {
    clinic: { ...current.clinic, ...given(patch.clinic) },
    otherProviders: patch.otherProviders ?? current.otherProviders ?? noOtherProviders,
    doctors: patch.doctors ?? current.doctors ?? [],
    records: { ...defaultRecordsSettings, ...current.records, ...given(patch.records) },
    sharedRecords: patch.sharedRecords ?? current.sharedRecords ?? defaultSharedRecordsSettings,
    defaults: { ...current.defaults, ...given(patch.defaults) },
    feeOverrides: { ...current.feeOverrides, ...patch.feeOverrides },
    medicareRates: { ...current.medicareRates, ...patch.medicareRates },
    payerContracts: patch.payerContracts ?? current.payerContracts ?? [],
  };
}

export const CONFIG_FILE_KIND = 'clinic-estimate-packet/config';

/**
 * The one-file clinic configuration IT copies between front-desk PCs, as this version writes
 * it. Files from earlier versions are read through the migration chain (settings-migrations.ts).
 */
export const clinicConfigFileSchema = z.object({
  kind: z.literal(CONFIG_FILE_KIND),
  version: z.literal(SETTINGS_VERSION),
  exportedAt: z.string(),
  settings: settingsSchema,
});
export type ClinicConfigFile = z.infer<typeof clinicConfigFileSchema>;
