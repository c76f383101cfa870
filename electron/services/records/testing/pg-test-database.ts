/**
 * Where the PostgreSQL tests get their server: CLINIC_TEST_PG_URL (.ci/run and
 * scripts/pg-test-server.sh start a throwaway cluster). Without it the tests are skipped with
 * a printed reason, except in CI, where they must run. Each test file makes its own database
 * and drops it at the end, and each store under test its own schema, so runs do not collide.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPgRecordStore } from '../pg-record-store';
import { createSealer } from '../seal';
import { testKey, type RawDb, type StoreLocation } from './record-store-suite';

export const PG_SKIP_REASON = '[pg-record-store] skipped: CLINIC_TEST_PG_URL is not set; .ci/run starts a throwaway PostgreSQL';
export const PG_CI_MISSING =
  '[pg-record-store] CLINIC_TEST_PG_URL is not set, but CI must run the PostgreSQL record store tests: .ci/run starts a throwaway PostgreSQL (scripts/pg-test-server.sh) and exports it.';

export type PgTestServer = { url: string } | { skip: string } | { fail: string };

export function pgTestServer(env: Readonly<Record<string, string | undefined>>): PgTestServer {
  const url = env.CLINIC_TEST_PG_URL?.trim() ?? '';
  if (url !== '') return { url };
  return env.CI === 'true' ? { fail: PG_CI_MISSING } : { skip: PG_SKIP_REASON };
}

/** `?` placeholders numbered for PostgreSQL ($1, $2, ...), so the shared suite's SQL runs on both. */
export const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
};

export interface TestDatabase {
  url: string;
  /** A new empty schema in the test database: a store location for the shared suite. */
  location(): Promise<StoreLocation & { config: pg.PoolConfig; schema: string }>;
  drop(): Promise<void>;
}

/** A database of its own on the test server (dropped with everything in it by `drop`). */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `clinic_records_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  let schemas = 0;
  return {
    url: dbUrl,
    async location() {
      schemas += 1;
      const schema = `store_${schemas}`;
      const config: pg.PoolConfig = { connectionString: dbUrl, options: `-c search_path=${schema}`, max: 4 };
      const client = new pg.Client(config);
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.end();
      return {
        schema,
        config,
        open: (sealer = createSealer(testKey)) => openPgRecordStore({ connection: config, sealer, blindIndexKey: testKey }),
        raw: async (): Promise<RawDb> => {
          const db = new pg.Client(config);
          await db.connect();
          return {
            run: async (sql, params = []) => void (await db.query(numbered(sql), [...params])),
            all: async <T>(sql: string, params: readonly unknown[] = []) => (await db.query(numbered(sql), [...params])).rows as T[],
            dropAuditGuard: async () => void (await db.query('DROP TRIGGER audit_append_only ON audit; DROP TRIGGER audit_no_truncate ON audit')),
            dropRecordGuard: async () => void (await db.query('DROP TRIGGER IF EXISTS records_insert_only ON records')),
            storedBills: async (id) => (await db.query<{ bills: string }>('SELECT bills FROM record_bills WHERE record_id = $1 ORDER BY seq DESC LIMIT 1', [id])).rows[0]?.bills,
            replaceBills: async (id, bills) => void (await db.query('INSERT INTO record_bills (record_id, bills) VALUES ($1, $2)', [id, bills])),
            close: () => db.end(),
          };
        },
        contents: async () => {
          const db = new pg.Client(config);
          await db.connect();
          try {
            const tables = await db.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1', [schema]);
            const parts: Buffer[] = [];
            for (const { name: table } of tables.rows) {
              // bytea columns come back as the raw bytes, so plaintext in one of them would show here.
              for (const row of (await db.query(`SELECT * FROM ${schema}.${table}`)).rows as Record<string, unknown>[]) {
                for (const value of Object.values(row)) {
                  const values = Array.isArray(value) ? value : [value];
                  for (const v of values) parts.push(Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8'));
                }
              }
            }
            return Buffer.concat(parts);
          } finally {
            await db.end();
          }
        },
      };
    },
    async drop() {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
