/**
 * The SQLite records store in plain Node, on real files: the shared store suite
 * (testing/record-store-suite.ts, also run against PostgreSQL), then what only SQLite has: a
 * write torn by a killed process leaving the store as it was; and opening the records at
 * start-up (no key -> a clear reason, the old audit.log imported once, the retention purge).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Cipher } from '../draft-store';
import { testCipher } from './testing/test-cipher';
import { openRecordStore } from './record-store';
import { record, recordStoreSuite, testKey, type StoreBackend } from './testing/record-store-suite';
import { openRecords } from './records-service';
import { createSealer, noKeyStoreReason } from './seal';

/** The SQLite store: a records.db in a temp folder, read and changed around the store with better-sqlite3. */
const sqlite: StoreBackend = {
  name: 'SQLite',
  checksAllAtOpen: true,
  search: 'substring',
  async fresh() {
    const file = join(mkdtempSync(join(tmpdir(), 'records-')), 'records.db');
    return {
      open: async (sealer = createSealer(testKey)) => openRecordStore({ file, sealer }),
      contents: async () => Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f))),
      async raw() {
        const db = new Database(file);
        return {
          run: async (sql, params = []) => void db.prepare(sql).run(...params),
          all: async <T>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).all(...params) as T[],
          dropAuditGuard: async () => void db.exec('DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete'),
          dropRecordGuard: async () => undefined,
          storedBills: async (id) => (db.prepare('SELECT bills FROM records WHERE id = ?').get(id) as { bills: string } | undefined)?.bills,
          replaceBills: async (id, bills) => void db.prepare('UPDATE records SET bills = ? WHERE id = ?').run(bills, id),
          close: async () => void db.close(),
        };
      },
    };
  },
};

recordStoreSuite(sqlite);

const tempStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'records-'));
  const file = join(dir, 'records.db');
  return { dir, file, store: openRecordStore({ file, sealer: createSealer(testKey) }) };
};

describe('records store (SQLite only)', () => {
  it('leaves the store as it was when the process is killed inside a write', async () => {
    const { file, store } = tempStore();
    await store.add(record('Before Kill', '2026-11-02T15:00:00.000Z'), 'issue-save');
    await store.close();
    const script = fileURLToPath(new URL('./testing/torn-writer.ts', import.meta.url));
    const code = await new Promise<number | string | null>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', script, file], () => resolve(child.signalCode ?? child.exitCode));
    });
    expect(code).toBe('SIGKILL');
    const reopened = openRecordStore({ file, sealer: createSealer(testKey) });
    expect((await reopened.search('')).rows.map((r) => r.patientName)).toEqual(['Before Kill']);
    expect(await reopened.verifyAudit()).toBeNull();
    expect(await reopened.unreadable()).toEqual([]);
    await reopened.close();
  }, 60_000);
});

describe('opening the records at start-up', () => {
  const options = (dir: string, cipher: Cipher, keepWithoutKeyStore = false) => ({
    dataDir: dir,
    cipher,
    keepWithoutKeyStore,
    retentionYears: 6,
    now: () => new Date('2026-12-01T12:00:00Z'),
    osUser: 'frontdesk1',
    log: () => undefined,
  });

  it('keeps no records without an OS key store, and says why, unless the clinic opted in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'records-nokey-'));
    const refused = await openRecords(options(dir, testCipher(true)));
    expect(refused.store).toBeNull();
    expect(refused.status).toEqual({ available: false, reason: noKeyStoreReason, purged: 0, unreadable: [], auditProblem: null, shared: null });
    expect(existsSync(join(dir, 'records.db'))).toBe(false);
    const optedIn = await openRecords(options(dir, testCipher(true), true));
    expect(optedIn.status.available).toBe(true);
    expect(optedIn.status.reason).toMatch(/protected less/);
    await optedIn.store?.close();
  });

  it('never replaces a key it cannot read, nor makes a new one over records whose key is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'records-keybusy-'));
    const first = await openRecords(options(dir, testCipher()));
    await first.store?.add(record('Kept Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
    await first.store?.close();
    const keyBefore = readFileSync(join(dir, 'records.key'));
    // The key file cannot be read (here: a folder where the file should be, like a file held by antivirus).
    renameSync(join(dir, 'records.key'), join(dir, 'records.key.moved'));
    mkdirSync(join(dir, 'records.key'));
    const busy = await openRecords(options(dir, testCipher()));
    expect(busy.store).toBeNull();
    expect(busy.status.reason).toMatch(/records are left as they are/);
    rmdirSync(join(dir, 'records.key'));
    // The key file is gone but records are there: no new key is made over them.
    const gone = await openRecords(options(dir, testCipher()));
    expect(gone.store).toBeNull();
    expect(existsSync(join(dir, 'records.key'))).toBe(false);
    renameSync(join(dir, 'records.key.moved'), join(dir, 'records.key'));
    const back = await openRecords(options(dir, testCipher()));
    expect(readFileSync(join(dir, 'records.key')).equals(keyBefore)).toBe(true);
    expect((await back.store?.search('kept'))?.rows).toHaveLength(1);
    await back.store?.close();
  });

  it('says plainly when the key is there but the OS key store will not open it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'records-badkey-'));
    const first = await openRecords(options(dir, testCipher()));
    await first.store?.close();
    writeFileSync(join(dir, 'records.key'), 'not-sealed-by-this-key-store');
    const second = await openRecords(options(dir, testCipher()));
    expect(second.store).toBeNull();
    expect(second.status.reason).toMatch(/key to the records on this computer cannot be read/);
  });

  it('imports the old audit.log lines once, skipping a torn line, and purges by the retention setting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'records-import-'));
    writeFileSync(
      join(dir, 'audit.log'),
      [
        JSON.stringify({ at: '2026-10-01T10:00:00.000Z', user: 'frontdesk1', action: 'packet-saved', reference: 'VP-20261001-AAAAA' }),
        JSON.stringify({ at: '2026-10-02T10:00:00.000Z', user: 'frontdesk2', action: 'packet-printed', reference: 'VP-20261002-BBBBB' }),
        '{"at":"2026-10-03T10:00:00.000Z","user":"front',
      ].join('\n'),
    );
    const opened = await openRecords(options(dir, testCipher()));
    const entries = (await opened.store?.auditEntries()) ?? [];
    expect(entries.map((e) => [e.action, e.reference, e.osUser])).toEqual([
      ['issue-save', 'VP-20261001-AAAAA', 'frontdesk1'],
      ['issue-print', 'VP-20261002-BBBBB', 'frontdesk2'],
      ['imported-from-audit-log', '2 lines', ''],
    ]);
    expect(opened.status.auditProblem).toBeNull();
    expect(existsSync(join(dir, 'audit.log'))).toBe(false);
    expect(existsSync(join(dir, 'audit.log.imported'))).toBe(true);
    await opened.store?.add(record('Very Old', '2019-01-01T00:00:00.000Z'), 'issue-save');
    await opened.store?.close();
    const later = await openRecords(options(dir, testCipher()));
    expect(later.status.purged).toBe(1);
    expect((await later.store?.auditEntries())?.filter((e) => e.action === 'imported-from-audit-log')).toHaveLength(1);
    await later.store?.close();
  });
});
