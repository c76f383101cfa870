/**
 * The PostgreSQL tests' frame, shared by every file that needs the server: with
 * CLINIC_TEST_PG_URL, a database of the file's own (made before, dropped after); without it,
 * a skip with the reason printed, or in CI one failing test (see pg-test-database.ts).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestDatabase, pgTestServer, type TestDatabase } from './pg-test-database';

/** The file's test database (call inside a test), or null when the tests that need it are not run. */
export function pgTestDatabase(name: string, env: Readonly<Record<string, string | undefined>>): (() => TestDatabase) | null {
  const server = pgTestServer(env);
  if ('fail' in server) {
    describe(name, () => {
      it('runs in CI', () => {
        throw new Error(server.fail);
      });
    });
    return null;
  }
  if ('skip' in server) {
    console.log(server.skip);
    describe.skip(`${name}: ${server.skip}`, () => {
      it('needs a server', () => undefined);
    });
    return null;
  }
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    database = await createTestDatabase(server.url);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return () => {
    if (database === null) throw new Error('the test database was not made');
    return database;
  };
}
