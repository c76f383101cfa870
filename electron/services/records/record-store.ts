/**
 * Issued estimates on record, in SQLite (better-sqlite3: its Node-API binaries ship inside the
 * npm package) in the data folder. Every patient field, the case, the estimate and the issued
 * PDF are sealed (seal.ts, record-fields.ts); only the reference, the kind, the times, the
 * preparer's initials, the OS user and the versions are plain. The audit trail lives in the
 * same database, written in the same transaction as the change it records, hash-chained
 * (audit-chain.ts).
 *
 * Behind `RecordStore`, whose every call answers with a promise so a store on the clinic's
 * server (pg-record-store.ts) can replace it without touching the handlers. Searching decrypts
 * each record's small index once (when the store opens or a record is added) and matches any
 * piece of the name in memory: a record that fails its check is reported by reference.
 */
import Database from 'better-sqlite3';
import type { RecordRow, RecordSearchResult } from '../../../core/ipc/contract';
import type { BillingRole } from '../../../core/case/enums';
import { entryHash, GENESIS, verifyTrail, type AuditActionName, type AuditEntry } from './audit-chain';
import type { Sealer } from './seal';
import { migrateRecordsDb } from './records-schema';
import { asIsoDate, entryOfNew, isUnreadable, openEntry, openRecordFields, recordIdOf, recordRow, sealBills, sealRecord, type IndexEntry, type StoredIndex } from './record-fields';

export { DISPUTE_THRESHOLD_CENTS } from './record-fields';

/** What is kept of one issued packet. */
export interface NewRecord {
  /** Its id when it already has one (a record issued offline, uploaded later: added once however often it is sent). */
  id?: string;
  reference: string;
  kind: RecordRow['kind'];
  issuedAt: string;
  preparedBy: string;
  osUser: string;
  /** The record this one replaces (its id), if any. */
  revises: string | null;
  /** App, template, content and fee-schedule versions the packet was made with. */
  versions: Record<string, string>;
  patientName: string;
  dateOfBirth: string;
  patientCents: { low: number; high: number };
  providers: { role: BillingRole; name: string; estimatedCents: number }[];
  /** The case as entered (the request), and the estimate computed from it. */
  caseInput: unknown;
  estimate: unknown;
  fileName: string;
  pdf: Uint8Array;
}

/** A record opened for reprint or revise. */
export interface OpenedRecord {
  id: string;
  reference: string;
  issuedAt: string;
  caseInput: unknown;
  fileName: string;
  pdf: Buffer;
  pdfSha256: string;
}

export interface Actor {
  preparer: string;
  osUser: string;
}

export interface RecordStore {
  /** Adds the record and its audit entry in one transaction; returns its id. A record id already there is kept as it is (no second audit entry). */
  add(record: NewRecord, action: AuditActionName): Promise<string>;
  search(query: string, limit?: number): Promise<RecordSearchResult>;
  /** Rejects with SealBroken for a record that fails its check; null when there is none. */
  open(id: string): Promise<OpenedRecord | null>;
  row(id: string): Promise<RecordRow | null>;
  setBills(id: string, bills: readonly { role: BillingRole; billedCents: number }[], actor: Actor): Promise<RecordRow | null>;
  delete(id: string, actor: Actor): Promise<boolean>;
  audit(action: AuditActionName, reference: string, actor: Actor, at?: string): Promise<void>;
  /** Several entries in one transaction (all or none). */
  auditMany(entries: readonly { action: AuditActionName; reference: string; actor: Actor; at: string }[]): Promise<void>;
  /** Deletes records issued before `before` (ISO); one audit entry says how many. */
  purgeOlderThan(before: string, actor: Actor): Promise<number>;
  auditEntries(): Promise<AuditEntry[]>;
  verifyAudit(): Promise<string | null>;
  /** References of records whose index failed its check (SQLite: when the store opened; PostgreSQL: when they were read). */
  unreadable(): Promise<string[]>;
  close(): Promise<void>;
}

/** `durable: false` only for benchmarks that fill a throwaway store (no fsync per record). */
export function openRecordStore(options: { file: string; sealer: Sealer; durable?: boolean }): RecordStore {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma(options.durable === false ? 'synchronous = OFF' : 'synchronous = FULL');
  migrateRecordsDb(db);
  const { sealer } = options;
  const index = new Map<string, IndexEntry>();
  /** A record's id -> the id of the record that revises it. */
  const revisedBy = new Map<string, string>();
  const broken: string[] = [];

  for (const row of db.prepare('SELECT id, reference, kind, issued_at, prepared_by, revises, sealed_index, bills FROM records').iterate() as IterableIterator<StoredIndex>) {
    try {
      index.set(row.id, openEntry(sealer, row));
      if (row.revises !== null) revisedBy.set(row.revises, row.id);
    } catch (error) {
      if (!isUnreadable(error)) throw error;
      broken.push(row.reference);
    }
  }

  const lastAudit = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
  const insertAudit = db.prepare('INSERT INTO audit (seq, at, action, reference, preparer, os_user, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const setHead = db.prepare("INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  const writeAudit = (action: AuditActionName, reference: string, actor: Actor, at: string) => {
    const last = lastAudit.get() as { seq: number; hash: string } | undefined;
    const entry = { seq: (last?.seq ?? 0) + 1, at, action, reference, preparer: actor.preparer, osUser: actor.osUser, prev: last?.hash ?? GENESIS };
    const hash = entryHash(entry, sealer.mac);
    insertAudit.run(entry.seq, entry.at, entry.action, entry.reference, entry.preparer, entry.osUser, entry.prev, hash);
    setHead.run(hash);
  };

  const rowOf = (entry: IndexEntry): RecordRow => {
    const replacement = revisedBy.get(entry.id);
    return recordRow(entry, {
      revises: entry.revises === null ? null : (index.get(entry.revises)?.reference ?? null),
      revisedBy: replacement === undefined ? null : (index.get(replacement)?.reference ?? null),
    });
  };

  const insertRecord = db.prepare(
    "INSERT INTO records (id, reference, kind, issued_at, prepared_by, os_user, revises, versions, pdf_sha256, sealed_index, sealed_case, sealed_pdf, bills) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]') ON CONFLICT (id) DO NOTHING",
  );
  /** false when the record id was already there (nothing written). */
  const add = db.transaction((id: string, r: NewRecord, action: AuditActionName): boolean => {
    const sealed = sealRecord(sealer, id, r);
    const inserted = insertRecord.run(id, r.reference, r.kind, r.issuedAt, r.preparedBy, r.osUser, r.revises, JSON.stringify(r.versions), sealed.pdfSha256, sealed.sealedIndex, sealed.sealedCase, sealed.sealedPdf);
    if (inserted.changes === 0) return false;
    writeAudit(action, r.reference, { preparer: r.preparedBy, osUser: r.osUser }, r.issuedAt);
    return true;
  });
  const auditEntries = () => (db.prepare('SELECT seq, at, action, reference, preparer, os_user AS osUser, prev, hash FROM audit ORDER BY seq').all() as AuditEntry[]).map((e) => ({ ...e }));

  return {
    async add(record, action) {
      const id = recordIdOf(record);
      if (!add(id, record, action)) return id;
      index.set(id, entryOfNew(id, record));
      if (record.revises !== null) revisedBy.set(record.revises, id);
      return id;
    },
    async search(query, limit = 200) {
      const q = query.trim();
      const lower = q.toLowerCase();
      const date = asIsoDate(q);
      const all = [...index.values()];
      const matches = q === '' ? all : all.filter((e) => (date !== null ? e.dateOfBirth === date || e.issuedDay === date : e.nameLower.includes(lower) || e.reference.toLowerCase().includes(lower)));
      matches.sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0));
      return { rows: matches.slice(0, limit).map(rowOf), more: Math.max(0, matches.length - limit), unreadable: [...broken] };
    },
    async open(id) {
      const row = db.prepare('SELECT id, reference, issued_at, sealed_case, sealed_pdf, pdf_sha256 FROM records WHERE id = ?').get(id) as Parameters<typeof openRecordFields>[1] | undefined;
      return row === undefined ? null : openRecordFields(sealer, row);
    },
    async row(id) {
      const entry = index.get(id);
      return entry === undefined ? null : rowOf(entry);
    },
    async setBills(id, bills, actor) {
      const entry = index.get(id);
      if (entry === undefined) return null;
      const kept = [...bills];
      db.transaction(() => {
        db.prepare('UPDATE records SET bills = ? WHERE id = ?').run(sealBills(sealer, id, kept), id);
        writeAudit('bill-entered', entry.reference, actor, new Date().toISOString());
      })();
      entry.bills = kept;
      return rowOf(entry);
    },
    async delete(id, actor) {
      const row = db.prepare('SELECT reference FROM records WHERE id = ?').get(id) as { reference: string } | undefined;
      if (row === undefined) return false;
      db.transaction(() => {
        db.prepare('UPDATE records SET revises = NULL WHERE revises = ?').run(id);
        db.prepare('DELETE FROM records WHERE id = ?').run(id);
        writeAudit('delete', row.reference, actor, new Date().toISOString());
      })();
      index.delete(id);
      const replacement = revisedBy.get(id);
      if (replacement !== undefined) {
        const entry = index.get(replacement);
        if (entry !== undefined) entry.revises = null;
        revisedBy.delete(id);
      }
      for (const [old, next] of revisedBy) if (next === id) revisedBy.delete(old);
      return true;
    },
    async audit(action, reference, actor, at = new Date().toISOString()) {
      db.transaction(() => writeAudit(action, reference, actor, at))();
    },
    async auditMany(entries) {
      db.transaction(() => {
        for (const e of entries) writeAudit(e.action, e.reference, e.actor, e.at);
      })();
    },
    async purgeOlderThan(before, actor) {
      const old = db.prepare('SELECT id FROM records WHERE issued_at < ?').all(before) as { id: string }[];
      if (old.length === 0) return 0;
      db.transaction(() => {
        db.prepare('UPDATE records SET revises = NULL WHERE revises IN (SELECT id FROM records WHERE issued_at < ?)').run(before);
        db.prepare('DELETE FROM records WHERE issued_at < ?').run(before);
        writeAudit('retention-purge', `${old.length} record${old.length === 1 ? '' : 's'}`, actor, new Date().toISOString());
      })();
      for (const { id } of old) {
        index.delete(id);
        const replacement = revisedBy.get(id);
        const entry = replacement === undefined ? undefined : index.get(replacement);
        if (entry !== undefined) entry.revises = null;
        revisedBy.delete(id);
      }
      return old.length;
    },
    auditEntries: async () => auditEntries(),
    async verifyAudit() {
      const head = (db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as { value: string } | undefined)?.value ?? GENESIS;
      return verifyTrail(auditEntries(), head, sealer.mac);
    },
    unreadable: async () => [...broken],
    close: async () => void db.close(),
  };
}
