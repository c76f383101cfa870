/**
 * The PostgreSQL records database's schema as an ordered list of SQL migrations. Each runs
 * once, in its own transaction, recorded in `schema_migrations`. Several PCs starting at once
 * are serialised by a transaction-scoped advisory lock, so each migration is applied by one of
 * them and seen as done by the others. A database from a newer app is refused, never changed
 * (NewerRecordsDatabase, as the SQLite store does).
 *
 * The tables keep the SQLite store's names and plain columns, so the same tests reach around
 * both; what differs: bytea for sealed fields, `terms` (the blind index, keyed hashes), a
 * UNIQUE reference, and the audit guard as PL/pgSQL triggers. From version 2 nothing is ever
 * updated but the audit chain's head: bills and staff deletions are rows added to tables of
 * their own, and purge_records (SECURITY DEFINER) is the only way records are removed, so the
 * front desk's role needs no UPDATE or DELETE (records-setup.ts gives it its rights).
 *
 * A database already at the latest version is only read at start (no CREATE needed); one that
 * needs a migration the connection may not apply is RecordsNeedSetup.
 */
import type pg from 'pg';
import { GENESIS } from './audit-chain';
import { NewerRecordsDatabase } from './records-schema';

export interface Migration {
  version: number;
  sql: string;
}

export const pgMigrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE records (
        id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
        reference text COLLATE "C" NOT NULL CONSTRAINT records_reference_unique UNIQUE,
        kind text NOT NULL,
        issued_at text COLLATE "C" NOT NULL,
        prepared_by text NOT NULL,
        os_user text NOT NULL,
        revises text,
        versions text NOT NULL,
        pdf_sha256 text NOT NULL,
        sealed_index bytea NOT NULL,
        sealed_case bytea NOT NULL,
        sealed_pdf bytea NOT NULL,
        bills text NOT NULL DEFAULT '[]',
        terms bytea[] NOT NULL
      );
      CREATE INDEX records_issued_at ON records (issued_at);
      CREATE INDEX records_revises ON records (revises);
      CREATE INDEX records_reference_prefix ON records (lower(reference) text_pattern_ops);
      CREATE INDEX records_terms ON records USING gin (terms);
      CREATE TABLE audit (
        seq integer PRIMARY KEY,
        at text NOT NULL,
        action text NOT NULL,
        reference text NOT NULL,
        preparer text NOT NULL,
        os_user text NOT NULL,
        prev text NOT NULL,
        hash text NOT NULL
      );
      CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END
      $$;
      CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
      CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
      INSERT INTO meta (key, value) VALUES ('audit_head', '${GENESIS}');
    `,
  },
  {
    // Least privilege: the front desk's role never updates or deletes. Bills are added as rows
    // (the latest is the record's), a staff deletion is a row, and purge_records, run with the
    // owner's rights, is the only way records go (with their bills and deletion rows).
    version: 2,
    sql: `
      CREATE TABLE record_bills (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        record_id text NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        bills text NOT NULL
      );
      CREATE INDEX record_bills_latest ON record_bills (record_id, seq);
      INSERT INTO record_bills (record_id, bills) SELECT id, bills FROM records WHERE bills <> '[]' ORDER BY issued_at, id;
      CREATE TABLE record_deletions (
        record_id text NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX record_deletions_record ON record_deletions (record_id);
      CREATE FUNCTION insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the rows of % are never changed', TG_TABLE_NAME; END
      $$;
      CREATE TRIGGER records_insert_only BEFORE UPDATE ON records FOR EACH ROW EXECUTE FUNCTION insert_only();
      CREATE TRIGGER record_bills_insert_only BEFORE UPDATE ON record_bills FOR EACH ROW EXECUTE FUNCTION insert_only();
      CREATE TRIGGER record_deletions_insert_only BEFORE UPDATE ON record_deletions FOR EACH ROW EXECUTE FUNCTION insert_only();
      CREATE FUNCTION meta_head_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.key <> 'audit_head' OR NEW.key <> OLD.key THEN RAISE EXCEPTION 'only the audit chain head is ever changed in meta'; END IF;
          RETURN NEW;
        END
      $$;
      CREATE TRIGGER meta_head_only BEFORE UPDATE ON meta FOR EACH ROW EXECUTE FUNCTION meta_head_only();
      CREATE FUNCTION purge_records(before text) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER AS $$
        DECLARE removed integer;
        BEGIN
          DELETE FROM records WHERE issued_at < before OR id IN (SELECT record_id FROM record_deletions);
          GET DIAGNOSTICS removed = ROW_COUNT;
          RETURN removed;
        END
      $$;
      REVOKE ALL ON FUNCTION purge_records(text) FROM PUBLIC;
      DO $$ BEGIN
        EXECUTE format('ALTER FUNCTION purge_records(text) SET search_path = pg_catalog, %I, pg_temp', current_schema());
      END $$;
    `,
  },
];

/** The database needs a migration this connection may not apply: IT runs records-setup as the owner. */
export class RecordsNeedSetup extends Error {
  override name = 'RecordsNeedSetup';
}

/** The tables of records and audit entries: the front desk reads and adds to them, never changes or removes. */
export const RECORDS_TABLES = ['records', 'audit', 'record_bills', 'record_deletions'] as const;

/** Any number, the same on every PC: the key of the lock that serialises migrations. */
const MIGRATION_LOCK = 0x436c696e6963;

/** `work` in one transaction: committed when it resolves, rolled back when it throws. */
export async function inOneTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failed: Error | undefined;
  // A connection the server drops while checked out emits 'error' besides failing the query:
  // without a listener that would be an uncaught exception (the app would crash).
  const dropped = (error: Error) => {
    failed = error;
  };
  client.on('error', dropped);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: unknown) => {
      failed = rollback instanceof Error ? rollback : new Error('rollback failed');
    });
    throw error;
  } finally {
    // A connection whose rollback failed is dropped, not handed to the next caller.
    client.off('error', dropped);
    client.release(failed);
  }
}

/** The database's version: 0 when it was never set up. Reads only (no rights but SELECT needed). */
export async function pgRecordsVersion(client: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (rows[0]?.present !== true) return 0;
  const versions = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return versions.rows[0]?.version ?? 0;
}

/** Refused for want of rights (SQLSTATE 42501: insufficient privilege, or not the owner). */
const lacksRights = (error: unknown) => (error as { code?: unknown }).code === '42501';

/**
 * Applies the migrations not yet applied, one transaction each; returns the database's version.
 * A database already at the latest version is only read, so the front desk's role (no CREATE,
 * not the owner) opens it; one that needs a migration the connection may not apply is
 * RecordsNeedSetup (IT runs records-setup as the owner).
 */
export async function migratePgRecords(pool: pg.Pool, migrations: readonly Migration[] = pgMigrations): Promise<number> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  for (;;) {
    const step = await inOneTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      let current: number;
      try {
        current = await pgRecordsVersion(client);
      } catch (error) {
        if (lacksRights(error)) throw new RecordsNeedSetup('this connection may not read the records database\'s version');
        throw error;
      }
      if (current > latest) throw new NewerRecordsDatabase(`records database version ${current} is newer than this app (${latest})`);
      const next = migrations.find((m) => m.version > current);
      if (next === undefined) return { done: true, version: current };
      try {
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
        await client.query(next.sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [next.version]);
      } catch (error) {
        if (lacksRights(error)) throw new RecordsNeedSetup(`records database version ${current} needs version ${latest}, which this connection may not apply`);
        throw error;
      }
      return { done: false, version: next.version };
    });
    if (step.done) return step.version;
  }
}
