/**
 * Opening the records at start-up: the store (this PC's records.db with its data key from the
 * OS key store or the clinic's opt-in, or, when the machine policy says so, the clinic's
 * PostgreSQL server with the clinic key: shared-records.ts, behind the queue that keeps packets
 * on this PC while the server cannot be reached: shared-queue.ts), the retention purge, the
 * audit chain's check and the one-time import of the old audit.log lines. Start-up never fails
 * because of records: when they cannot be kept, the status says why and packets are still issued.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RecordsStatus } from '../../../core/ipc/contract';
import type { RecordsPolicy } from '../../../core/policy';
import type { Cipher } from '../draft-store';
import type { AuditActionName } from './audit-chain';
import { openOutbox } from './outbox';
import { openRecordStore, type Actor, type NewRecord, type RecordStore } from './record-store';
import { createSealer, loadRecordKey } from './seal';
import { createSharedQueue } from './shared-queue';
import { prepareSharedRecords, type OpenedStore } from './shared-records';

export interface RecordsService {
  /** What start-up found. */
  status: RecordsStatus;
  /** null when records are not kept (status.reason says why). */
  store: RecordStore | null;
  /** The status now: shared records try the server first (and send what waits on this PC). */
  currentStatus(): Promise<RecordsStatus>;
  /** Where an issued packet is kept while `store` is null: the shared records' outbox (the server refused this PC); null: not kept. */
  keepWaiting: ((record: NewRecord, action: AuditActionName) => Promise<string>) | null;
  /** Ends what runs without a store (the outbox's queue), on quit. */
  close?: () => Promise<void>;
  /** Shared records: how many records wait on this PC to be sent, as the queue knows it now (no call to the server). */
  waiting?: () => number;
}

export interface RecordsOptions {
  dataDir: string;
  cipher: Cipher;
  keepWithoutKeyStore: boolean;
  retentionYears: number;
  now: () => Date;
  osUser: string;
  log: (line: string) => void;
  /** The machine policy's records part: `store: "postgres"` opens the clinic's server instead of records.db. */
  policy?: RecordsPolicy;
  /** Shared records: how often to try the server while records wait or it is down (default 15 s; the e2e shortens it). */
  retryMs?: number;
}

/** The date `years` years before `now`, as an ISO time. */
export function retentionCutoff(now: Date, years: number): string {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff.toISOString();
}

const legacyActions: Record<string, AuditActionName> = {
  'packet-saved': 'issue-save',
  'packet-printed': 'issue-print',
  'config-imported': 'config-imported',
  'config-exported': 'config-exported',
  'settings-changed': 'settings-changed',
};

/** The old audit.log's lines become chain entries once; the file is then renamed `audit.log.imported`. */
async function importAuditLog(store: RecordStore, file: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(file)) return;
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  } catch {
    return;
  }
  let skipped = 0;
  const entries: { action: AuditActionName; reference: string; osUser: string; at: string }[] = [];
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { at?: unknown; user?: unknown; action?: unknown; reference?: unknown };
      const action = typeof entry.action === 'string' ? legacyActions[entry.action] : undefined;
      if (action === undefined || typeof entry.at !== 'string' || typeof entry.reference !== 'string') {
        skipped += 1;
        continue;
      }
      entries.push({ action, reference: entry.reference, osUser: typeof entry.user === 'string' ? entry.user : '', at: entry.at });
    } catch {
      // A line torn by a full disk: counted, the rest still imported.
      skipped += 1;
    }
  }
  // One transaction: a crash part-way imports nothing, and the next start imports it all once.
  await store.auditMany([
    ...entries.map((e) => ({ action: e.action, reference: e.reference, actor: { preparer: '', osUser: e.osUser }, at: e.at })),
    { action: 'imported-from-audit-log' as const, reference: `${lines.length - skipped} lines`, actor: { preparer: '', osUser: '' }, at: new Date().toISOString() },
  ]);
  if (skipped > 0) log(`[records] ${skipped} unreadable audit.log lines were not imported`);
  renameSync(file, `${file}.imported`);
}

/** Does the database hold any record (counted without the key: nothing is decrypted)? Unreadable counts as yes. */
function holdsRecords(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true });
    try {
      const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'records'").get();
      return table !== undefined && (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n > 0;
    } finally {
      db.close();
    }
  } catch {
    return true;
  }
}

/** This PC's records.db, sealed with its own data key; `note` when it is kept without the OS key store. */
async function openLocalRecords(options: RecordsOptions): Promise<OpenedStore> {
  const dbFile = join(options.dataDir, 'records.db');
  let key: Awaited<ReturnType<typeof loadRecordKey>>;
  try {
    key = await loadRecordKey(join(options.dataDir, 'records.key'), options.cipher, options.keepWithoutKeyStore, () => holdsRecords(dbFile));
  } catch (error) {
    options.log(`[records] the records key could not be written: ${error instanceof Error ? error.name : 'error'}`);
    return { ok: false, reason: 'The records key could not be written in the data folder, so Past estimates are not available. Packets can still be issued; ask IT.' };
  }
  if (!key.ok) return key;
  try {
    const store = openRecordStore({ file: dbFile, sealer: createSealer(key.key) });
    return key.protectedBy === 'none' ? { ok: true, store, note: 'Records are kept without an operating-system key store on this computer (chosen in Settings), so they are protected less.' } : { ok: true, store };
  } catch (error) {
    options.log(`[records] the records database could not be opened: ${error instanceof Error ? error.name : 'error'}`);
    return { ok: false, reason: 'The records database on this computer could not be opened, so Past estimates are not available. Packets can still be issued; ask IT.' };
  }
}

/** Start-up's steps on an open store: audit.log imported once, the retention purge, the audit chain checked. Never rejects. */
async function startupSteps(store: RecordStore, options: RecordsOptions): Promise<Pick<RecordsStatus, 'purged' | 'auditProblem'>> {
  const actor: Actor = { preparer: '', osUser: options.osUser };
  // Start-up never fails because of records: a step that throws is said, the store stays open.
  let purged = 0;
  try {
    await importAuditLog(store, join(options.dataDir, 'audit.log'), options.log);
  } catch (error) {
    options.log(`[records] audit.log could not be imported: ${error instanceof Error ? error.name : 'error'}`);
  }
  try {
    purged = await store.purgeOlderThan(retentionCutoff(options.now(), options.retentionYears), actor);
  } catch (error) {
    options.log(`[records] the retention purge failed: ${error instanceof Error ? error.name : 'error'}`);
  }
  let auditProblem: string | null;
  try {
    auditProblem = await store.verifyAudit();
  } catch {
    auditProblem = 'The audit trail could not be checked at start-up.';
  }
  return { purged, auditProblem };
}

const notKept = (reason: string): RecordsService => {
  const status: RecordsStatus = { available: false, reason, purged: 0, unreadable: [], auditProblem: null, shared: null };
  return { status, store: null, currentStatus: async () => status, keepWaiting: null };
};

/** Said after a refusal: what happens to the packets issued meanwhile. */
export const KEPT_WAITING = 'Packets issued meanwhile are kept on this computer and shared once this is put right and the app is started again.';

/**
 * The clinic's shared records (machine policy): the server behind a queue (shared-queue.ts).
 * Unreachable at start: open "disconnected", start-up's steps run once it answers. Refused
 * (wrong clinic key, newer database, TLS, access): no store, but issued packets still wait in
 * the outbox, sent after IT puts it right and the app restarts. Without a usable clinic key
 * (file missing, unreadable) nothing can be sealed, so nothing is kept (as with local records
 * without a key store): the issued notice tells staff to keep their copy.
 */
async function openSharedQueue(policy: RecordsPolicy, options: RecordsOptions): Promise<RecordsService> {
  const prepared = await prepareSharedRecords(policy, options.log, options);
  if (!prepared.ok) return notKept(prepared.reason);
  const { access } = prepared;
  const found: Pick<RecordsStatus, 'purged' | 'auditProblem'> = { purged: 0, auditProblem: null };
  const queue = createSharedQueue({
    server: access.server,
    connect: access.connect,
    refusal: access.refusal,
    outbox: openOutbox({ dir: join(options.dataDir, 'outbox'), sealer: access.sealer, keyId: access.keyId }),
    ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
    onConnected: async (store) => void Object.assign(found, await startupSteps(store, options)),
    log: options.log,
  });
  await queue.start();
  const statusNow = async (): Promise<RecordsStatus> => {
    const { server, connected, waiting, refused } = queue.state();
    return {
      available: refused === null,
      reason: refused === null ? (access.note ?? null) : `${refused} ${KEPT_WAITING}`,
      ...found,
      unreadable: await queue.unreadable(),
      shared: { server, connected, waiting },
    };
  };
  const status = await statusNow();
  const refusedAtStart = !status.available;
  return {
    status,
    store: refusedAtStart ? null : queue,
    async currentStatus() {
      await queue.flush().catch((error: unknown) => options.log(`[records] sending waiting records failed: ${error instanceof Error ? error.name : 'error'}`));
      return statusNow();
    },
    keepWaiting: refusedAtStart ? (record, action) => queue.add(record, action) : null,
    waiting: () => queue.state().waiting,
    ...(refusedAtStart ? { close: () => queue.close() } : {}),
  };
}

export async function openRecords(options: RecordsOptions): Promise<RecordsService> {
  if (options.policy?.store === 'postgres') return openSharedQueue(options.policy, options);
  const opened = await openLocalRecords(options);
  if (!opened.ok) return notKept(opened.reason);
  const { store } = opened;
  const steps = await startupSteps(store, options);
  const status: RecordsStatus = { available: true, reason: opened.note ?? null, purged: steps.purged, unreadable: await store.unreadable(), auditProblem: steps.auditProblem, shared: null };
  return { store, status, currentStatus: async () => status, keepWaiting: null };
}
