/**
 * Settings versions, as a chain of pure steps (1 -> 2 -> ...). A stored settings file and
 * an imported configuration file both go through it, so an older file always opens and a
 * file from a newer app is recognised as such (kept untouched) rather than called corrupt.
 *
 * - 1 -> 2: fee overrides are keyed by procedure. Version 1 knew one procedure only, so its
 *   overrides move under the procedure the catalog names as the original one.
 * - 2 -> 3: Medicare's rates come from the procedure's medicare-<year>.json; the one Medicare
 *   figure version 2 kept (the Part B deductible) becomes the clinic's 2026 amount when it
 *   differed from the national $283.
 * - 3 -> 4: the clinic's doctors are listed (none yet: the step adds nothing; the new version
 *   keeps an older app from saving over a list it does not know).
 * - 4 -> 5: records and privacy settings (retention, idle time, draft age) take their defaults.
 * - 5 -> 6: this PC keeps its own records until Settings → Shared records chooses the clinic's
 *   server (the new version keeps an older app from saving over a choice it does not know).
 */
import { isPlainObject as isRecord } from './plain-object';
import { toFieldIssues, type FieldIssue } from './result';
import { applySettingsPatch, defaultRecordsSettings, defaultSettings, defaultSharedRecordsSettings, settingsSchema, SETTINGS_VERSION, type Settings, type SettingsPatch } from './settings';

export interface MigrationContext {
  /** The procedure whose fees version 1 settings held (the catalog's first procedure). */
  legacyProcedureId: string;
}

type Step = (settings: Record<string, unknown>, context: MigrationContext) => Record<string, unknown>;


/** Version 1 -> 2: `feeOverrides: { lineId: fee }` becomes `{ [legacyProcedureId]: { lineId: fee } }`. */
export function migrateV1ToV2(settings: Record<string, unknown>, context: MigrationContext): Record<string, unknown> {
  const fees = settings['feeOverrides'];
  const hasFees = isRecord(fees) && Object.keys(fees).length > 0;
  return { ...settings, feeOverrides: hasFees ? { [context.legacyProcedureId]: fees } : {} };
}

/** The national 2026 Part B deductible version 2 defaulted to (CMS-8091-N). */
const V2_DEFAULT_PART_B_CENTS = 28_300;

/** Version 2 -> 3: `defaults.medicareDeductibleCents` moves into `medicareRates` when the clinic had changed it. */
export function migrateV2ToV3(settings: Record<string, unknown>, context: MigrationContext): Record<string, unknown> {
  const defaults = isRecord(settings['defaults']) ? { ...settings['defaults'] } : undefined;
  const deductible = defaults?.['medicareDeductibleCents'];
  if (defaults !== undefined) delete defaults['medicareDeductibleCents'];
  const keep = typeof deductible === 'number' && deductible !== V2_DEFAULT_PART_B_CENTS;
  const medicareRates = keep ? { [context.legacyProcedureId]: { '2026': { 'deductibles.partB': deductible } } } : {};
  return { ...settings, ...(defaults === undefined ? {} : { defaults }), medicareRates };
}

/** Version 3 -> 4: no doctors listed yet. */
export function migrateV3ToV4(settings: Record<string, unknown>): Record<string, unknown> {
  return { ...settings, doctors: [] };
}

/** Version 4 -> 5: the records and privacy settings at their defaults. */
export function migrateV4ToV5(settings: Record<string, unknown>): Record<string, unknown> {
  return { ...settings, records: defaultRecordsSettings };
}

/** Version 5 -> 6: records on this computer only. */
export function migrateV5ToV6(settings: Record<string, unknown>): Record<string, unknown> {
  return { ...settings, sharedRecords: defaultSharedRecordsSettings };
}

/** steps[n] turns version n into version n + 1. */
export const migrationSteps: Readonly<Record<number, Step>> = { 1: migrateV1ToV2, 2: migrateV2ToV3, 3: migrateV3ToV4, 4: migrateV4ToV5, 5: migrateV5ToV6 };

export type MigrationOutcome =
  | { ok: true; settings: Settings; migratedFrom: number | null }
  | { ok: false; reason: 'newer'; version: number }
  | { ok: false; reason: 'invalid'; issues: FieldIssue[] };

const invalid = (path: string, message: string): MigrationOutcome => ({ ok: false, reason: 'invalid', issues: [{ path, message }] });

/**
 * Bring settings written by `version` up to SETTINGS_VERSION and validate them. Groups
 * missing from an older file take their defaults.
 */
export function migrateSettings(version: unknown, raw: unknown, context: MigrationContext): MigrationOutcome {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return invalid('version', 'Expected a settings version number.');
  if (!isRecord(raw)) return invalid('settings', 'Expected the settings as a set of fields.');
  if (version > SETTINGS_VERSION) return { ok: false, reason: 'newer', version };
  // Every group is a set of fields, but the payer contracts and the doctors are lists.
  const wrongGroup = Object.keys(raw).find((key) => raw[key] !== undefined && !isRecord(raw[key]) && !((key === 'payerContracts' || key === 'doctors') && Array.isArray(raw[key])));
  if (wrongGroup !== undefined) return invalid(`settings.${wrongGroup}`, 'Expected a set of fields.');
  let current = raw;
  for (let v = version; v < SETTINGS_VERSION; v += 1) {
    const step = migrationSteps[v];
    if (step === undefined) return invalid('version', `No way to read settings version ${v}.`);
    current = step(current, context);
  }
  const parsed = settingsSchema.safeParse(applySettingsPatch(defaultSettings, current as SettingsPatch));
  if (!parsed.success) return { ok: false, reason: 'invalid', issues: toFieldIssues(parsed.error.issues, 'settings') };
  return { ok: true, settings: parsed.data, migratedFrom: version === SETTINGS_VERSION ? null : version };
}
