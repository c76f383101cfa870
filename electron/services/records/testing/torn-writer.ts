/**
 * For record-store.test.ts: opens the records database given, starts a transaction that writes
 * a record and an audit entry, and kills its own process before the transaction commits.
 */
import Database from 'better-sqlite3';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: torn-writer <records.db>');
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.transaction(() => {
  db.prepare(
    "INSERT INTO records (id, reference, kind, issued_at, prepared_by, os_user, revises, versions, pdf_sha256, sealed_index, sealed_case, sealed_pdf, bills) VALUES ('ffffffffffffffffffffffffffffffff', 'VP-TORN', 'estimate', '2026-11-30T00:00:00.000Z', '', '', NULL, '{}', '', x'00', x'00', x'00', '[]')",
  ).run();
  db.prepare("INSERT INTO audit (seq, at, action, reference, preparer, os_user, prev, hash) VALUES (999, '2026-11-30', 'issue-save', 'VP-TORN', '', '', '', '')").run();
  process.kill(process.pid, 'SIGKILL');
})();
