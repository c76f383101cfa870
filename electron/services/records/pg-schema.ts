/**
 * The PostgreSQL records database's schema as an ordered list of SQL migrations. Each runs
 * once, in its own transaction, recorded in `schema_migrations`. Several PCs starting at once
 * are serialised by a transaction-scoped advisory lock, so each migration is applied by one of
 * them and seen as done by the others. A database from a newer app is refused, never changed
 * (NewerRecordsDatabase, as the SQLite store does).
 *
 * The tables keep the SQLite store's names and plain columns, so the same tests reach around
 * both; what differs: bytea for sealed fields, `terms` (the blind index, keyed hashes), a
 * UNIQUE reference, and the audit guard as PL/pgSQL triggers.
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
];

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

/** Applies the migrations not yet applied, one transaction each; returns the database's version. */
export async function migratePgRecords(pool: pg.Pool, migrations: readonly Migration[] = pgMigrations): Promise<number> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  for (;;) {
    const step = await inOneTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      const current = rows[0]?.version ?? 0;
      if (current > latest) throw new NewerRecordsDatabase(`records database version ${current} is newer than this app (${latest})`);
      const next = migrations.find((m) => m.version > current);
      if (next === undefined) return { done: true, version: current };
      await client.query(next.sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [next.version]);
      return { done: false, version: next.version };
    });
    if (step.done) return step.version;
  }
}
