/**
 * The records store in plain Node, on real SQLite files: written and read back, a flipped byte
 * reported by reference while the others read, no key -> a clear reason, the retention purge,
 * the audit chain checked and a broken link found, a write torn by a killed process leaving
 * the store as it was, and the old audit.log imported once.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Cipher } from '../draft-store';
import { testCipher } from './testing/test-cipher';
import { openRecordStore, type NewRecord } from './record-store';
import { openRecords } from './records-service';
import { createSealer, noKeyStoreReason } from './seal';

const key = Buffer.alloc(32, 7);
const actor = { preparer: 'JD', osUser: 'frontdesk1' };

function record(name: string, issuedAt: string, extra: Partial<NewRecord> = {}): NewRecord {
  return {
    reference: `VP-${issuedAt.slice(0, 10).replace(/-/g, '')}-${name.slice(0, 5).toUpperCase().padEnd(5, 'X')}`,
    kind: 'good-faith-estimate',
    issuedAt,
    preparedBy: 'JD',
    osUser: 'frontdesk1',
    revises: null,
    versions: { app: '0.1.0', content: 'abc', feeSchedule: 'def' },
    patientName: name,
    dateOfBirth: '1948-03-04',
    patientCents: { low: 500_000, high: 500_000 },
    providers: [{ role: 'facility', name: 'Lakeside Surgery Center', estimatedCents: 480_000 }],
    caseInput: { patient: { firstName: name.split(' ')[0], lastName: name.split(' ')[1] ?? '', dateOfBirth: '1948-03-04' } },
    estimate: { patient: { low: 500_000, high: 500_000 } },
    fileName: `${name.replace(' ', '-')}.pdf`,
    pdf: Buffer.from(`%PDF-1.7 ${name} ${issuedAt}`),
    ...extra,
  };
}

const tempStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'records-'));
  const file = join(dir, 'records.db');
  return { dir, file, store: openRecordStore({ file, sealer: createSealer(key) }) };
};

describe('records store', () => {
  it('keeps records sealed and finds them by part of the name, date of birth, date issued or reference', () => {
    const { file, store } = tempStore();
    const first = store.add(record('Zelda Quixote', '2026-11-02T15:00:00.000Z'), 'issue-save');
    store.add(record('Ana Ruiz', '2026-11-20T10:00:00.000Z', { dateOfBirth: '1950-01-09' }), 'issue-print');
    expect(store.search('quix').rows.map((r) => r.patientName)).toEqual(['Zelda Quixote']);
    expect(store.search('01/09/1950').rows.map((r) => r.patientName)).toEqual(['Ana Ruiz']);
    expect(store.search('1948-03-04').rows.map((r) => r.patientName)).toEqual(['Zelda Quixote']);
    expect(store.search('2026-11-20').rows.map((r) => r.patientName)).toEqual(['Ana Ruiz']);
    expect(store.search('vp-20261102').rows.map((r) => r.patientName)).toEqual(['Zelda Quixote']);
    expect(store.search('').rows.map((r) => r.patientName)).toEqual(['Ana Ruiz', 'Zelda Quixote']);
    const opened = store.open(first);
    expect(opened?.pdf.toString()).toBe('%PDF-1.7 Zelda Quixote 2026-11-02T15:00:00.000Z');
    expect(opened?.pdfSha256).toBe(createHash('sha256').update('%PDF-1.7 Zelda Quixote 2026-11-02T15:00:00.000Z').digest('hex'));
    store.close();
    // Nothing of the patient is in the file in plaintext.
    const bytes = readFileSync(file);
    for (const secret of ['Zelda', 'Quixote', '1948-03-04', '%PDF']) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    // Reopened with the same key: the same records.
    const again = openRecordStore({ file, sealer: createSealer(key) });
    expect(again.search('zelda').rows).toHaveLength(1);
    again.close();
  });

  it('reports a record with one flipped byte by its reference, and reads the others', () => {
    const { file, store } = tempStore();
    const bad = store.add(record('Broken Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
    store.add(record('Fine Record', '2026-11-03T15:00:00.000Z'), 'issue-save');
    const badReference = store.row(bad)?.reference;
    store.close();
    const db = new Database(file);
    const sealed = (db.prepare('SELECT sealed_index FROM records WHERE id = ?').get(bad) as { sealed_index: Buffer }).sealed_index;
    sealed[sealed.length - 3] = (sealed[sealed.length - 3] ?? 0) ^ 0x01;
    db.prepare('UPDATE records SET sealed_index = ? WHERE id = ?').run(sealed, bad);
    db.close();
    const reopened = openRecordStore({ file, sealer: createSealer(key) });
    expect(reopened.unreadable()).toEqual([badReference]);
    const found = reopened.search('');
    expect(found.rows.map((r) => r.patientName)).toEqual(['Fine Record']);
    expect(found.unreadable).toEqual([badReference]);
    // A PDF changed after it was written does not open as if it were the one issued.
    reopened.close();
    const db2 = new Database(file);
    const pdf = (db2.prepare('SELECT id, sealed_pdf FROM records WHERE id != ?').get(bad) as { id: string; sealed_pdf: Buffer });
    pdf.sealed_pdf[20] = (pdf.sealed_pdf[20] ?? 0) ^ 0xff;
    db2.prepare('UPDATE records SET sealed_pdf = ? WHERE id = ?').run(pdf.sealed_pdf, pdf.id);
    db2.close();
    const third = openRecordStore({ file, sealer: createSealer(key) });
    expect(() => third.open(pdf.id)).toThrow(/failed its check/);
    third.close();
  });

  it('purges records older than the retention period in one audited step', () => {
    const { store } = tempStore();
    store.add(record('Old Record', '2019-06-01T10:00:00.000Z'), 'issue-save');
    store.add(record('New Record', '2026-06-01T10:00:00.000Z'), 'issue-save');
    expect(store.purgeOlderThan('2020-12-01T00:00:00.000Z', actor)).toBe(1);
    expect(store.search('').rows.map((r) => r.patientName)).toEqual(['New Record']);
    expect(store.auditEntries().map((e) => [e.action, e.reference])).toContainEqual(['retention-purge', '1 record']);
    expect(store.verifyAudit()).toBeNull();
    store.close();
  });

  it('chains the audit trail, refuses to change it, and finds a changed or removed entry', () => {
    const { file, store } = tempStore();
    const id = store.add(record('Chain Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
    store.audit('reprint', store.row(id)?.reference ?? '', actor);
    store.setBills(id, [{ role: 'facility', billedCents: 530_000 }], actor);
    expect(store.auditEntries().map((e) => e.action)).toEqual(['issue-save', 'reprint', 'bill-entered']);
    expect(store.verifyAudit()).toBeNull();
    store.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE audit SET action = 'delete' WHERE seq = 2").run()).toThrow(/append-only/);
    // Someone with the file and SQLite drops the guard and edits an entry: the chain shows it.
    db.exec('DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete');
    db.prepare("UPDATE audit SET reference = 'VP-OTHER' WHERE seq = 2").run();
    db.close();
    const changed = openRecordStore({ file, sealer: createSealer(key) });
    expect(changed.verifyAudit()).toMatch(/broken at entry 2/);
    changed.close();
    const db2 = new Database(file);
    db2.prepare("UPDATE audit SET reference = (SELECT reference FROM records LIMIT 1) WHERE seq = 2").run();
    db2.prepare('DELETE FROM audit WHERE seq = 3').run();
    db2.close();
    const cut = openRecordStore({ file, sealer: createSealer(key) });
    expect(cut.verifyAudit()).toMatch(/last entries were removed/);
    cut.close();
    // Rewriting an entry and recomputing every link with a plain SHA-256 (no key) is found too.
    const db3 = new Database(file);
    db3.prepare("UPDATE audit SET reference = 'VP-REWRITTEN' WHERE seq = 1").run();
    let prev = '0'.repeat(64);
    for (const e of db3.prepare('SELECT * FROM audit ORDER BY seq').all() as { seq: number; at: string; action: string; reference: string; preparer: string; os_user: string }[]) {
      const hash = createHash('sha256').update(JSON.stringify([e.seq, e.at, e.action, e.reference, e.preparer, e.os_user, prev])).digest('hex');
      db3.prepare('UPDATE audit SET prev = ?, hash = ? WHERE seq = ?').run(prev, hash, e.seq);
      prev = hash;
    }
    db3.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(prev);
    db3.close();
    const rewritten = openRecordStore({ file, sealer: createSealer(key) });
    expect(rewritten.verifyAudit()).toMatch(/broken at entry 1/);
    rewritten.close();
  });

  it('flags a Good Faith Estimate provider billing $400 or more above its total', () => {
    const { file, store } = tempStore();
    const id = store.add(record('Bill Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
    const under = store.setBills(id, [{ role: 'facility', billedCents: 519_999 }], actor);
    expect(under?.providers[0]).toMatchObject({ estimatedCents: 480_000, billedCents: 519_999, differenceCents: 39_999, disputeRisk: false });
    const over = store.setBills(id, [{ role: 'facility', billedCents: 520_000 }], actor);
    expect(over?.providers[0]).toMatchObject({ differenceCents: 40_000, disputeRisk: true });
    store.close();
    // The bills are sealed: not in plaintext, and an edited one makes the record unreadable, not unflagged.
    const db = new Database(file);
    const bills = (db.prepare('SELECT bills FROM records WHERE id = ?').get(id) as { bills: string }).bills;
    expect(bills).not.toContain('520000');
    db.prepare('UPDATE records SET bills = ? WHERE id = ?').run(JSON.stringify([{ role: 'facility', billedCents: 480_000 }]), id);
    db.close();
    expect(openRecordStore({ file, sealer: createSealer(key) }).unreadable()).toHaveLength(1);
  });

  it('names the record a revision replaces, and deleting one is audited', () => {
    const { store } = tempStore();
    const first = store.add(record('Rev Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
    const second = store.add(record('Rev Record', '2026-11-05T15:00:00.000Z', { reference: 'VP-20261105-REV02', revises: first }), 'revise');
    expect(store.row(second)?.revises).toBe(store.row(first)?.reference);
    expect(store.row(first)?.revisedBy).toBe('VP-20261105-REV02');
    expect(store.delete(first, actor)).toBe(true);
    expect(store.row(second)?.revises).toBeNull();
    expect(store.auditEntries().map((e) => e.action)).toEqual(['issue-save', 'revise', 'delete']);
    store.close();
  });

  it('leaves the store as it was when the process is killed inside a write', async () => {
    const { file, store } = tempStore();
    store.add(record('Before Kill', '2026-11-02T15:00:00.000Z'), 'issue-save');
    store.close();
    const script = fileURLToPath(new URL('./testing/torn-writer.ts', import.meta.url));
    const code = await new Promise<number | string | null>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', script, file], () => resolve(child.signalCode ?? child.exitCode));
    });
    expect(code).toBe('SIGKILL');
    const reopened = openRecordStore({ file, sealer: createSealer(key) });
    expect(reopened.search('').rows.map((r) => r.patientName)).toEqual(['Before Kill']);
    expect(reopened.verifyAudit()).toBeNull();
    expect(reopened.unreadable()).toEqual([]);
    reopened.close();
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
    expect(refused.status).toEqual({ available: false, reason: noKeyStoreReason, purged: 0, unreadable: [], auditProblem: null });
    expect(existsSync(join(dir, 'records.db'))).toBe(false);
    const optedIn = await openRecords(options(dir, testCipher(true), true));
    expect(optedIn.status.available).toBe(true);
    expect(optedIn.status.reason).toMatch(/protected less/);
    optedIn.store?.close();
  });

  it('never replaces a key it cannot read, nor makes a new one over records whose key is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'records-keybusy-'));
    const first = await openRecords(options(dir, testCipher()));
    first.store?.add(record('Kept Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
    first.store?.close();
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
    expect(back.store?.search('kept').rows).toHaveLength(1);
    back.store?.close();
  });

  it('says plainly when the key is there but the OS key store will not open it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'records-badkey-'));
    const first = await openRecords(options(dir, testCipher()));
    first.store?.close();
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
    const entries = opened.store?.auditEntries() ?? [];
    expect(entries.map((e) => [e.action, e.reference, e.osUser])).toEqual([
      ['issue-save', 'VP-20261001-AAAAA', 'frontdesk1'],
      ['issue-print', 'VP-20261002-BBBBB', 'frontdesk2'],
      ['imported-from-audit-log', '2 lines', ''],
    ]);
    expect(opened.status.auditProblem).toBeNull();
    expect(existsSync(join(dir, 'audit.log'))).toBe(false);
    expect(existsSync(join(dir, 'audit.log.imported'))).toBe(true);
    opened.store?.add(record('Very Old', '2019-01-01T00:00:00.000Z'), 'issue-save');
    opened.store?.close();
    const later = await openRecords(options(dir, testCipher()));
    expect(later.status.purged).toBe(1);
    expect(later.store?.auditEntries().filter((e) => e.action === 'imported-from-audit-log')).toHaveLength(1);
    later.store?.close();
  });
});
