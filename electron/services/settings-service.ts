/**
 * Clinic settings that persist: electron-store in the app (user-data folder), conf in a temp
 * folder under test. Both are "a JSON file with set()", passed in as `openStore`. A file that
 * cannot be read is moved aside to `<file>.corrupt-<timestamp>`, never silently discarded.
 */
import {
  SETTINGS_VERSION,
  applySettingsPatch,
  defaultSettings,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../core/settings';

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
  /** Set once at start-up when the file was unreadable and moved aside. */
  readonly notice: string | null;
  getWindowBounds(): WindowBounds | null;
  setWindowBounds(bounds: WindowBounds): void;
}

/** Bring an older stored shape up to the current version; null when it cannot be read. */
export function migrateStoredSettings(stored: Record<string, unknown>): Settings | null {
  if (!('settings' in stored)) return defaultSettings;
  const version = stored['version'];
  if (version !== SETTINGS_VERSION) return null;
  const raw = stored['settings'];
  const merged =
    raw && typeof raw === 'object'
      ? applySettingsPatch(defaultSettings, raw as SettingsPatch)
      : raw;
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : null;
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
    const migrated = migrateStoredSettings(store.store);
    if (migrated === null) {
      moveAside();
      store = deps.openStore();
      current = defaultSettings;
    } else {
      current = migrated;
    }
  } catch {
    moveAside();
    store = deps.openStore();
    current = defaultSettings;
  }

  const save = (next: Settings): Settings => {
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
    getWindowBounds: () => {
      const bounds = store.store['window'];
      return isWindowBounds(bounds) ? bounds : null;
    },
    setWindowBounds: (bounds) => store.set('window', bounds),
  };
}
