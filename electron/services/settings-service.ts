/**
 * Clinic settings that persist: electron-store in the app (user-data folder), conf in a temp
 * folder under test. Both are "a JSON file with set()", passed in as `openStore`. An older
 * file is migrated (core/settings-migrations.ts); a file that cannot be read is moved aside
 * to `<file>.corrupt-<timestamp>`, never silently discarded; a file written by a newer app is
 * left untouched, and the app runs on defaults without saving until it is updated.
 */
import { SETTINGS_VERSION, applySettingsPatch, defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../core/settings';
import { migrateSettings, type MigrationContext } from '../../core/settings-migrations';

/** The part of electron-store / conf the service uses. */
export interface JsonStore {
  readonly path: string;
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
}

export interface SettingsServiceDeps {
  /** Opens (creating if absent) the store; throws when the file is not valid JSON. */
  openStore: () => JsonStore;
  /** Where the store's file lives, to move it aside when it cannot be opened. */
  filePath: string;
  rename: (from: string, to: string) => void;
  now: () => Date;
  migration: MigrationContext;
}

export interface WindowBounds {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  replace(settings: Settings): Settings;
  /** Set once at start-up when the file was unreadable and moved aside, or is from a newer app. */
  readonly notice: string | null;
  /** Non-null when the settings file is from a newer app: it is kept untouched and nothing is saved. */
  readonly readOnlyReason: string | null;
  getWindowBounds(): WindowBounds | null;
  setWindowBounds(bounds: WindowBounds): void;
}

export type StoredSettings = { kind: 'current'; settings: Settings } | { kind: 'newer'; version: number } | { kind: 'unreadable' };

/** Read a stored file's contents: a missing `settings` key is a fresh install (defaults). */
export function readStoredSettings(stored: Record<string, unknown>, migration: MigrationContext): StoredSettings {
  if (!('settings' in stored)) return { kind: 'current', settings: defaultSettings };
  const outcome = migrateSettings(stored['version'], stored['settings'], migration);
  if (outcome.ok) return { kind: 'current', settings: outcome.settings };
  return outcome.reason === 'newer' ? { kind: 'newer', version: outcome.version } : { kind: 'unreadable' };
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function isWindowBounds(value: unknown): value is WindowBounds {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v['width'] === 'number' && typeof v['height'] === 'number';
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  let notice: string | null = null;
  let readOnlyReason: string | null = null;

  const moveAside = (): void => {
    const backup = `${deps.filePath}.corrupt-${timestamp(deps.now())}`;
    deps.rename(deps.filePath, backup);
    notice =
      `The settings file could not be read, so the app started with default settings. ` +
      `The old file was kept as ${backup}. Re-enter the clinic profile in Settings, or ask IT to import the clinic configuration.`;
  };

  let store: JsonStore;
  let current: Settings;
  try {
    store = deps.openStore();
    const read = readStoredSettings(store.store, deps.migration);
    if (read.kind === 'current') {
      current = read.settings;
    } else if (read.kind === 'newer') {
      current = defaultSettings;
      readOnlyReason =
        `The settings file was written by a newer version of this app (settings version ${read.version}; this app reads up to ${SETTINGS_VERSION}). ` +
        `It was left untouched: ${deps.filePath}. The app uses default settings and cannot save changes until it is updated. Ask IT to update the app.`;
      notice = readOnlyReason;
    } else {
      moveAside();
      store = deps.openStore();
      current = defaultSettings;
    }
  } catch {
    moveAside();
    store = deps.openStore();
    current = defaultSettings;
  }

  const save = (next: Settings): Settings => {
    if (readOnlyReason !== null) throw new Error('settings are read-only');
    const valid = settingsSchema.parse(next);
    store.set('version', SETTINGS_VERSION);
    store.set('settings', valid);
    current = valid;
    return valid;
  };

  return {
    get: () => current,
    update: (patch) => save(applySettingsPatch(current, patch)),
    replace: (settings) => save(settings),
    get notice() {
      return notice;
    },
    get readOnlyReason() {
      return readOnlyReason;
    },
    getWindowBounds: () => {
      const bounds = store.store['window'];
      return isWindowBounds(bounds) ? bounds : null;
    },
    // Window size is the app's own; it never touches a newer app's file either.
    setWindowBounds: (bounds) => {
      if (readOnlyReason === null) store.set('window', bounds);
    },
  };
}
