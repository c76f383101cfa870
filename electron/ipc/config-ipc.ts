/**
 * The configuration feature: one JSON file with the clinic's settings, exported from one
 * front-desk PC and imported on the others (previewed first). Older files are migrated.
 */
import { CONFIG_FILE_KIND, SETTINGS_VERSION, type Settings } from '../../core/settings';
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

/** The file's settings with a new logo checked and made small (refused, naming the logo, when it cannot be read). */
function parseCheckedConfig(text: string, deps: Pick<ConfigIpcDeps, 'migration' | 'settings'>): Result<Settings> {
  const parsed = parseConfigText(text, deps.migration);
  if (!parsed.ok) return parsed;
  const current = deps.settings.get();
  // Where this PC keeps its records is this PC's own choice (Settings -> Shared records), not the
  // clinic's configuration: a file from another PC, or one older than the choice, never changes it.
  const checked = checkLogoChange({ ...parsed.value, sharedRecords: current.sharedRecords }, current.clinic.logoDataUrl);
  return checked.ok ? checked : fail('invalid-input', `The clinic logo in this file cannot be used; nothing was changed. ${checked.error.message}`, checked.error.issues);
}

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
      return ok({ changes: describeSettingsChanges(deps.settings.get(), parsed.value, feeNames(deps.estimates)) });
    },
    'config:import-apply': async ({ text }) => {
      const refused = refuseIfReadOnly(deps.settings);
      if (refused) return refused;
      const parsed = parseCheckedConfig(text, deps);
      if (!parsed.ok) return parsed;
      const saved = await orWriteFailed('The clinic configuration could not be imported', () => deps.settings.replace(parsed.value));
      if (!saved.ok) return saved;
      const next = saved.value;
      await deps.audit.record('config-imported', 'settings');
      deps.settingsChanged(next);
      return ok(next);
    },
  };
}
