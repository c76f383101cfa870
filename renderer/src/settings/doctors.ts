/**
 * Settings -> Doctors, the pure part: core's doctors schema (a name is required, an NPI is
 * optional but must pass the check digit, no doctor twice) as messages by row and field.
 */
import { doctorsSchema, type Doctor } from '../../../core/settings';
import type { FieldErrors } from './settings-fields';

export type DoctorField = keyof Doctor;

export interface DoctorsErrors {
  /** By row index, then field. */
  rows: Record<number, FieldErrors<DoctorField>>;
  /** A problem with the whole list (too many doctors). */
  list?: string;
}

export const blankDoctor: Doctor = { name: '', npi: '' };

const doctorFields: readonly DoctorField[] = ['name', 'npi'];

export function doctorsErrors(list: readonly Doctor[]): DoctorsErrors {
  const parsed = doctorsSchema.safeParse(list);
  const errors: DoctorsErrors = { rows: {} };
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const [index, field] = issue.path;
    const name = doctorFields.find((f) => f === field);
    if (typeof index === 'number' && name !== undefined) {
      const row = (errors.rows[index] ??= {});
      row[name] ??= issue.message;
    } else {
      errors.list ??= issue.message;
    }
  }
  return errors;
}

/** The first row and field with a problem, in the order they show; null when none. */
export function firstDoctorError(errors: DoctorsErrors): { index: number; field: DoctorField } | null {
  const indexes = Object.keys(errors.rows).map(Number).sort((a, b) => a - b);
  for (const index of indexes) {
    const field = doctorFields.find((f) => errors.rows[index]?.[f] !== undefined);
    if (field !== undefined) return { index, field };
  }
  return null;
}
