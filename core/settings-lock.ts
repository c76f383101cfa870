/**
 * The parts of Settings a machine policy locks (core/policy.ts `lock`): which settings group
 * each part is, its name as Settings shows it, and the two rules the shell applies: a change
 * that touches a locked part is refused, naming the parts, and a configuration imported on the
 * PC (or applied from the policy) leaves what IT locked to the policy's own configuration.
 */
import type { LockableSetting } from './policy';
import type { FieldIssue } from './result';
import type { Settings } from './settings';

/** The settings group each lockable part is. */
export const lockedSettingsKey = {
  clinic: 'clinic',
  otherProviders: 'otherProviders',
  doctors: 'doctors',
  defaults: 'defaults',
  records: 'records',
  sharedRecords: 'sharedRecords',
  feeSchedule: 'feeOverrides',
  medicare: 'medicareRates',
  payerContracts: 'payerContracts',
} as const satisfies Record<LockableSetting, keyof Settings>;

/** Each part's name, as its Settings section is headed. */
export const lockedSectionTitle: Record<LockableSetting, string> = {
  clinic: 'Clinic profile',
  otherProviders: 'Other providers on the Good Faith Estimate',
  doctors: 'Doctors',
  defaults: 'Defaults for new estimates',
  records: 'Records and privacy',
  sharedRecords: 'Shared records',
  feeSchedule: 'Fee schedule',
  medicare: 'Medicare rates',
  payerContracts: 'Payer contracts',
};

/** What a locked section says, beside it and in a refusal. */
export const LOCKED_BY_POLICY = "Set by your clinic's IT (machine policy), so it cannot be changed on this computer. Ask IT if it needs changing.";

/** The locked parts a change to these settings groups would touch, in Settings' order. */
export function lockedPartsTouched(groups: readonly string[], locked: readonly LockableSetting[]): LockableSetting[] {
  return locked.filter((part) => groups.includes(lockedSettingsKey[part]));
}

const listed = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;

/** The refusal of a change to locked parts: the message names them; one issue per settings group. */
export function lockRefusal(parts: readonly LockableSetting[]): { message: string; issues: FieldIssue[] } {
  const names = parts.map((part) => lockedSectionTitle[part]);
  return {
    message: `${listed(names)} ${names.length === 1 ? 'is' : 'are'} set by your clinic's IT (machine policy), so ${names.length === 1 ? 'it' : 'they'} cannot be changed on this computer; nothing was saved. Ask IT if ${names.length === 1 ? 'it needs' : 'they need'} changing.`,
    issues: parts.map((part) => ({ path: lockedSettingsKey[part], message: LOCKED_BY_POLICY })),
  };
}

/** `incoming` with every locked part taken from `kept` (what IT set). */
export function keepLockedParts(incoming: Settings, kept: Settings, locked: readonly LockableSetting[]): Settings {
  const next: Settings = { ...incoming };
  for (const part of locked) {
    const key = lockedSettingsKey[part];
    (next as Record<keyof Settings, unknown>)[key] = kept[key];
  }
  return next;
}

/** The locked parts where `a` and `b` differ. */
export function lockedPartsDiffering(a: Settings, b: Settings, locked: readonly LockableSetting[]): LockableSetting[] {
  return locked.filter((part) => JSON.stringify(a[lockedSettingsKey[part]]) !== JSON.stringify(b[lockedSettingsKey[part]]));
}
