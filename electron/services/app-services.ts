/**
 * Wires the services behind every channel. The app (electron/main), the browser preview
 * (scripts/preview-browser.ts) and the tests all call this with their own capabilities,
 * so they run the same handlers.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sharedRecordsPolicy, type Settings } from '../../core/settings';
import type { MigrationContext } from '../../core/settings-migrations';
import { createCaseEstimator } from '../ipc/case-estimator';
import { createHandlers } from '../ipc/handlers';
import type { Handlers } from '../ipc/dispatch';
import type { SaveDialog, SaveFile } from '../ipc/save-outcome';
import { assertWritableFolder, describeWriteError, sweepPartialFiles, writeFileAtomic } from './atomic-write';
import { createAuditLog } from './audit-log';
import { writeClinicKeyFile } from './records/clinic-key';
import type { RecordStore } from './records/record-store';
import { openRecords, type RecordsService } from './records/records-service';
import { createDraftStore, type Cipher } from './draft-store';
import { createEstimateService, type EstimateService } from './estimate-service';
import { createPacketService } from './packet-service';
import type { PacketRenderer } from './packet-renderer';
import { warmUpInput } from './packet-warm-up';
import { loadProcedureCatalog } from './procedure-catalog';
import { createSavedFolders } from './saved-folders';
import type { LoadedPolicy } from './policy';
import { applyPolicyConfiguration } from './policy-configuration';
import { createSettingsService, type JsonStore, type SettingsService } from './settings-service';

export interface AppPaths {
  /** Folder holding templates/ and resources/ (the app root, or the asar). */
  appRoot: string;
  /** Per-user data folder (settings, draft, audit log). */
  dataDir: string;
  /** The machine policy IT set (services/policy.ts), when there is one. */
  policy?: LoadedPolicy;
}

export interface AppCapabilities {
  openStore: () => JsonStore;
  rename: (from: string, to: string) => void;
  cipher: Cipher;
  /** Asks where (the save dialog), then writes with the `write` it is given. */
  saveFile: SaveDialog;
  printPdf: (pdf: Uint8Array, fileName: string) => Promise<{ printed: boolean }>;
  settingsChanged: (settings: Settings) => void;
  /** Who is signed in to the PC, for the audit log (an OS user name, not patient data). */
  operator: string;
  now?: () => Date;
  /** Where failures are noted, without patient data. */
  log?: (line: string) => void;
  /** Shared records: how often the server is tried while records wait (default 15 s; the preview's e2e shortens it). */
  recordsRetryMs?: number;
  /** Where packet PDFs are made (the app and the preview: the packet worker); in the calling thread if not given. */
  packetRenderer?: (fontsDir: string) => PacketRenderer;
}

export interface AppServices {
  handlers: Handlers;
  settings: SettingsService;
  estimates: EstimateService;
  /** Start the packet renderer and render the primary procedure's warm-up case, so the first real packet is quick; call at start. */
  warmUp(): Promise<void>;
  /** Stops the packet worker and closes the records (on quit): a shared store's connections end. */
  close(): Promise<void>;
  /** Issued packets on record, once open (or why they are not kept). */
  records: Promise<RecordsService>;
  /** Start-up's sweep of temp files a crash left (data folder, folders saved into): how many went. */
  leftoversRemoved: Promise<number>;
}

/** The data folder and the folders directly in it (the preview's printed/ and saved/). */
async function dataFolders(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => []);
  return [dataDir, ...entries.filter((e) => e.isDirectory()).map((e) => join(dataDir, e.name))];
}

/** The local calendar date (the clinic's day), YYYY-MM-DD. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Throws ProcedureDataError (a shipped data file missing or wrong) or a settings-folder error: see startup handling. */
export function createAppServices(paths: AppPaths, caps: AppCapabilities): AppServices {
  const now = caps.now ?? (() => new Date());
  const today = () => localIsoDate(now());
  const templatesDir = join(paths.appRoot, 'templates');
  const catalog = loadProcedureCatalog(templatesDir, today());
  const migration: MigrationContext = { legacyProcedureId: catalog.primary.procedure.id };
  const settings = createSettingsService({
    openStore: caps.openStore,
    filePath: join(paths.dataDir, 'settings.json'),
    rename: caps.rename,
    now,
    migration,
  });
  // Settings, the draft and the audit log are written here: a read-only folder fails start-up.
  assertWritableFolder(paths.dataDir);
  // IT's clinic configuration (machine policy) before anything reads the settings.
  const locked = paths.policy?.lock ?? [];
  const configured =
    paths.policy?.configuration === undefined
      ? null
      : applyPolicyConfiguration({ configuration: paths.policy.configuration, dataDir: paths.dataDir, settings, migration, locked, now });
  const log = caps.log ?? console.error;
  // A crash mid-save leaves a temp file (patient data) beside the target: remove old ones. File
  // ages are compared with the real clock, the one the file system stamps them with.
  const savedFolders = createSavedFolders(join(paths.dataDir, 'saved-folders.json'));
  const leftoversRemoved = dataFolders(paths.dataDir).then((dirs) => sweepPartialFiles([...dirs, ...savedFolders.list()], Date.now()));
  const saveFile: SaveFile = (name, data, kind) =>
    caps.saveFile(name, data, kind, async (path, bytes) => {
      await savedFolders.remember(dirname(path)).catch((error: unknown) => log(`[files] could not note the folder saved into: ${error instanceof Error ? error.name : 'error'}`));
      await writeFileAtomic(path, bytes, 0o600);
    });
  const estimates = createEstimateService(catalog);
  const fontsDir = join(paths.appRoot, 'resources', 'fonts');
  const renderer = caps.packetRenderer?.(fontsDir);
  const packets = createPacketService({ templatesDir, fontsDir, catalog, ...(renderer === undefined ? {} : { renderer }) });
  // Records open in the background (the OS key store answers asynchronously); until then, and
  // where they cannot be kept, the audit goes to audit.log. The machine policy's records come
  // first; without them, this PC's Settings → Shared records (its clinic key kept on the PC).
  let recordStore: RecordStore | null = null;
  const recordsPolicy = paths.policy?.records ?? sharedRecordsPolicy(settings.get().sharedRecords);
  const secrets = () => ({ dataDir: paths.dataDir, cipher: caps.cipher, keepWithoutKeyStore: settings.get().records.keepWithoutKeyStore });
  const saveKeyFile = (name: string, body: string) =>
    caps.saveFile(name, new TextEncoder().encode(body), 'clinic-key', async (path, bytes) => {
      // The dialog's folder exists; the preview's saved/ may not yet.
      await mkdir(dirname(path), { recursive: true });
      await writeClinicKeyFile(path, bytes);
    });
  const records = openRecords({
    dataDir: paths.dataDir,
    cipher: caps.cipher,
    keepWithoutKeyStore: settings.get().records.keepWithoutKeyStore,
    retentionYears: settings.get().records.retentionYears,
    now,
    osUser: caps.operator,
    log,
    ...(recordsPolicy === undefined ? {} : { policy: recordsPolicy }),
    ...(caps.recordsRetryMs === undefined ? {} : { retryMs: caps.recordsRetryMs }),
  })
    .catch((error: unknown): RecordsService => {
      log(`[records] the records could not be opened: ${error instanceof Error ? error.name : 'error'}`);
      const status = { available: false, reason: 'The records could not be opened on this computer, so Past estimates are not available. Packets can still be issued; ask IT.', purged: 0, unreadable: [], auditProblem: null, shared: null };
      return { store: null, status, currentStatus: async () => status, keepWaiting: null };
    })
    .then((opened) => {
      recordStore = opened.store;
      return opened;
    });
  const audit = createAuditLog({ filePath: join(paths.dataDir, 'audit.log'), operator: caps.operator, now, log, store: () => recordStore });
  if (configured === 'applied') void audit.record('config-imported', 'policy');
  if (configured === 'locked-restored') void audit.record('settings-changed', 'policy-lock');
  // A draft older than Settings allows is deleted at start-up instead of restored.
  const drafts = createDraftStore(join(paths.dataDir, 'draft.bin'), caps.cipher, { maxAgeHours: () => settings.get().records.draftMaxAgeHours, now });
  void drafts.discardStale();
  const handlers = createHandlers({
    settings,
    drafts,
    estimates,
    packets,
    audit,
    migration,
    today,
    now,
    saveFile,
    printPdf: caps.printPdf,
    settingsChanged: caps.settingsChanged,
    describeWriteError,
    records,
    operator: caps.operator,
    log,
    ...(paths.policy?.records === undefined ? {} : { policyRecords: paths.policy.records }),
    ...(recordsPolicy === undefined ? {} : { recordsStartedWith: recordsPolicy }),
    secrets,
    saveKeyFile,
    locked,
  });

  const warmUp = async (): Promise<void> => {
    const estimateCase = createCaseEstimator({ estimates, settings: () => settings.get(), today });
    const input = warmUpInput(estimateCase, catalog.primary.warmUpCase, settings.get(), today());
    if (input !== null) await packets.warmUp(input);
  };
  const close = async (): Promise<void> => {
    await renderer?.close();
    const { store, close: closeQueue } = await records;
    recordStore = null;
    await closeQueue?.().catch((error: unknown) => log(`[records] the waiting records could not be closed: ${error instanceof Error ? error.name : 'error'}`));
    await store?.close().catch((error: unknown) => log(`[records] the records could not be closed: ${error instanceof Error ? error.name : 'error'}`));
  };
  return { handlers, settings, estimates, warmUp, close, records, leftoversRemoved };
}
