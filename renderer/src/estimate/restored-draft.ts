/**
 * The notice shown when the New estimate screen opens on a draft from an earlier session, so
 * staff do not type a new patient over the old one (and keep the old Member ID). The names
 * are shown on screen only; never log this text.
 */
import type { FormValues } from './form-fields';

/** Null when the restored form holds no patient details worth a warning. */
export function restoredDraftNotice(values: FormValues): string | null {
  const details = [values.firstName, values.lastName, values.dateOfBirth, values.memberId].some((v) => v.trim() !== '');
  if (!details) return null;
  const name = [values.lastName.trim(), values.firstName.trim()].filter((n) => n !== '').join(', ');
  const restored = name === '' ? 'Unfinished estimate restored.' : `Unfinished estimate restored for ${name}.`;
  return `${restored} Keep working on it, or clear the form for another patient.`;
}
