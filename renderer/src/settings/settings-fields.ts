/** What the Settings forms share about their fields: schema messages per field, the ID hints, and the fields' element ids. */
import type { ZodType } from 'zod';
import type { ClinicProfile, Doctor, OtherProvider, OtherProviders } from '../../../core/settings';

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

/** The element ids of Settings fields, so a screen elsewhere can send staff to one (see settingsFieldIdForPath). */
export const settingsFieldIds = {
  clinic: (name: keyof ClinicProfile): string => (name === 'logoDataUrl' ? 'set-clinic-logo' : `set-clinic-${name}`),
  otherProvider: (key: keyof OtherProviders, name: keyof OtherProvider): string => `set-other-${key}-${name}`,
  doctor: (index: number, name: keyof Doctor): string => `set-doctor-${index}-${name}`,
  addDoctor: 'set-doctors-add',
} as const;

const clinicFields: readonly (keyof ClinicProfile)[] = ['name', 'address', 'phone', 'npi', 'tin', 'logoDataUrl'];
const providerKeys: readonly (keyof OtherProviders)[] = ['hospitalOutpatient', 'asc', 'anesthesia'];
const providerFields: readonly (keyof OtherProvider)[] = ['name', 'npi', 'tin', 'address'];
const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined => list.find((v) => v === value);

/** The Settings field a settings path names ("clinic.npi", "otherProviders.asc.tin"); null when none. */
export function settingsFieldIdForPath(path: string): string | null {
  const [group, first, second] = path.split('.');
  if (group === 'clinic') {
    const name = oneOf(clinicFields, first);
    return name === undefined ? null : settingsFieldIds.clinic(name);
  }
  if (group === 'otherProviders') {
    const key = oneOf(providerKeys, first);
    const name = oneOf(providerFields, second);
    return key === undefined || name === undefined ? null : settingsFieldIds.otherProvider(key, name);
  }
  return null;
}
