/**
 * Issued estimates on record on the clinic's PostgreSQL server (the `pg` client, pure
 * JavaScript), behind the same `RecordStore` as the SQLite store, for several front-desk PCs.
 * Everything of the patient is sealed on the PC before it is sent (record-fields.ts, seal.ts:
 * AES-256-GCM with the key the caller gives): the name, date of birth, amounts and providers
 * (the index), the case with its member ID, the estimate, the bills and the PDF. The server
 * keeps only ciphertext, keyed hashes (the blind index) and the fields the SQLite store keeps
 * plain: reference, kind, times, preparer's initials, OS user, versions, the PDF's SHA-256.
 *
 * Search differs from the SQLite store's, which opens every record's index once and matches
 * any piece of the name (substring). Here nothing is opened to search: the server matches
 * keyed HMACs (blind-index.ts) and only the rows found are opened on the PC. A query is split
 * into words and every word must match one of: a whole name part or its beginning of 3+
 * letters (accents and case folded: "pena" finds "Peña"), a date (date of birth or day issued,
 * as 03/04/1948 or 1948-03-04), or the beginning of a reference (plain, any case). So a piece
 * from the middle of a name ("ixot") finds nothing, and words match in any order. A record that
 * fails its check is reported by reference when a search or a look-up reaches it (the SQLite
 * store checks them all when it opens).
 *
 * Least privilege: records are only ever added to. Bills entered are a new row of
 * record_bills (the latest is the record's); a deletion is a row of record_deletions and
 * purge_records (run with the owner's rights) removes it at once, in the same audited
 * transaction, as the retention purge does; a revision whose original is gone reads as
 * revising nothing. The role needs only SELECT and INSERT, UPDATE of meta's chain head, and
 * EXECUTE on purge_records (records-setup.ts).
 *
 * Concurrency: references are UNIQUE; every write that adds to the audit trail first locks the
 * chain head (one row in `meta`) in the same transaction, so PCs writing at once make one
 * chain. `add` is idempotent by record id (a record uploaded twice is kept once, audited once).
 * At open the schema is migrated (pg-schema.ts) and the key checked: a PC with another key is
 * refused (WrongRecordsKey) and, past that check, reads nothing (SealBroken), never garbage.
 * Errors never carry patient data: the server never had any.
 */
import pg from 'pg';
import type { RecordSearchResult } from '../../../core/ipc/contract';
import { entryHash, GENESIS, verifyTrail, type AuditActionName, type AuditEntry } from './audit-chain';
import { createBlindIndex, type BlindIndex } from './blind-index';
import { migratePgRecords, inOneTransaction } from './pg-schema';
import { isUnreadable, localDay, openEntry, openRecordFields, recordIdOf, recordRow, sealBills, sealRecord, type StoredIndex } from './record-fields';
import type { Actor, NewRecord, RecordStore } from './record-store';
import type { Sealer } from './seal';

/** This PC's key is not the one the shared records were written with. */
export class WrongRecordsKey extends Error {
  override name = 'WrongRecordsKey';
}

/** The server did not answer (down, unplugged, wrong address). */
export class RecordsServerUnreachable extends Error {
  override name = 'RecordsServerUnreachable';
}

/** Another record already has this reference. */
export class ReferenceTaken extends Error {
  override name = 'ReferenceTaken';
}

export interface PgRecordStoreOptions {
  /** A connection string (postgres://user@host:5432/db) or the pg Pool's configuration. */
  connection: string | pg.PoolConfig;
  sealer: Sealer;
  /** The key the blind index's HMAC key is derived from (HKDF, its own label: never the sealing key itself). */
  blindIndexKey: Uint8Array;
  /** Connection faults, by name only. */
  log?: (line: string) => void;
  /** How many matches a search counts before saying "more than" (default SEARCH_COUNT_LIMIT). */
  searchCountLimit?: number;
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** The server did not answer at all (a network error's code), as against answering no. */
export const isUnreachable = (error: unknown): boolean => unreachableCodes.has((error as NodeJS.ErrnoException).code ?? '');

// A record's bills are the latest row of record_bills (none: '[]'); records are never updated.
const SELECT_INDEX = `SELECT r.id, r.reference, r.kind, r.issued_at, r.prepared_by, r.revises, r.sealed_index,
  COALESCE((SELECT b.bills FROM record_bills b WHERE b.record_id = r.id ORDER BY b.seq DESC LIMIT 1), '[]') AS bills,
  (SELECT p.reference FROM records p WHERE p.id = r.revises) AS revises_reference,
  (SELECT n.reference FROM records n WHERE n.revises = r.id ORDER BY n.issued_at DESC LIMIT 1) AS revised_by_reference`;

type IndexRow = StoredIndex & { revises_reference: string | null; revised_by_reference: string | null };

/** A search counts its matches up to this many (past it: "more than"). */
export const SEARCH_COUNT_LIMIT = 1_000;

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function openPgRecordStore(options: PgRecordStoreOptions): Promise<RecordStore> {
  const { sealer } = options;
  const log = options.log ?? (() => undefined);
  const countLimit = options.searchCountLimit ?? SEARCH_COUNT_LIMIT;
  const blind = createBlindIndex(options.blindIndexKey);
  const pool = new pg.Pool(typeof options.connection === 'string' ? { connectionString: options.connection } : options.connection);
  // An idle connection the server drops must not bring the app down.
  pool.on('error', (error) => log(`[records] a connection to the records server failed: ${error.name}`));
  try {
    await migratePgRecords(pool);
    await checkKey(pool, sealer, blind.check);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (isUnreachable(error)) {
      throw new RecordsServerUnreachable('The shared records server could not be reached, so Past estimates from other computers are not available. Check the network, or ask IT.');
    }
    throw error;
  }
  const broken = new Set<string>();

  /** Locks the chain head for this transaction; returns how to append to the chain. */
  const lockChain = async (client: pg.PoolClient) => {
    await client.query("INSERT INTO meta (key, value) VALUES ('audit_head', $1) ON CONFLICT (key) DO UPDATE SET value = meta.value", [GENESIS]);
    const { rows } = await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    let seq = rows[0]?.seq ?? 0;
    let prev = rows[0]?.hash ?? GENESIS;
    return async (action: AuditActionName, reference: string, actor: Actor, at: string) => {
      const entry = { seq: seq + 1, at, action, reference, preparer: actor.preparer, osUser: actor.osUser, prev };
      const hash = entryHash(entry, sealer.mac);
      await client.query('INSERT INTO audit (seq, at, action, reference, preparer, os_user, prev, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        entry.seq,
        entry.at,
        entry.action,
        entry.reference,
        entry.preparer,
        entry.osUser,
        entry.prev,
        hash,
      ]);
      await client.query("UPDATE meta SET value = $1 WHERE key = 'audit_head'", [hash]);
      seq = entry.seq;
      prev = hash;
    };
  };
  const audited = <T>(work: (append: Awaited<ReturnType<typeof lockChain>>, client: pg.PoolClient) => Promise<T>) =>
    inOneTransaction(pool, async (client) => work(await lockChain(client), client));

  /** Opens the rows found; one that fails its check is noted by reference and left out. */
  const readable = (rows: readonly IndexRow[]) =>
    rows.flatMap((row) => {
      try {
        return [recordRow(openEntry(sealer, row), { revises: row.revises_reference, revisedBy: row.revised_by_reference })];
      } catch (error) {
        if (!isUnreadable(error)) throw error;
        broken.add(row.reference);
        return [];
      }
    });
  const row = async (id: string) => readable((await pool.query<IndexRow>(`${SELECT_INDEX} FROM records r WHERE r.id = $1`, [id])).rows)[0] ?? null;
  const auditEntries = async (client: pg.Pool | pg.PoolClient) =>
    (await client.query<AuditEntry>('SELECT seq, at, action, reference, preparer, os_user AS "osUser", prev, hash FROM audit ORDER BY seq')).rows;

  return {
    async add(record, action) {
      const id = recordIdOf(record);
      try {
        await audited(async (append, client) => {
          if (await insertRecordRow(client, sealer, blind, id, record)) await append(action, record.reference, { preparer: record.preparedBy, osUser: record.osUser }, record.issuedAt);
        });
      } catch (error) {
        if ((error as { constraint?: string }).constraint === 'records_reference_unique') throw new ReferenceTaken(`The reference ${record.reference} is already on record; the packet was not kept under it.`);
        throw error;
      }
      return id;
    },
    async search(query, limit = 200): Promise<RecordSearchResult> {
      const params: unknown[] = [];
      const param = (value: unknown) => `$${params.push(value)}`;
      const words = blind.queryWords(query);
      const where = words.map((word) => {
        const any = [`lower(r.reference) LIKE ${param(likePrefix(word.referencePrefix))}`];
        if (word.dateTerms !== null) any.push(`r.terms && ${param(word.dateTerms)}::bytea[]`);
        if (word.nameTerms !== null) any.push(`r.terms @> ${param(word.nameTerms)}::bytea[]`);
        return `(${any.join(' OR ')})`;
      });
      const matching = `FROM records r ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}`;
      // The limit is the parameter after the search's own ones (the count below has its own).
      const last = `$${params.length + 1}`;
      // The newest matches. For names the planner walks issued_at's index from the newest (quick
      // for a common name) or reads a rare one's few rows from the terms index. A reference or date
      // (a word with digits) is found by its own index first, then the newest taken: references
      // begin with the day they were issued, so walking issued_at from the newest would pass every
      // later record before the first match (the expression keeps the planner off that index).
      const newest = words.some((word) => /\d/.test(word.referencePrefix)) ? "(r.issued_at || '') DESC" : 'r.issued_at DESC';
      const { rows } = await pool.query<IndexRow>(`${SELECT_INDEX} ${matching} ORDER BY ${newest}, r.id LIMIT ${last}`, [...params, limit]);
      const found = { rows: readable(rows), unreadable: [...broken] };
      if (rows.length < limit) return { ...found, more: 0 };
      // Counting every match of a broad search ("rosa" over 200,000 records) would read them all:
      // counted up to a limit, past it "more than" (the newest are shown either way).
      const cap = Math.max(countLimit, limit);
      const counted = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 ${matching} LIMIT ${last}) m`, [...params, cap + 1]);
      const total = counted.rows[0]?.n ?? rows.length;
      return total > cap ? { ...found, more: cap - limit, moreAtLeast: true } : { ...found, more: total - limit };
    },
    async open(id) {
      const { rows } = await pool.query<Parameters<typeof openRecordFields>[1]>('SELECT id, reference, issued_at, sealed_case, sealed_pdf, pdf_sha256 FROM records WHERE id = $1', [id]);
      const found = rows[0];
      return found === undefined ? null : openRecordFields(sealer, found);
    },
    row,
    async setBills(id, bills, actor) {
      const changed = await audited(async (append, client) => {
        const { rows } = await client.query<{ reference: string }>(
          'WITH r AS (SELECT id, reference FROM records WHERE id = $2), added AS (INSERT INTO record_bills (record_id, bills) SELECT id, $1 FROM r) SELECT reference FROM r',
          [sealBills(sealer, id, [...bills]), id],
        );
        const reference = rows[0]?.reference;
        if (reference === undefined) return false;
        await append('bill-entered', reference, actor, new Date().toISOString());
        return true;
      });
      return changed ? row(id) : null;
    },
    delete: (id, actor) =>
      audited(async (append, client) => {
        // Noted as deleted, then gone at once through purge_records (the role may not DELETE).
        const { rows } = await client.query<{ reference: string }>(
          'WITH r AS (SELECT id, reference FROM records WHERE id = $1), noted AS (INSERT INTO record_deletions (record_id) SELECT id FROM r) SELECT reference FROM r',
          [id],
        );
        const reference = rows[0]?.reference;
        if (reference === undefined) return false;
        await client.query('SELECT purge_records(NULL)');
        await append('delete', reference, actor, new Date().toISOString());
        broken.delete(reference);
        return true;
      }),
    audit: (action, reference, actor, at = new Date().toISOString()) => audited((append) => append(action, reference, actor, at)),
    auditMany: (entries) =>
      audited(async (append) => {
        for (const e of entries) await append(e.action, e.reference, e.actor, e.at);
      }),
    purgeOlderThan: (before, actor) =>
      audited(async (append, client) => {
        const { rows } = await client.query<{ purged: number }>('SELECT purge_records($1) AS purged', [before]);
        const purged = rows[0]?.purged ?? 0;
        if (purged > 0) await append('retention-purge', `${purged} record${purged === 1 ? '' : 's'}`, actor, new Date().toISOString());
        return purged;
      }),
    auditEntries: () => auditEntries(pool),
    // One snapshot: entries written by another PC meanwhile are not mistaken for a cut chain.
    verifyAudit: () =>
      inOneTransaction(pool, async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const entries = await auditEntries(client);
        const { rows } = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'audit_head'");
        return verifyTrail(entries, rows[0]?.value ?? GENESIS, sealer.mac);
      }),
    unreadable: async () => [...broken],
    close: () => pool.end(),
  };
}

/**
 * Writes a record's row in the caller's transaction, sealed and with its blind-index terms;
 * false when a record with this id is there already. Nothing is audited here: `add` appends
 * its entry in the same transaction. Exported for the load test only (scripts/bench/shared-bench.ts
 * fills a database with rows exactly as `add` writes them).
 */
export async function insertRecordRow(client: pg.PoolClient, sealer: Sealer, blind: BlindIndex, id: string, record: NewRecord): Promise<boolean> {
  const sealed = sealRecord(sealer, id, record);
  const terms = blind.recordTerms({ patientName: record.patientName, dateOfBirth: record.dateOfBirth, issuedDay: localDay(record.issuedAt) });
  const inserted = await client.query(
    `INSERT INTO records (id, reference, kind, issued_at, prepared_by, os_user, revises, versions, pdf_sha256, sealed_index, sealed_case, sealed_pdf, terms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING`,
    [id, record.reference, record.kind, record.issuedAt, record.preparedBy, record.osUser, record.revises, JSON.stringify(record.versions), sealed.pdfSha256, sealed.sealedIndex, sealed.sealedCase, sealed.sealedPdf, terms],
  );
  return inserted.rowCount === 1;
}

/** The first PC to open the records notes keyed hashes of a fixed text; every later one must give the same. */
async function checkKey(pool: pg.Pool, sealer: Sealer, indexCheck: string): Promise<void> {
  const sealCheck = sealer.mac('\u0000records key check');
  await pool.query("INSERT INTO meta (key, value) VALUES ('seal_check', $1), ('index_check', $2) ON CONFLICT (key) DO NOTHING", [sealCheck, indexCheck]);
  const { rows } = await pool.query<{ key: string; value: string }>("SELECT key, value FROM meta WHERE key IN ('seal_check', 'index_check')");
  const kept = new Map(rows.map((r) => [r.key, r.value]));
  if (kept.get('seal_check') !== sealCheck || kept.get('index_check') !== indexCheck) {
    throw new WrongRecordsKey(
      "The clinic key on this computer is not the one the shared records were written with, so none of them can be read. Nothing was changed; ask IT for the clinic's key file.",
    );
  }
}
