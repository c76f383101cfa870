/**
 * The front desk's PostgreSQL role with least privilege (issue 15, Deliver 5): set up by
 * records-setup, it reads and adds records, bills and audit entries, and can neither change
 * nor remove them except through purge_records (a staff deletion or the retention purge). The
 * shared store suite runs as that role; a version-1 database migrates keeping its records and
 * bills; a role at a database that needs migrating is told IT must run records-setup.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createBlindIndex } from './blind-index';
import { createClinicKey } from './clinic-key';
import { localDay, recordIdOf, sealBills, sealRecord } from './record-fields';
import { migratePgRecords, pgMigrations, RecordsNeedSetup } from './pg-schema';
import { setUpRecords } from './records-setup';
import { createSealer } from './seal';
import { openSharedRecords } from './shared-records';
import { testCipher } from './testing/test-cipher';
import { useFrontDeskRole } from './testing/pg-least-privilege';
import { pgTestDatabase } from './testing/pg-test-suite';
import { actor, record, recordStoreSuite, testKey } from './testing/record-store-suite';

const db = pgTestDatabase('records as the front desk role (PostgreSQL)', process.env);
if (db !== null) {
  const frontDesk = useFrontDeskRole(db);

  recordStoreSuite({ name: 'PostgreSQL, as the least-privileged front desk role', checksAllAtOpen: false, search: 'blind-index', fresh: () => frontDesk().location() });

  /** `sql` run as the front desk role: the SQLSTATE it was refused with, or null when it ran. */
  const refusedAs = async (config: pg.PoolConfig, sql: string): Promise<string | null> => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      await client.query(sql);
      return null;
    } catch (error) {
      return (error as { code?: string }).code ?? 'no code';
    } finally {
      await client.end();
    }
  };

  describe('the front desk role (PostgreSQL)', () => {
    it('cannot change or remove records, bills, deletions or audit entries, nor create tables; through the store it adds, bills, deletes and purges, in one verified chain', async () => {
      const location = await frontDesk().location();
      const store = await location.open();
      const kept = await store.add(record('Kept Record', '2026-11-02T15:00:00.000Z'), 'issue-save');
      const gone = await store.add(record('Gone Record', '2026-11-03T15:00:00.000Z'), 'issue-save');
      await store.add(record('Old Record', '2019-06-01T10:00:00.000Z'), 'issue-save');
      expect((await store.setBills(kept, [{ role: 'facility', billedCents: 530_000 }], actor))?.providers[0]).toMatchObject({ billedCents: 530_000, disputeRisk: true });
      expect(await store.delete(gone, actor)).toBe(true);
      expect(await store.purgeOlderThan('2020-01-01T00:00:00.000Z', actor)).toBe(1);
      expect((await store.search('')).rows.map((r) => r.patientName)).toEqual(['Kept Record']);
      expect((await store.auditEntries()).map((e) => e.action)).toEqual(['issue-save', 'issue-save', 'issue-save', 'bill-entered', 'delete', 'retention-purge']);
      expect(await store.verifyAudit()).toBeNull();
      await store.close();

      const refusals: Record<string, string | null> = {};
      for (const sql of [
        "UPDATE records SET kind = 'other'",
        'UPDATE records SET revises = NULL',
        "UPDATE audit SET action = 'delete'",
        "UPDATE record_bills SET bills = '[]'",
        'UPDATE record_deletions SET at = now()',
        "UPDATE meta SET value = 'x' WHERE key = 'seal_check'",
        'DELETE FROM records',
        'DELETE FROM audit',
        'DELETE FROM record_bills',
        'DELETE FROM record_deletions',
        'DELETE FROM meta',
        'DELETE FROM schema_migrations',
        'TRUNCATE records CASCADE',
        'TRUNCATE audit',
        'TRUNCATE record_bills',
        'CREATE TABLE extra (n integer)',
        'DROP TABLE records CASCADE',
        'ALTER TABLE records DROP COLUMN kind',
        'DROP TRIGGER audit_append_only ON audit',
        'INSERT INTO schema_migrations (version) VALUES (99)',
      ]) {
        refusals[sql] = await refusedAs(location.config, sql);
      }
      // 42501: insufficient privilege (or not the owner); P0001: refused by the insert-only triggers.
      for (const [sql, code] of Object.entries(refusals)) expect([sql, code]).toEqual([sql, expect.stringMatching(/^(42501|P0001)$/)]);
      // What the role may do is exactly what the store needs, and nothing of it was lost.
      const reopened = await location.open();
      expect((await reopened.row(kept))?.providers[0]).toMatchObject({ billedCents: 530_000 });
      expect(await reopened.verifyAudit()).toBeNull();
      await reopened.close();
    });

    it('migrates a version-1 database to version 2, keeping its records and their bills', async () => {
      const location = await frontDesk().bare();
      const owner = new pg.Pool(location.owner);
      expect(await migratePgRecords(owner, pgMigrations.slice(0, 1))).toBe(1);
      // Two records as version 1 kept them: the bills sealed in records.bills.
      const sealer = createSealer(testKey);
      const blind = createBlindIndex(testKey);
      const billed = record('Billed Before', '2026-10-01T10:00:00.000Z', { id: randomBytes(16).toString('hex') });
      const unbilled = record('Unbilled Before', '2026-10-02T10:00:00.000Z', { id: randomBytes(16).toString('hex') });
      for (const [r, bills] of [
        [billed, sealBills(sealer, recordIdOf(billed), [{ role: 'facility', billedCents: 470_000 }])],
        [unbilled, '[]'],
      ] as const) {
        const id = recordIdOf(r);
        const sealed = sealRecord(sealer, id, r);
        const terms = blind.recordTerms({ patientName: r.patientName, dateOfBirth: r.dateOfBirth, issuedDay: localDay(r.issuedAt) });
        await owner.query(
          `INSERT INTO records (id, reference, kind, issued_at, prepared_by, os_user, revises, versions, pdf_sha256, sealed_index, sealed_case, sealed_pdf, bills, terms)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [id, r.reference, r.kind, r.issuedAt, r.preparedBy, r.osUser, r.revises, JSON.stringify(r.versions), sealed.pdfSha256, sealed.sealedIndex, sealed.sealedCase, sealed.sealedPdf, bills, terms],
        );
      }
      await owner.end();
      const setup = await setUpRecords(location.owner, frontDesk().name);
      expect([setup.from, setup.to]).toEqual([1, 2]);
      const store = await location.open();
      const rows = (await store.search('before')).rows;
      expect(rows.map((r) => [r.patientName, r.providers[0]?.billedCents ?? null])).toEqual([
        ['Unbilled Before', null],
        ['Billed Before', 470_000],
      ]);
      expect((await store.open(recordIdOf(billed)))?.pdf.toString()).toBe('%PDF-1.7 Billed Before 2026-10-01T10:00:00.000Z');
      await store.close();
      const raw = await location.raw();
      expect(await raw.all('SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }]);
      expect(await raw.all('SELECT count(*)::int AS n FROM record_bills')).toEqual([{ n: 1 }]);
      await raw.close();
    });

    it('runs no DDL when the database is already at the latest version', async () => {
      const location = await frontDesk().location();
      const asRole = new pg.Pool(location.config);
      // The role may not create anything, yet its start-up "migration" succeeds.
      expect(await migratePgRecords(asRole)).toBe(pgMigrations.length);
      await asRole.end();
    });

    it('a database that needs setting up or updating: RecordsNeedSetup, and the PC is told IT must run records-setup', async () => {
      // An empty schema (never set up) and one left at version 1, the role allowed to read both.
      const empty = await frontDesk().bare();
      const old = await frontDesk().bare();
      const owner = new pg.Pool(old.owner);
      await migratePgRecords(owner, pgMigrations.slice(0, 1));
      for (const schema of [empty.schema, old.schema]) await owner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${frontDesk().name}`);
      await owner.query(`GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ${old.schema} TO ${frontDesk().name}`);
      await owner.end();
      await expect(empty.open()).rejects.toThrow(RecordsNeedSetup);
      await expect(old.open()).rejects.toThrow(RecordsNeedSetup);
      await expect(old.open()).rejects.toThrow(/version 1.*version 2/);

      const keyFile = join(mkdtempSync(join(tmpdir(), 'records-setup-key-')), 'clinic.key');
      await createClinicKey(keyFile);
      const opened = await openSharedRecords({ store: 'postgres', url: frontDesk().url(old.schema), keyFile }, () => undefined, {
        dataDir: mkdtempSync(join(tmpdir(), 'records-setup-pc-')),
        cipher: testCipher(),
        keepWithoutKeyStore: false,
      });
      expect(opened.ok).toBe(false);
      const reason = opened.ok ? '' : opened.reason;
      const server = new URL(db().url).host;
      expect(reason).toContain(`The shared records on ${server} need setting up (or updating) by IT before this computer can use them`);
      expect(reason).toMatch(/records-setup/);
      expect(reason).not.toMatch(/clinic_frontdesk|store_\d/);
    });
  });
}
