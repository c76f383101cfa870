/**
 * Clinic settings that persist: electron-store in the app (user-data folder), conf in a temp
 * folder under test. Both are "a JSON file with set()", passed in as `openStore`. An older
 * file is migrated (core/settings-migrations.ts); a file that is not valid JSON or fails its
 * schema is moved aside to `<file>.corrupt-<timestamp>`, never silently discarded; a file
 * written by a newer app is left untouched, and the app runs on defaults without saving until
 * it is updated. A file the file system will not let us read (locked by antivirus or OneDrive,
 * no permission) is not corrupt: tried again at start-up, then left untouched while the app
 * runs on defaults without saving, until Try again (retryRead) reads it.
 */
import { SETTINGS_VERSION, applySettingsPatch, defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../core/settings';
import { migrateSettings, type MigrationContext } from '../../core/settings-migrations';
import { fsErrorCode } from './atomic-write';

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
  /** Waits between start-up attempts to read a locked file (default: blocks briefly). */
  pause?: (ms: number) => void;
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
  /** Non-null when the settings file is from a newer app, or could not be read: it is kept untouched and nothing is saved. */
  readonly readOnlyReason: string | null;
  /** The file could not be read (locked, no permission): Try again (retryRead) may read it now. */
  readonly canRetry: boolean;
  /** Read the file again; true when it was read (the real settings, or defaults if it turned out corrupt). */
  retryRead(): boolean;
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

/** How often start-up tries a file it cannot read (a lock by antivirus or OneDrive passes quickly). */
const READ_ATTEMPTS = 3;
const READ_PAUSE_MS = 250;

/** Blocks for `ms`: only between start-up attempts to read a locked settings file. */
function blockingPause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Why the file could not be read, in plain words, by the file system's code. */
function unreadableReason(code: string): string {
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
      return 'it is locked by another program (for example antivirus or OneDrive)';
    case 'EACCES':
      return 'the user signed in to this computer is not allowed to read it';
    default:
      return `the computer reported an error (${code})`;
  }
}

type Opened =
  | { kind: 'read'; store: JsonStore; read: StoredSettings }
  /** The file system refused (locked, no permission): the file may be fine; it is not touched. */
  | { kind: 'unreadable'; code: string }
  /** Not JSON, or the store could not be opened for another reason: moved aside. */
  | { kind: 'corrupt' };

function open(openStore: () => JsonStore, migration: MigrationContext): Opened {
  try {
    const store = openStore();
    return { kind: 'read', store, read: readStoredSettings(store.store, migration) };
  } catch (error) {
    const code = fsErrorCode(error);
    return code !== null && /^E[A-Z]+$/.test(code) && code !== 'EISDIR' ? { kind: 'unreadable', code } : { kind: 'corrupt' };
  }
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  let notice: string | null = null;
  let readOnlyReason: string | null = null;
  let canRetry = false;
  let store: JsonStore | null = null;
  let current: Settings = defaultSettings;

  const moveAside = (): void => {
    const backup = `${deps.filePath}.corrupt-${timestamp(deps.now())}`;
    deps.rename(deps.filePath, backup);
    notice =
      `The settings file could not be read, so the app started with default settings. ` +
      `The old file was kept as ${backup}. Re-enter the clinic profile in Settings, or ask IT to import the clinic configuration.`;
  };

  /** Takes what `open` found; false when the file could not be read (nothing changed on disk). */
  const use = (opened: Opened): boolean => {
    notice = null;
    readOnlyReason = null;
    canRetry = false;
    current = defaultSettings;
    if (opened.kind === 'unreadable') {
      store = null;
      canRetry = true;
      readOnlyReason =
        `The settings file could not be read: ${unreadableReason(opened.code)}. ` +
        `The app is using default settings for now and does not save over the file. Press Try again once it is free; if this keeps happening, ask IT. (${deps.filePath})`;
      notice = readOnlyReason;
      return false;
    }
    if (opened.kind === 'corrupt' || opened.read.kind === 'unreadable') {
      moveAside();
      store = deps.openStore();
      return true;
    }
    store = opened.store;
    if (opened.read.kind === 'current') {
      current = opened.read.settings;
    } else {
      readOnlyReason =
        `The settings file was written by a newer version of this app (settings version ${opened.read.version}; this app reads up to ${SETTINGS_VERSION}). ` +
        `It was left untouched: ${deps.filePath}. The app uses default settings and cannot save changes until it is updated. Ask IT to update the app.`;
      notice = readOnlyReason;
    }
    return true;
  };

  const pause = deps.pause ?? blockingPause;
  let opened = open(deps.openStore, deps.migration);
  for (let attempt = 1; attempt < READ_ATTEMPTS && opened.kind === 'unreadable'; attempt += 1) {
    pause(READ_PAUSE_MS);
    opened = open(deps.openStore, deps.migration);
  }
  use(opened);

  const save = (next: Settings): Settings => {
    if (readOnlyReason !== null || store === null) throw new Error('settings are read-only');
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
    get canRetry() {
      return canRetry;
    },
    retryRead: () => (canRetry ? use(open(deps.openStore, deps.migration)) : true),
    getWindowBounds: () => {
      try {
        const bounds = store?.store['window'];
        return isWindowBounds(bounds) ? bounds : null;
      } catch {
        return null;
      }
    },
    // Window size is the app's own; it never touches a newer app's file, or one it could not read.
    setWindowBounds: (bounds) => {
      if (readOnlyReason === null) store?.set('window', bounds);
    },
  };
}
