/**
 * The PostgreSQL records store against a real server (CLINIC_TEST_PG_URL; see
 * testing/pg-test-database.ts): the shared store suite, then what only a shared server has:
 * two PCs issuing at the same moment, the server holding only ciphertext and keyed hashes,
 * a PC with the wrong key reading nothing, search opening only what it finds, diacritics
 * folded, migrations serialised across PCs and a newer database refused.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NewerRecordsDatabase } from './records-schema';
import { openPgRecordStore, RecordsServerUnreachable, WrongRecordsKey } from './pg-record-store';
import { SealBroken, createSealer, type Sealer } from './seal';
import { pgTestServer, PG_CI_MISSING, PG_SKIP_REASON } from './testing/pg-test-database';
import { pgTestDatabase } from './testing/pg-test-suite';
import { actor, record, recordStoreSuite, testKey, wrongSealer } from './testing/record-store-suite';

describe('where the PostgreSQL tests get their server', () => {
  it('skips with a reason locally, fails in CI, and runs with CLINIC_TEST_PG_URL', () => {
    expect(pgTestServer({})).toEqual({ skip: PG_SKIP_REASON });
    expect(pgTestServer({ CI: 'true', CLINIC_TEST_PG_URL: ' ' })).toEqual({ fail: PG_CI_MISSING });
    expect(pgTestServer({ CI: 'true', CLINIC_TEST_PG_URL: 'postgres://postgres@127.0.0.1:5999/postgres' })).toEqual({ url: 'postgres://postgres@127.0.0.1:5999/postgres' });
  });
});

const db = pgTestDatabase('records store (PostgreSQL)', process.env);
if (db !== null) {
  recordStoreSuite({ name: 'PostgreSQL', checksAllAtOpen: false, search: 'blind-index', fresh: () => db().location() });

  const names = async (store: Awaited<ReturnType<typeof openPgRecordStore>>, query: string) => (await store.search(query)).rows.map((r) => r.patientName);

  describe('records store (PostgreSQL only)', () => {
    it('keeps one verified audit chain and unique references when two PCs issue 50 records each at the same moment', async () => {
      const location = await db().location();
      // Both PCs start at once too: the migrations run once, one PC waiting for the other.
      const [first, second] = await Promise.all([location.open(), location.open()]);
      const issue = (pc: typeof first, n: number) =>
        Array.from({ length: 50 }, (_, i) => pc.add(record(`Pc${n} Patient${i}`, `2026-11-02T15:${String(i).padStart(2, '0')}:00.000Z`, { reference: `VP-20261102-P${n}${String(i).padStart(3, '0')}` }), 'issue-save'));
      const ids = await Promise.all([...issue(first, 1), ...issue(second, 2)]);
      expect(new Set(ids).size).toBe(100);
      const all = await first.search('', 500);
      expect(all.rows).toHaveLength(100);
      expect(new Set(all.rows.map((r) => r.reference)).size).toBe(100);
      expect((await second.auditEntries()).map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(await first.verifyAudit()).toBeNull();
      // A record the other PC issued is found at once, without reopening.
      expect(await names(first, 'pc2 patient49')).toEqual(['Pc2 Patient49']);
      // A reference already taken is refused, and nothing is half written.
      await expect(second.add(record('Pc3 Again', '2026-11-03T10:00:00.000Z', { reference: 'VP-20261102-P1000' }), 'issue-save')).rejects.toThrow(/reference/);
      expect(await second.auditEntries()).toHaveLength(100);
      await Promise.all([first.close(), second.close()]);
      const migrations = await location.raw();
      expect(await migrations.all('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
      await migrations.close();
    });

    it('holds none of the patients’ names, dates of birth or member IDs in plaintext', async () => {
      const location = await db().location();
      const store = await location.open();
      const patients = [
        { name: 'Rosalind Peña-Villanueva', dob: '1944-07-21', memberId: 'XQZ81726354' },
        { name: 'Kofi Mensah', dob: '1939-12-02', memberId: 'MBR-55001-K' },
      ];
      for (const [i, p] of patients.entries()) {
        const caseInput = { patient: { firstName: p.name.split(' ')[0], lastName: p.name.split(' ')[1], dateOfBirth: p.dob }, coverage: { kind: 'commercial', memberId: p.memberId } };
        const id = await store.add(record(p.name, `2026-11-0${i + 1}T10:00:00.000Z`, { dateOfBirth: p.dob, caseInput, reference: `VP-2026110${i + 1}-PLAIN` }), 'issue-save');
        await store.setBills(id, [{ role: 'facility', billedCents: 612_345 }], actor);
      }
      expect(await names(store, 'pena villanueva')).toEqual(['Rosalind Peña-Villanueva']);
      await store.close();
      const bytes = await location.contents();
      const secrets = patients.flatMap((p) => [...p.name.split(/[ -]/), p.name, p.dob, p.memberId, p.dob.split('-').reverse().join('/')]);
      for (const secret of [...secrets, 'pena', 'rosalind', 'mensah', '612345', '%PDF']) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
        expect(bytes.includes(Buffer.from(secret.toLowerCase(), 'utf8')), secret).toBe(false);
      }
    });

    it('refuses to open with the wrong key, and even past that check reads nothing and says which records', async () => {
      const location = await db().location();
      const store = await location.open();
      const id = await store.add(record('Keyed Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
      await store.close();
      await expect(location.open(wrongSealer())).rejects.toThrow(WrongRecordsKey);
      await expect(location.open(wrongSealer())).rejects.toThrow(/clinic key on this computer is not the one/);
      await expect(openPgRecordStore({ connection: location.config, sealer: createSealer(testKey), blindIndexKey: Buffer.alloc(32, 3) })).rejects.toThrow(WrongRecordsKey);
      // Someone removes the key check: the wrong key still opens nothing, never garbage.
      const raw = await location.raw();
      await raw.run("DELETE FROM meta WHERE key IN ('seal_check', 'index_check')");
      await raw.close();
      const wrong = await location.open(wrongSealer());
      const found = await wrong.search('');
      expect(found.rows).toEqual([]);
      expect(found.unreadable).toEqual(['VP-20261102-KEYED']);
      expect(await wrong.row(id)).toBeNull();
      await expect(wrong.open(id)).rejects.toThrow(SealBroken);
      expect(await wrong.verifyAudit()).toMatch(/broken at entry 1/);
      // An unreadable record deleted is no longer reported.
      expect(await wrong.delete(id, actor)).toBe(true);
      expect(await wrong.unreadable()).toEqual([]);
      await wrong.close();
    });

    it('opens only the records a search finds, newest first, and says how many more there are', async () => {
      const location = await db().location();
      const store = await location.open();
      for (let i = 0; i < 30; i += 1) await store.add(record(`Walter Brennan${i}`, `2026-11-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`, { reference: `VP-202611${String(i + 1).padStart(2, '0')}-W${i}` }), 'issue-save');
      await store.add(record('Zelda Quixote', '2026-12-01T10:00:00.000Z', { dateOfBirth: '1950-01-09' }), 'issue-save');
      await store.close();
      let opened = 0;
      const real = createSealer(testKey);
      const counting: Sealer = { ...real, open: (...args) => ((opened += 1), real.open(...args)) };
      const watched = await location.open(counting);
      expect(await names(watched, 'zelda')).toEqual(['Zelda Quixote']);
      expect(await names(watched, '01/09/1950 quix')).toEqual(['Zelda Quixote']);
      expect(opened).toBe(2);
      const some = await watched.search('walter', 5);
      expect(some.rows.map((r) => r.patientName)).toEqual(['Walter Brennan29', 'Walter Brennan28', 'Walter Brennan27', 'Walter Brennan26', 'Walter Brennan25']);
      expect(some.more).toBe(25);
      expect(some.moreAtLeast).toBeUndefined();
      expect(await names(watched, 'vp-2026110')).toHaveLength(9);
      expect(await names(watched, 'vp_2026%')).toEqual([]);
      await watched.close();
    });

    it('counts a broad search\'s matches only up to its limit, then says "at least" (the newest are shown either way)', async () => {
      const location = await db().location();
      const writer = await location.open();
      for (let i = 0; i < 8; i += 1) await writer.add(record(`Rosa Lindqvist${i}`, `2026-11-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`), 'issue-save');
      await writer.close();
      const store = await openPgRecordStore({ connection: location.config, sealer: createSealer(testKey), blindIndexKey: testKey, searchCountLimit: 5 });
      const broad = await store.search('rosa', 3);
      expect(broad.rows.map((r) => r.patientName)).toEqual(['Rosa Lindqvist7', 'Rosa Lindqvist6', 'Rosa Lindqvist5']);
      expect([broad.more, broad.moreAtLeast]).toEqual([2, true]);
      const within = await store.search('rosa', 8);
      expect([within.rows.length, within.more, within.moreAtLeast]).toEqual([8, 0, undefined]);
      const counted = await openPgRecordStore({ connection: location.config, sealer: createSealer(testKey), blindIndexKey: testKey, searchCountLimit: 8 });
      const exact = await counted.search('rosa', 3);
      expect([exact.more, exact.moreAtLeast]).toEqual([5, undefined]);
      await store.close();
      await counted.close();
    });

    it('folds accents and case: "pena" finds Peña, "jose" finds José, a beginning of 3+ letters finds the name', async () => {
      const store = await (await db().location()).open();
      await store.add(record('José Peña', '2026-11-02T15:00:00.000Z'), 'issue-save');
      await store.add(record('Ｍｅｉ Lin', '2026-11-03T15:00:00.000Z'), 'issue-save');
      for (const query of ['pena', 'PEÑA', 'jose', 'José', 'pen', 'jos peñ']) expect(await names(store, query), query).toEqual(['José Peña']);
      expect(await names(store, 'mei')).toEqual(['Ｍｅｉ Lin']);
      expect(await names(store, 'pe')).toEqual([]);
      await store.close();
    });

    it('applies each migration once, in order, and refuses a database newer than this app', async () => {
      const location = await db().location();
      const store = await location.open();
      await store.close();
      const raw = await location.raw();
      await raw.run('INSERT INTO schema_migrations (version) VALUES (3)');
      await raw.close();
      await expect(location.open()).rejects.toThrow(NewerRecordsDatabase);
      await expect(location.open()).rejects.toThrow(/records database version 3 is newer than this app \(2\)/);
    });

    it('never changes a record, its bills or its deletion, even for the owner: they are only added to', async () => {
      const location = await db().location();
      const store = await location.open();
      const id = await store.add(record('Insert Only', '2026-11-02T15:00:00.000Z'), 'issue-save');
      await store.setBills(id, [{ role: 'facility', billedCents: 500_000 }], actor);
      await store.close();
      const raw = await location.raw();
      await raw.run('INSERT INTO record_deletions (record_id) VALUES (?)', [id]);
      for (const sql of ["UPDATE records SET kind = 'other'", "UPDATE record_bills SET bills = '[]'", 'UPDATE record_deletions SET at = now()']) {
        await expect(raw.run(sql), sql).rejects.toThrow(/the rows of (records|record_bills|record_deletions) are never changed/);
      }
      await expect(raw.run("UPDATE meta SET value = 'x' WHERE key = 'seal_check'")).rejects.toThrow(/only the audit chain head is ever changed/);
      await raw.close();
    });

    it('says plainly when the server cannot be reached', async () => {
      // Port 1 on this computer: nothing listens there.
      const unreachable = openPgRecordStore({ connection: `postgres://postgres@127.0.0.1:1/clinic_${randomBytes(3).toString('hex')}`, sealer: createSealer(testKey), blindIndexKey: testKey });
      await expect(unreachable).rejects.toThrow(RecordsServerUnreachable);
      await expect(unreachable).rejects.toThrow(/shared records server could not be reached/);
    });
  });
}
