/**
 * Wires the services behind every channel. The app (electron/main), the browser preview
 * (scripts/preview-browser.ts) and the tests all call this with their own capabilities,
 * so they run the same handlers.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../core/settings';
import { createDraftStore, type Cipher } from './draft-store';
import { assertWritableFolder, describeWriteError } from './atomic-write';
import { createEstimateService } from './estimate-service';
import { createHandlers, type HandlerDeps } from './ipc-handlers';
import type { Handlers } from './ipc-dispatch';
import { createPacketService } from './packet-service';
import { createSettingsService, type JsonStore, type SettingsService } from './settings-service';

export interface AppPaths {
  /** Folder holding templates/ and resources/ (the app root, or the asar). */
  appRoot: string;
  /** Per-user data folder (settings, draft, audit log). */
  dataDir: string;
}

export interface AppCapabilities {
  openStore: () => JsonStore;
  rename: (from: string, to: string) => void;
  cipher: Cipher;
  saveFile: HandlerDeps['saveFile'];
  printPdf: HandlerDeps['printPdf'];
  settingsChanged: (settings: Settings) => void;
  /** Who is signed in to the PC, for the audit log (an OS user name, not patient data). */
  operator: string;
  now?: () => Date;
  /** Where failures are noted, without patient data. */
  log?: (line: string) => void;
}

export interface AppServices {
  handlers: Handlers;
  settings: SettingsService;
  /** Render one invented packet so the first real one is quick; call once the window shows. */
  warmUp(): Promise<void>;
}

/** The local calendar date (the clinic's day), YYYY-MM-DD. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function createAppServices(paths: AppPaths, caps: AppCapabilities): AppServices {
  const now = caps.now ?? (() => new Date());
  const templatesDir = join(paths.appRoot, 'templates');
  const settings = createSettingsService({
    openStore: caps.openStore,
    filePath: join(paths.dataDir, 'settings.json'),
    rename: caps.rename,
    now,
  });
  // Settings, the draft and the audit log are written here: a read-only folder fails start-up.
  assertWritableFolder(paths.dataDir);
  const estimates = createEstimateService({ templatesDir });
  const auditFile = join(paths.dataDir, 'audit.log');
  const packets = createPacketService({ templatesDir, fontsDir: join(paths.appRoot, 'resources', 'fonts') });
  const handlers = createHandlers({
    settings,
    drafts: createDraftStore(join(paths.dataDir, 'draft.bin'), caps.cipher),
    estimates: {
      estimate: (raw, current, today) => estimates.estimate(raw, current, today),
      fees: (current) => estimates.feeSchedule(current.feeOverrides),
    },
    packets,
    today: () => localIsoDate(now()),
    saveFile: caps.saveFile,
    printPdf: caps.printPdf,
    audit: (action, reference) => {
      const line = { at: now().toISOString(), user: caps.operator, action, reference };
      try {
        appendFileSync(auditFile, `${JSON.stringify(line)}\n`, { mode: 0o600 });
      } catch (error) {
        // The packet is already saved or printed: say the audit line failed, do not undo it.
        (caps.log ?? console.error)(`[audit] could not write ${action} ${reference}: ${error instanceof Error ? error.name : 'error'}`);
      }
    },
    settingsChanged: caps.settingsChanged,
    describeWriteError,
  });
  return { handlers, settings, warmUp: () => packets.warmUp() };
}
