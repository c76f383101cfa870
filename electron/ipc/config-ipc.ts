/**
 * The configuration feature: one JSON file with the clinic's settings, exported from one
 * front-desk PC and imported on the others (previewed first). Older files are migrated.
 */
import type { LockableSetting } from '../../core/policy';
import { CONFIG_FILE_KIND, SETTINGS_VERSION, type Settings } from '../../core/settings';
import { keepLockedParts, lockedPartsDiffering, lockedSectionTitle } from '../../core/settings-lock';
import { describeSettingsChanges, type FeeNames } from '../../core/settings-diff';
import { migrateSettings, type MigrationContext } from '../../core/settings-migrations';
import { isPlainObject } from '../../core/plain-object';
import { fail, ok, type Result } from '../../core/result';
import type { AuditLog } from '../services/audit-log';
import { checkLogoChange } from '../services/clinic-logo';
import type { EstimateService } from '../services/estimate-service';
import type { SettingsService } from '../services/settings-service';
import type { FeatureHandlers } from './dispatch';
import { orWriteFailed, saveAsResult, type SaveFile } from './save-outcome';
import { refuseIfReadOnly } from './settings-ipc';

export interface ConfigIpcDeps {
  settings: SettingsService;
  estimates: Pick<EstimateService, 'catalog'>;
  migration: MigrationContext;
  audit: AuditLog;
  today: () => string;
  now: () => Date;
  saveFile: SaveFile;
  settingsChanged: (settings: Settings) => void;
  describeWriteError: (error: unknown) => string;
  /** The parts of Settings the machine policy locks: an imported file leaves them as IT set them. */
  locked?: readonly LockableSetting[];
}

/** A configuration file's text to current settings, or a message naming what is wrong. */
export function parseConfigText(text: string, migration: MigrationContext): Result<Settings> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('invalid-input', 'This file is not a clinic configuration file (it is not valid JSON).');
  }
  if (!isPlainObject(json) || json['kind'] !== CONFIG_FILE_KIND) {
    return fail('invalid-input', 'This file is not a clinic configuration file; nothing was changed.', [{ path: 'kind', message: `Expected "${CONFIG_FILE_KIND}".` }]);
  }
  const migrated = migrateSettings(json['version'], json['settings'], migration);
  if (migrated.ok) return ok(migrated.settings);
  if (migrated.reason === 'newer') {
    return fail('invalid-input', `This configuration file is from a newer version of the app (version ${migrated.version}; this app reads up to version ${SETTINGS_VERSION}). Update the app on this computer first; nothing was changed.`);
  }
  const problems = migrated.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join(' ');
  return fail('invalid-input', `This file is not a valid clinic configuration file; nothing was changed. ${problems}`, migrated.issues);
}

/**
 * A configuration file's settings as they would replace `current`: this PC's records choice and
 * what the machine policy locks kept, a new logo checked and made small (refused, naming the
 * logo, when it cannot be read). Also the locked sections the file would have changed.
 */
export function checkedConfig(text: string, current: Settings, deps: { migration: MigrationContext; locked?: readonly LockableSetting[] | undefined }): Result<{ settings: Settings; lockedKept: string[] }> {
  const parsed = parseConfigText(text, deps.migration);
  if (!parsed.ok) return parsed;
  const locked = deps.locked ?? [];
  // Where this PC keeps its records is this PC's own choice (Settings -> Shared records), not the
  // clinic's configuration: a file from another PC, or one older than the choice, never changes it.
  const incoming = { ...parsed.value, sharedRecords: current.sharedRecords };
  const lockedKept = lockedPartsDiffering(incoming, current, locked).map((part) => lockedSectionTitle[part]);
  const checked = checkLogoChange(keepLockedParts(incoming, current, locked), current.clinic.logoDataUrl);
  return checked.ok
    ? ok({ settings: checked.value, lockedKept })
    : fail('invalid-input', `The clinic logo in this file cannot be used; nothing was changed. ${checked.error.message}`, checked.error.issues);
}

const parseCheckedConfig = (text: string, deps: Pick<ConfigIpcDeps, 'migration' | 'settings' | 'locked'>) => checkedConfig(text, deps.settings.get(), deps);

function feeNames(estimates: Pick<EstimateService, 'catalog'>): FeeNames {
  return Object.fromEntries(
    estimates.catalog.entries.map((e) => [
      e.procedure.id,
      Object.fromEntries([...e.schedule.lines, ...e.schedule.separatelyScheduled].map((line) => [line.id, `${line.code} ${line.description}`])),
    ]),
  );
}

export function createConfigHandlers(deps: ConfigIpcDeps): FeatureHandlers<'config:export' | 'config:import-preview' | 'config:import-apply'> {
  return {
    'config:export': async () => {
      // A newer app's settings are not loaded here: exporting the stand-in defaults would wipe other PCs.
      const refused = refuseIfReadOnly(deps.settings);
      if (refused) return refused;
      const file = { kind: CONFIG_FILE_KIND, version: SETTINGS_VERSION, exportedAt: deps.now().toISOString(), settings: deps.settings.get() };
      const bytes = new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
      const saved = await saveAsResult(deps.saveFile, deps.describeWriteError, `clinic-configuration-${deps.today()}.json`, bytes, 'config');
      if (saved.ok && saved.value.saved) await deps.audit.record('config-exported', 'settings');
      return saved;
    },
    'config:import-preview': async ({ text }) => {
      const parsed = parseCheckedConfig(text, deps);
      if (!parsed.ok) return parsed;
      const { settings, lockedKept } = parsed.value;
      return ok({ changes: describeSettingsChanges(deps.settings.get(), settings, feeNames(deps.estimates)), lockedKept });
    },
    'config:import-apply': async ({ text }) => {
      const refused = refuseIfReadOnly(deps.settings);
      if (refused) return refused;
      const parsed = parseCheckedConfig(text, deps);
      if (!parsed.ok) return parsed;
      const saved = await orWriteFailed('The clinic configuration could not be imported', () => deps.settings.replace(parsed.value.settings));
      if (!saved.ok) return saved;
      const next = saved.value;
      await deps.audit.record('config-imported', 'settings');
      deps.settingsChanged(next);
      return ok(next);
    },
  };
}
