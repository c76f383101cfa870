/**
 * The front desk's PostgreSQL role in the tests: a LOGIN role of its own on the test server
 * (roles belong to the whole cluster, so `drop` removes it), and store locations where the
 * schema is set up by records-setup as its owner (the test server's superuser) and the store
 * opens as that role. `raw` and `contents` still reach the database with full rights, as the
 * shared suite expects.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openPgRecordStore } from '../pg-record-store';
import { setUpRecords, type RecordsSetupDone } from '../records-setup';
import { createSealer } from '../seal';
import type { TestDatabase } from './pg-test-database';
import { testKey, type StoreLocation } from './record-store-suite';

export interface FrontDeskRole {
  name: string;
  /** The role's connection to the test database, searching `schema`. */
  config(schema: string): pg.PoolConfig;
  /** The role's address for the test database, searching `schema` (as a machine policy gives it). */
  url(schema: string): string;
  /** A new schema set up by records-setup for this role; the store opens as the role. */
  location(): Promise<StoreLocation & { schema: string; config: pg.PoolConfig; owner: pg.PoolConfig; setup: RecordsSetupDone }>;
  /** A new, empty schema the owner has made; the role is given nothing in it. */
  bare(): Promise<StoreLocation & { schema: string; config: pg.PoolConfig; owner: pg.PoolConfig }>;
  drop(): Promise<void>;
}

export async function createFrontDeskRole(database: TestDatabase): Promise<FrontDeskRole> {
  const name = `clinic_frontdesk_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD '${randomBytes(12).toString('hex')}'`);
  await admin.end();
  const url = (schema: string) => {
    const address = new URL(database.url);
    address.username = name;
    address.searchParams.set('options', `-c search_path=${schema}`);
    return address.toString();
  };
  const config = (schema: string): pg.PoolConfig => ({ connectionString: url(schema), max: 4 });
  const bare = async () => {
    const owned = await database.location();
    const asRole = config(owned.schema);
    return { ...owned, owner: owned.config, config: asRole, open: (sealer = createSealer(testKey)) => openPgRecordStore({ connection: asRole, sealer, blindIndexKey: testKey }) };
  };
  return {
    name,
    config,
    url,
    bare,
    async location() {
      const location = await bare();
      const setup = await setUpRecords(location.owner, name);
      return { ...location, setup };
    },
    async drop() {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(`DROP OWNED BY ${name}`);
        await client.query(`DROP ROLE ${name}`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A front desk role for the test file (made before its tests, dropped after): call the answer inside a test. */
export function useFrontDeskRole(database: () => TestDatabase): () => FrontDeskRole {
  let role: FrontDeskRole | null = null;
  beforeAll(async () => {
    role = await createFrontDeskRole(database());
  });
  afterAll(async () => {
    await role?.drop();
  });
  return () => {
    if (role === null) throw new Error('the front desk role was not made');
    return role;
  };
}
