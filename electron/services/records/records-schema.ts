/**
 * The records database's schema, by version, like settings: each step runs once, in a
 * transaction, and the version is kept in `meta`. A database from a newer app is refused
 * rather than changed.
 */
import type { Database } from 'better-sqlite3';

const steps: Readonly<Record<number, string>> = {
  1: `
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE records (
      id TEXT PRIMARY KEY,
      reference TEXT NOT NULL,
      kind TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      prepared_by TEXT NOT NULL,
      os_user TEXT NOT NULL,
      revises TEXT,
      versions TEXT NOT NULL,
      pdf_sha256 TEXT NOT NULL,
      sealed_index BLOB NOT NULL,
      sealed_case BLOB NOT NULL,
      sealed_pdf BLOB NOT NULL,
      bills TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX records_issued_at ON records (issued_at);
    CREATE TABLE audit (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      reference TEXT NOT NULL,
      preparer TEXT NOT NULL,
      os_user TEXT NOT NULL,
      prev TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  `,
};

export const RECORDS_SCHEMA_VERSION = 1;

export class NewerRecordsDatabase extends Error {
  override name = 'NewerRecordsDatabase';
}

export function migrateRecordsDb(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const stored = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  const version = stored === undefined ? 0 : Number(stored.value);
  if (version > RECORDS_SCHEMA_VERSION) throw new NewerRecordsDatabase(`records database version ${version} is newer than this app (${RECORDS_SCHEMA_VERSION})`);
  for (let v = version + 1; v <= RECORDS_SCHEMA_VERSION; v += 1) {
    db.transaction(() => {
      db.exec(steps[v] ?? '');
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(v));
    })();
  }
}
