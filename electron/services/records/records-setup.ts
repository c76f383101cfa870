/**
 * records-setup, for IT (issue 15, least privilege): connected as the owner of the records
 * schema, applies the migrations (pg-schema.ts), then gives the front desk's role exactly what
 * the app needs and nothing else: every earlier right on the schema's tables, functions and
 * sequences revoked first, then
 *
 * - USAGE on the schema (not CREATE: the app never creates anything once set up);
 * - SELECT, INSERT on records, audit, record_bills, record_deletions (never UPDATE, DELETE,
 *   TRUNCATE: the triggers refuse UPDATE even to the owner);
 * - SELECT on schema_migrations (to see the database is up to date);
 * - SELECT, INSERT, UPDATE (value) on meta: UPDATE to move the audit chain's head, which a
 *   trigger allows for that one row only; INSERT because the first PC to open the records
 *   notes the clinic key's check values there (records-setup has no clinic key to write them);
 * - EXECUTE on purge_records, the only way anything is removed (a deletion or the retention purge).
 *
 * Then it checks with the server's own has_*_privilege that the role cannot update, delete,
 * truncate or create after all (a superuser, the owner itself or a member of the owner could):
 * RecordsSetupProblem if it can. Nothing here carries patient data; the server never has any.
 */
import pg from 'pg';
import { migratePgRecords, pgRecordsVersion, RECORDS_TABLES, RecordsNeedSetup } from './pg-schema';

/** The set-up could not be done or checked: a plain message naming the problem, for IT. */
export class RecordsSetupProblem extends Error {
  override name = 'RecordsSetupProblem';
}

export interface RecordsSetupDone {
  schema: string;
  /** The database's version before and after. */
  from: number;
  to: number;
  role: string;
  /** The statements run to give the role its rights, in order. */
  grants: string[];
}

/** The statements that give `role` exactly the front desk's rights in `schema` (both quoted already). */
export function frontDeskGrants(schema: string, role: string): string[] {
  const tables = (names: readonly string[]) => names.map((name) => `${schema}.${name}`).join(', ');
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${role}`,
    `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${schema} FROM ${role}`,
    `REVOKE ALL ON SCHEMA ${schema} FROM ${role}`,
    `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
    `GRANT SELECT, INSERT ON ${tables(RECORDS_TABLES)} TO ${role}`,
    `GRANT SELECT ON ${schema}.schema_migrations TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE (value) ON ${schema}.meta TO ${role}`,
    `GRANT EXECUTE ON FUNCTION ${schema}.purge_records(text) TO ${role}`,
  ];
}

/** What the role must not be able to do, as the server sees its rights (through any role it is a member of). */
const FORBIDDEN = `
  SELECT t.name || ': ' || p.privilege AS what
    FROM unnest($3::text[]) AS t(name), unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(privilege)
   WHERE has_table_privilege($1, format('%I.%I', $2::text, t.name), p.privilege)
  UNION ALL
  SELECT 'meta: ' || p.privilege FROM unnest(ARRAY['DELETE', 'TRUNCATE', 'TRIGGER']) AS p(privilege)
   WHERE has_table_privilege($1, format('%I.meta', $2::text), p.privilege)
  UNION ALL
  SELECT 'schema ' || $2 || ': CREATE' WHERE has_schema_privilege($1, $2::text, 'CREATE')`;

/** Migrates the records schema the connection searches, as its owner, and gives `role` the front desk's rights. */
export async function setUpRecords(connection: string | pg.PoolConfig, role: string): Promise<RecordsSetupDone> {
  const pool = new pg.Pool(typeof connection === 'string' ? { connectionString: connection, max: 1 } : { ...connection, max: 1 });
  pool.on('error', () => undefined);
  try {
    const { rows } = await pool.query<{ schema: string | null; owner: string; exists: boolean }>(
      'SELECT current_schema() AS schema, current_user AS owner, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists',
      [role],
    );
    const found = rows[0];
    if (found?.schema == null) throw new RecordsSetupProblem('The address names no schema this user can use (its search_path is empty). Give the database owner’s address.');
    if (found.exists !== true) throw new RecordsSetupProblem(`There is no role ${role} on this server. Create it first (CREATE ROLE ${role} LOGIN ...), then run records-setup again.`);
    if (found.owner === role) throw new RecordsSetupProblem(`--grant names ${role}, the user records-setup is connected as (the owner). Give the front desk a role of its own.`);
    const schema = found.schema;
    const from = await pgRecordsVersion(pool);
    const to = await migratePgRecords(pool).catch((error: unknown) => {
      if (!(error instanceof RecordsNeedSetup)) throw error;
      throw new RecordsSetupProblem(`${found.owner}, the user records-setup is connected as, may not set up the records in schema ${schema}: connect as the owner of the records database (the role that created it).`);
    });
    const client = await pool.connect();
    const grants = frontDeskGrants(client.escapeIdentifier(schema), client.escapeIdentifier(role));
    try {
      await client.query('BEGIN');
      for (const grant of grants) await client.query(grant);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    const forbidden = (await pool.query<{ what: string }>(FORBIDDEN, [role, schema, [...RECORDS_TABLES, 'schema_migrations']])).rows.map((r) => r.what);
    if (forbidden.length > 0) {
      throw new RecordsSetupProblem(
        `The rights were given, but ${role} can still change or remove records (${forbidden.join(', ')}), through being a superuser, the owner, a member of another role or PUBLIC. Give the front desk a plain LOGIN role of its own` +
          (forbidden.some((f) => f.endsWith(': CREATE')) ? ` and take CREATE on the schema from PUBLIC (REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC)` : '') +
          ', then run records-setup again.',
      );
    }
    return { schema, from, to, role, grants };
  } finally {
    await pool.end();
  }
}
