/**
 * Issued estimates on record, in SQLite (better-sqlite3: its Node-API binaries ship inside the
 * npm package) in the data folder. Every patient field, the case, the estimate and the issued
 * PDF are sealed (seal.ts); only the reference, the kind, the times, the preparer's initials,
 * the OS user and the versions are plain. The audit trail lives in the same database, written
 * in the same transaction as the change it records, hash-chained (audit-chain.ts).
 *
 * Behind `RecordStore`, so a server-backed store can replace it without touching the handlers.
 * Searching decrypts each record's small index once (when the store opens or a record is
 * added) and matches in memory: a record that fails its check is reported by reference.
 */
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { RecordProviderView, RecordRow, RecordSearchResult } from '../../../core/ipc/contract';
import type { BillingRole } from '../../../core/case/enums';
import { auditActions, entryHash, GENESIS, verifyChain, type AuditActionName, type AuditEntry } from './audit-chain';
import { SealBroken, type Sealer } from './seal';
import { migrateRecordsDb } from './records-schema';

/** What is kept of one issued packet. */
export interface NewRecord {
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
  /** Adds the record and its audit entry in one transaction; returns its id. */
  add(record: NewRecord, action: AuditActionName): string;
  search(query: string, limit?: number): RecordSearchResult;
  /** Throws SealBroken for a record that fails its check; null when there is none. */
  open(id: string): OpenedRecord | null;
  row(id: string): RecordRow | null;
  setBills(id: string, bills: readonly { role: BillingRole; billedCents: number }[], actor: Actor): RecordRow | null;
  delete(id: string, actor: Actor): boolean;
  audit(action: AuditActionName, reference: string, actor: Actor, at?: string): void;
  /** Several entries in one transaction (all or none). */
  auditMany(entries: readonly { action: AuditActionName; reference: string; actor: Actor; at: string }[]): void;
  /** Deletes records issued before `before` (ISO); one audit entry says how many. */
  purgeOlderThan(before: string, actor: Actor): number;
  auditEntries(): AuditEntry[];
  verifyAudit(): string | null;
  /** References of records whose index failed its check when the store opened. */
  unreadable(): string[];
  close(): void;
}

interface IndexEntry {
  id: string;
  reference: string;
  kind: RecordRow['kind'];
  issuedAt: string;
  /** The day it was issued on this computer's calendar (what staff type), YYYY-MM-DD. */
  issuedDay: string;
  preparedBy: string;
  revises: string | null;
  name: string;
  nameLower: string;
  dateOfBirth: string;
  patientCents: { low: number; high: number };
  providers: NewRecord['providers'];
  bills: { role: BillingRole; billedCents: number }[];
}

interface RecordDbRow {
  id: string;
  reference: string;
  kind: RecordRow['kind'];
  issued_at: string;
  prepared_by: string;
  revises: string | null;
  sealed_index: Buffer;
  bills: string;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const parse = <T>(bytes: Buffer): T => JSON.parse(bytes.toString('utf8')) as T;

/** The $400 dispute threshold, per provider (45 CFR 149.620). */
export const DISPUTE_THRESHOLD_CENTS = 40_000;

/** An ISO time's day on this computer's calendar. */
function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "03/04/1948" or "1948-03-04" -> "1948-03-04"; anything else null. */
function asIsoDate(query: string): string | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(query);
  if (us) return `${us[3]}-${(us[1] ?? '').padStart(2, '0')}-${(us[2] ?? '').padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(query) ? query : null;
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

  const toEntry = (row: RecordDbRow): IndexEntry => {
    const sealed = parse<Pick<NewRecord, 'patientName' | 'dateOfBirth' | 'patientCents' | 'providers'>>(sealer.open(row.id, 'index', row.sealed_index));
    return {
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      issuedAt: row.issued_at,
      issuedDay: localDay(row.issued_at),
      preparedBy: row.prepared_by,
      revises: row.revises,
      name: sealed.patientName,
      nameLower: sealed.patientName.toLowerCase(),
      dateOfBirth: sealed.dateOfBirth,
      patientCents: sealed.patientCents,
      providers: sealed.providers,
      // What each provider billed is sealed too ('[]' until staff enter it): changing it breaks the seal.
      bills: row.bills === '[]' ? [] : parse<IndexEntry['bills']>(sealer.open(row.id, 'bills', Buffer.from(row.bills, 'base64'))),
    };
  };
  for (const row of db.prepare('SELECT id, reference, kind, issued_at, prepared_by, revises, sealed_index, bills FROM records').iterate() as IterableIterator<RecordDbRow>) {
    try {
      index.set(row.id, toEntry(row));
      if (row.revises !== null) revisedBy.set(row.revises, row.id);
    } catch (error) {
      if (!(error instanceof SealBroken) && !(error instanceof SyntaxError)) throw error;
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
    const replacedBy = replacement === undefined ? null : (index.get(replacement)?.reference ?? null);
    const providers: RecordProviderView[] = entry.providers.map((p) => {
      const billed = entry.bills.find((b) => b.role === p.role)?.billedCents ?? null;
      const difference = billed === null ? null : billed - p.estimatedCents;
      return {
        role: p.role,
        name: p.name,
        estimatedCents: p.estimatedCents,
        billedCents: billed,
        differenceCents: difference,
        disputeRisk: entry.kind === 'good-faith-estimate' && difference !== null && difference >= DISPUTE_THRESHOLD_CENTS,
      };
    });
    return {
      id: entry.id,
      reference: entry.reference,
      kind: entry.kind,
      patientName: entry.name,
      dateOfBirth: entry.dateOfBirth,
      issuedAt: entry.issuedAt,
      preparedBy: entry.preparedBy,
      patientCents: entry.patientCents,
      revises: entry.revises === null ? null : (index.get(entry.revises)?.reference ?? null),
      revisedBy: replacedBy,
      providers,
    };
  };

  const insertRecord = db.prepare(
    'INSERT INTO records (id, reference, kind, issued_at, prepared_by, os_user, revises, versions, pdf_sha256, sealed_index, sealed_case, sealed_pdf, bills) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const add = db.transaction((id: string, r: NewRecord, action: AuditActionName) => {
    const sealedIndex = sealer.seal(id, 'index', json({ patientName: r.patientName, dateOfBirth: r.dateOfBirth, patientCents: r.patientCents, providers: r.providers }));
    const sealedCase = sealer.seal(id, 'case', json({ caseInput: r.caseInput, estimate: r.estimate, fileName: r.fileName }));
    const sealedPdf = sealer.seal(id, 'pdf', r.pdf);
    const sha = createHash('sha256').update(r.pdf).digest('hex');
    insertRecord.run(id, r.reference, r.kind, r.issuedAt, r.preparedBy, r.osUser, r.revises, JSON.stringify(r.versions), sha, sealedIndex, sealedCase, sealedPdf, '[]');
    writeAudit(action, r.reference, { preparer: r.preparedBy, osUser: r.osUser }, r.issuedAt);
  });

  return {
    add(record, action) {
      const id = randomBytes(16).toString('hex');
      add(id, record, action);
      index.set(id, {
        id,
        reference: record.reference,
        kind: record.kind,
        issuedAt: record.issuedAt,
        issuedDay: localDay(record.issuedAt),
        preparedBy: record.preparedBy,
        revises: record.revises,
        name: record.patientName,
        nameLower: record.patientName.toLowerCase(),
        dateOfBirth: record.dateOfBirth,
        patientCents: record.patientCents,
        providers: record.providers,
        bills: [],
      });
      if (record.revises !== null) revisedBy.set(record.revises, id);
      return id;
    },
    search(query, limit = 200) {
      const q = query.trim();
      const lower = q.toLowerCase();
      const date = asIsoDate(q);
      const all = [...index.values()];
      const matches = q === '' ? all : all.filter((e) => (date !== null ? e.dateOfBirth === date || e.issuedDay === date : e.nameLower.includes(lower) || e.reference.toLowerCase().includes(lower)));
      matches.sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0));
      return { rows: matches.slice(0, limit).map(rowOf), more: Math.max(0, matches.length - limit), unreadable: [...broken] };
    },
    open(id) {
      const row = db.prepare('SELECT id, reference, issued_at, sealed_case, sealed_pdf, pdf_sha256 FROM records WHERE id = ?').get(id) as
        | { id: string; reference: string; issued_at: string; sealed_case: Buffer; sealed_pdf: Buffer; pdf_sha256: string }
        | undefined;
      if (row === undefined) return null;
      const sealed = parse<{ caseInput: unknown; fileName: string }>(sealer.open(id, 'case', row.sealed_case));
      const pdf = sealer.open(id, 'pdf', row.sealed_pdf);
      if (createHash('sha256').update(pdf).digest('hex') !== row.pdf_sha256) throw new SealBroken('the PDF does not match its SHA-256');
      return { id, reference: row.reference, issuedAt: row.issued_at, caseInput: sealed.caseInput, fileName: sealed.fileName, pdf, pdfSha256: row.pdf_sha256 };
    },
    row(id) {
      const entry = index.get(id);
      return entry === undefined ? null : rowOf(entry);
    },
    setBills(id, bills, actor) {
      const entry = index.get(id);
      if (entry === undefined) return null;
      const kept = [...bills];
      db.transaction(() => {
        db.prepare('UPDATE records SET bills = ? WHERE id = ?').run(sealer.seal(id, 'bills', json(kept)).toString('base64'), id);
        writeAudit('bill-entered', entry.reference, actor, new Date().toISOString());
      })();
      entry.bills = kept;
      return rowOf(entry);
    },
    delete(id, actor) {
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
    audit(action, reference, actor, at = new Date().toISOString()) {
      db.transaction(() => writeAudit(action, reference, actor, at))();
    },
    auditMany(entries) {
      db.transaction(() => {
        for (const e of entries) writeAudit(e.action, e.reference, e.actor, e.at);
      })();
    },
    purgeOlderThan(before, actor) {
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
    auditEntries() {
      return (db.prepare('SELECT seq, at, action, reference, preparer, os_user AS osUser, prev, hash FROM audit ORDER BY seq').all() as AuditEntry[]).map((e) => ({ ...e }));
    },
    verifyAudit() {
      const entries = this.auditEntries();
      if (entries.some((e) => !(auditActions as readonly string[]).includes(e.action))) return 'The audit trail holds an entry this app did not write.';
      const problem = verifyChain(entries, sealer.mac);
      if (problem !== null) return problem;
      const head = (db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as { value: string } | undefined)?.value ?? GENESIS;
      const last = entries[entries.length - 1]?.hash ?? GENESIS;
      return head === last ? null : 'The audit trail is broken: its last entries were removed.';
    },
    unreadable: () => [...broken],
    close: () => db.close(),
  };
}
