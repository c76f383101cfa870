/**
 * The tests every RecordStore must pass, registered once per store (record-store.test.ts for
 * SQLite, pg-record-store.test.ts for PostgreSQL): records written and read back sealed,
 * search, a flipped byte reported by reference while the others read, the retention purge,
 * the audit chain checked and a changed or removed entry found, bills and the dispute flag,
 * revisions, and `add` idempotent by record id. Each backend gives a fresh, empty store and
 * direct access to its database (as someone with the file or the server would have).
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NewRecord, RecordStore } from '../record-store';
import { createSealer, type Sealer } from '../seal';

export const testKey = Buffer.alloc(32, 7);
export const actor = { preparer: 'JD', osUser: 'frontdesk1' };

/** An invented patient's record; the reference is made from the day and the name. */
export function record(name: string, issuedAt: string, extra: Partial<NewRecord> = {}): NewRecord {
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

/** The store's database, reached around the store. SQL with `?` placeholders and the tables both stores share. */
export interface RawDb {
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Drops the triggers that keep the audit trail append-only (someone with full rights on the database). */
  dropAuditGuard(): Promise<void>;
  /** Drops what refuses changes to records, where the store has it (PostgreSQL's insert-only triggers). */
  dropRecordGuard(): Promise<void>;
  /** A record's bills as stored (sealed); other bills put in their place around the store. */
  storedBills(id: string): Promise<string | undefined>;
  replaceBills(id: string, bills: string): Promise<void>;
  close(): Promise<void>;
}

export interface StoreLocation {
  /** Opens (again) the store at this place, with the test key unless another sealer is given. */
  open(sealer?: Sealer): Promise<RecordStore>;
  raw(): Promise<RawDb>;
  /** Every byte the database holds, as a copy of its disk or a backup would show it. */
  contents(): Promise<Buffer>;
}

export interface StoreBackend {
  name: string;
  /** A new, empty store. */
  fresh(): Promise<StoreLocation>;
  /** The SQLite store checks every record's index when it opens; the PostgreSQL store when it reads a record. */
  checksAllAtOpen: boolean;
  /** How a query matches a name: any piece of it (SQLite), or whole name parts and their beginnings (PostgreSQL, blind indexes). */
  search: 'substring' | 'blind-index';
}

const names = async (store: RecordStore, query: string) => (await store.search(query)).rows.map((r) => r.patientName);

/** Reads the store's records once, so a store that checks records as it reads them has seen them all. */
async function unreadableAfterReading(backend: StoreBackend, store: RecordStore): Promise<string[]> {
  if (!backend.checksAllAtOpen) await store.search('');
  return store.unreadable();
}

async function withRaw(location: StoreLocation, use: (db: RawDb) => Promise<void>): Promise<void> {
  const db = await location.raw();
  try {
    await use(db);
  } finally {
    await db.close();
  }
}

export function recordStoreSuite(backend: StoreBackend): void {
  describe(`records store (${backend.name})`, () => {
    it('answers every call with a promise (a store on a server cannot answer at once)', async () => {
      const store = await (await backend.fresh()).open();
      const added = store.add(record('Promise Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
      expect(added).toBeInstanceOf(Promise);
      const id = await added;
      const calls: (() => unknown)[] = [
        () => store.search(''),
        () => store.open(id),
        () => store.row(id),
        () => store.setBills(id, [{ role: 'facility', billedCents: 1 }], actor),
        () => store.audit('reprint', 'VP-X', actor),
        () => store.auditMany([{ action: 'reprint', reference: 'VP-X', actor, at: '2026-11-03T00:00:00.000Z' }]),
        () => store.auditEntries(),
        () => store.verifyAudit(),
        () => store.unreadable(),
        () => store.purgeOlderThan('2000-01-01T00:00:00.000Z', actor),
        () => store.delete(id, actor),
        () => store.close(),
      ];
      for (const call of calls) {
        const answer = call();
        expect(answer).toBeInstanceOf(Promise);
        await answer;
      }
    });

    it('keeps records sealed and finds them by part of the name, date of birth, date issued or reference', async () => {
      const location = await backend.fresh();
      const store = await location.open();
      const first = await store.add(record('Zelda Quixote', '2026-11-02T15:00:00.000Z'), 'issue-save');
      await store.add(record('Ana Ruiz', '2026-11-20T10:00:00.000Z', { dateOfBirth: '1950-01-09' }), 'issue-print');
      expect(await names(store, 'quix')).toEqual(['Zelda Quixote']);
      expect(await names(store, '01/09/1950')).toEqual(['Ana Ruiz']);
      expect(await names(store, '1948-03-04')).toEqual(['Zelda Quixote']);
      expect(await names(store, '2026-11-20')).toEqual(['Ana Ruiz']);
      expect(await names(store, 'vp-20261102')).toEqual(['Zelda Quixote']);
      expect(await names(store, '')).toEqual(['Ana Ruiz', 'Zelda Quixote']);
      const opened = await store.open(first);
      expect(opened?.pdf.toString()).toBe('%PDF-1.7 Zelda Quixote 2026-11-02T15:00:00.000Z');
      expect(opened?.pdfSha256).toBe(createHash('sha256').update('%PDF-1.7 Zelda Quixote 2026-11-02T15:00:00.000Z').digest('hex'));
      await store.close();
      // Nothing of the patient is in the database in plaintext.
      const bytes = await location.contents();
      for (const secret of ['Zelda', 'Quixote', 'zelda', '1948-03-04', '%PDF']) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
      // Reopened with the same key: the same records.
      const again = await location.open();
      expect(await again.search('zelda')).toMatchObject({ rows: [{ reference: 'VP-20261102-ZELDA' }] });
      await again.close();
    });

    it('matches every word of a query: name parts, their beginnings, a reference, a date', async () => {
      const store = await (await backend.fresh()).open();
      await store.add(record('Philippa Quennell-Ashby', '2026-11-02T15:00:00.000Z'), 'issue-save');
      await store.add(record('Mei Lin', '2026-11-03T15:00:00.000Z', { dateOfBirth: '1951-03-11' }), 'issue-save');
      expect(await names(store, 'quennell')).toEqual(['Philippa Quennell-Ashby']);
      expect(await names(store, 'Philippa Quen')).toEqual(['Philippa Quennell-Ashby']);
      expect(await names(store, 'mei lin')).toEqual(['Mei Lin']);
      expect(await names(store, '  MEI  ')).toEqual(['Mei Lin']);
      expect(await names(store, 'VP-20261103-MEI')).toEqual(['Mei Lin']);
      expect(await names(store, 'zzz')).toEqual([]);
      // Inherent difference: blind indexes hold keyed hashes of whole name parts and of their
      // beginnings, so a piece from the middle of a name finds nothing there, and words are
      // matched in any order; the SQLite store matches any piece of the whole name.
      const substring = backend.search === 'substring';
      expect(await names(store, 'nell-ash')).toEqual(substring ? ['Philippa Quennell-Ashby'] : []);
      expect(await names(store, 'lin mei')).toEqual(substring ? [] : ['Mei Lin']);
      expect(await names(store, 'ashby')).toEqual(['Philippa Quennell-Ashby']);
      await store.close();
    });

    it('keeps one record and one audit entry when the same record id is added twice', async () => {
      const store = await (await backend.fresh()).open();
      const id = randomBytes(16).toString('hex');
      const once = record('Twice Sent', '2026-11-02T15:00:00.000Z', { id });
      expect(await store.add(once, 'issue-save')).toBe(id);
      expect(await store.add(once, 'issue-save')).toBe(id);
      expect((await store.search('')).rows.map((r) => r.id)).toEqual([id]);
      expect((await store.auditEntries()).map((e) => [e.action, e.reference])).toEqual([['issue-save', once.reference]]);
      expect(await store.verifyAudit()).toBeNull();
      await expect(store.add(record('Bad Id', '2026-11-02T15:00:00.000Z', { id: 'not-an-id' }), 'issue-save')).rejects.toThrow(/record id/);
      await store.close();
    });

    it('reports a record with one flipped byte by its reference, and reads the others', async () => {
      const location = await backend.fresh();
      const store = await location.open();
      const bad = await store.add(record('Broken Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
      await store.add(record('Fine Record', '2026-11-03T15:00:00.000Z'), 'issue-save');
      const badReference = (await store.row(bad))?.reference;
      await store.close();
      await withRaw(location, async (db) => {
        await db.dropRecordGuard();
        const [row] = await db.all<{ sealed_index: Buffer }>('SELECT sealed_index FROM records WHERE id = ?', [bad]);
        const sealed = Buffer.from(row?.sealed_index ?? Buffer.alloc(0));
        sealed[sealed.length - 3] = (sealed[sealed.length - 3] ?? 0) ^ 0x01;
        await db.run('UPDATE records SET sealed_index = ? WHERE id = ?', [sealed, bad]);
      });
      const reopened = await location.open();
      if (backend.checksAllAtOpen) expect(await reopened.unreadable()).toEqual([badReference]);
      const found = await reopened.search('');
      expect(found.rows.map((r) => r.patientName)).toEqual(['Fine Record']);
      expect(found.unreadable).toEqual([badReference]);
      expect(await reopened.unreadable()).toEqual([badReference]);
      await reopened.close();
      // A PDF changed after it was written does not open as if it were the one issued.
      let other = '';
      await withRaw(location, async (db) => {
        await db.dropRecordGuard();
        const [pdf] = await db.all<{ id: string; sealed_pdf: Buffer }>('SELECT id, sealed_pdf FROM records WHERE id != ?', [bad]);
        const bytes = Buffer.from(pdf?.sealed_pdf ?? Buffer.alloc(0));
        bytes[20] = (bytes[20] ?? 0) ^ 0xff;
        other = pdf?.id ?? '';
        await db.run('UPDATE records SET sealed_pdf = ? WHERE id = ?', [bytes, other]);
      });
      const third = await location.open();
      await expect(third.open(other)).rejects.toThrow(/failed its check/);
      await third.close();
    });

    it('purges records older than the retention period in one audited step', async () => {
      const store = await (await backend.fresh()).open();
      await store.add(record('Old Record', '2019-06-01T10:00:00.000Z'), 'issue-save');
      await store.add(record('New Record', '2026-06-01T10:00:00.000Z'), 'issue-save');
      expect(await store.purgeOlderThan('2020-12-01T00:00:00.000Z', actor)).toBe(1);
      expect(await names(store, '')).toEqual(['New Record']);
      expect((await store.auditEntries()).map((e) => [e.action, e.reference])).toContainEqual(['retention-purge', '1 record']);
      expect(await store.verifyAudit()).toBeNull();
      await store.close();
    });

    it('chains the audit trail, refuses to change it, and finds a changed or removed entry', async () => {
      const location = await backend.fresh();
      const store = await location.open();
      const id = await store.add(record('Chain Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
      await store.audit('reprint', (await store.row(id))?.reference ?? '', actor);
      await store.setBills(id, [{ role: 'facility', billedCents: 530_000 }], actor);
      expect((await store.auditEntries()).map((e) => e.action)).toEqual(['issue-save', 'reprint', 'bill-entered']);
      expect(await store.verifyAudit()).toBeNull();
      await store.close();
      const verified = async () => {
        const reopened = await location.open();
        const problem = await reopened.verifyAudit();
        await reopened.close();
        return problem;
      };
      await withRaw(location, async (db) => {
        await expect(db.run("UPDATE audit SET action = 'delete' WHERE seq = 2")).rejects.toThrow(/append-only/);
        await expect(db.run('DELETE FROM audit WHERE seq = 3')).rejects.toThrow(/append-only/);
        // Someone with full rights drops the guard and edits an entry: the chain shows it.
        await db.dropAuditGuard();
        await db.run("UPDATE audit SET reference = 'VP-OTHER' WHERE seq = 2");
      });
      expect(await verified()).toMatch(/broken at entry 2/);
      await withRaw(location, async (db) => {
        await db.run('UPDATE audit SET reference = (SELECT reference FROM records LIMIT 1) WHERE seq = 2');
        await db.run('DELETE FROM audit WHERE seq = 3');
      });
      expect(await verified()).toMatch(/last entries were removed/);
      // Rewriting an entry and recomputing every link with a plain SHA-256 (no key) is found too.
      await withRaw(location, async (db) => {
        await db.run("UPDATE audit SET reference = 'VP-REWRITTEN' WHERE seq = 1");
        let prev = '0'.repeat(64);
        for (const e of await db.all<{ seq: number; at: string; action: string; reference: string; preparer: string; os_user: string }>('SELECT * FROM audit ORDER BY seq')) {
          const hash = createHash('sha256').update(JSON.stringify([e.seq, e.at, e.action, e.reference, e.preparer, e.os_user, prev])).digest('hex');
          await db.run('UPDATE audit SET prev = ?, hash = ? WHERE seq = ?', [prev, hash, e.seq]);
          prev = hash;
        }
        await db.run("UPDATE meta SET value = ? WHERE key = 'audit_head'", [prev]);
      });
      expect(await verified()).toMatch(/broken at entry 1/);
    });

    it('flags a Good Faith Estimate provider billing $400 or more above its total', async () => {
      const location = await backend.fresh();
      const store = await location.open();
      const bill = record('Bill Record', '2026-11-02T15:00:00.000Z');
      const id = await store.add(bill, 'issue-save');
      const under = await store.setBills(id, [{ role: 'facility', billedCents: 519_999 }], actor);
      expect(under?.providers[0]).toMatchObject({ estimatedCents: 480_000, billedCents: 519_999, differenceCents: 39_999, disputeRisk: false });
      const over = await store.setBills(id, [{ role: 'facility', billedCents: 520_000 }], actor);
      expect(over?.providers[0]).toMatchObject({ differenceCents: 40_000, disputeRisk: true });
      expect((await store.row(id))?.providers[0]).toMatchObject({ billedCents: 520_000, disputeRisk: true });
      await store.close();
      // The bills are sealed: not in plaintext, and an edited one makes the record unreadable, not unflagged.
      await withRaw(location, async (db) => {
        expect(await db.storedBills(id)).not.toContain('520000');
        await db.replaceBills(id, JSON.stringify([{ role: 'facility', billedCents: 480_000 }]));
      });
      const reopened = await location.open();
      expect(await unreadableAfterReading(backend, reopened)).toEqual([bill.reference]);
      await reopened.close();
    });

    it('names the record a revision replaces, and deleting one is audited', async () => {
      const store = await (await backend.fresh()).open();
      const first = await store.add(record('Rev Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
      const second = await store.add(record('Rev Record', '2026-11-05T15:00:00.000Z', { reference: 'VP-20261105-REV02', revises: first }), 'revise');
      expect((await store.row(second))?.revises).toBe((await store.row(first))?.reference);
      expect((await store.row(first))?.revisedBy).toBe('VP-20261105-REV02');
      expect(await store.delete(first, actor)).toBe(true);
      expect(await store.delete(first, actor)).toBe(false);
      expect((await store.row(second))?.revises).toBeNull();
      expect(await store.row(first)).toBeNull();
      expect((await store.auditEntries()).map((e) => e.action)).toEqual(['issue-save', 'revise', 'delete']);
      await store.close();
    });
  });
}

/** A sealer under another key: what a PC given the wrong key would use. */
export const wrongSealer = (): Sealer => createSealer(Buffer.alloc(32, 8));
