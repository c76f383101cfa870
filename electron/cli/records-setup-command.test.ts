/**
 * `records-setup --url postgres://owner@host/db --grant ROLE` for IT: its help and argument
 * messages from a real process (`tsx electron/cli.ts`), then, on the test server
 * (CLINIC_TEST_PG_URL), the set-up itself: migrated, the role given exactly its rights, run
 * again harmlessly, and every refusal a plain message naming the problem, exit 1.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useFrontDeskRole } from '../services/records/testing/pg-least-privilege';
import { pgTestDatabase } from '../services/records/testing/pg-test-suite';
import { EXIT_INPUT, EXIT_OK } from './cli-types';
import { runCli } from './run-cli';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The CLI as IT runs it: a process of its own, the password only in the environment. */
function processRun(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(join(repoRoot, 'node_modules/.bin/tsx'), [join(repoRoot, 'electron/cli.ts'), 'records-setup', ...args], { cwd: repoRoot, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await runCli(['records-setup', ...args], { templatesDir: '/nonexistent', io, today: () => '2026-11-02' });
  return { code, stdout, stderr };
}

describe('npm run records-setup', { timeout: 60_000 }, () => {
  it('explains itself with --help, and names what is missing', async () => {
    const help = await processRun(['--help']);
    expect([help.code, help.stderr]).toEqual([EXIT_OK, '']);
    expect(help.stdout).toContain('npm run --silent records-setup -- --url postgres://OWNER@HOST:5432/DATABASE --grant ROLE');
    expect(help.stdout).toMatch(/PGPASSWORD/);
    expect(help.stdout).toMatch(/purge_records/);
    const missing = await processRun(['--grant', 'clinic_frontdesk']);
    expect([missing.code, missing.stdout]).toEqual([EXIT_INPUT, '']);
    expect(missing.stderr).toMatch(/^Give the records database's address as --url postgres:\/\/OWNER@HOST:5432\/DATABASE/);
  });

  it('refuses a password on the command line, a missing --grant, and anything it does not know', async () => {
    const cases: [string[], RegExp][] = [
      [['--url', 'postgres://owner:secret@db.clinic.local/clinic', '--grant', 'frontdesk'], /password.*PGPASSWORD/],
      [['--url', 'postgres://owner@db.clinic.local/clinic?password=secret', '--grant', 'frontdesk'], /password.*PGPASSWORD/],
      [['--url', 'postgres://owner@db.clinic.local/clinic'], /--grant ROLE/],
      [['--url', 'https://db.clinic.local/clinic', '--grant', 'frontdesk'], /--url postgres:\/\/OWNER@HOST:5432\/DATABASE/],
      [['--url', 'postgres://owner@db.clinic.local/clinic', '--grant', 'front desk; DROP'], /--grant .*letters, digits and _/],
      [['--url', 'postgres://owner@db.clinic.local/clinic', '--grant', 'frontdesk', '--password', 'x'], /Unknown option --password/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect([args, result.code, result.stdout]).toEqual([args, EXIT_INPUT, '']);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toContain('secret');
    }
  });

  it('says plainly when the server cannot be reached', async () => {
    const result = await cli(['--url', 'postgres://owner@127.0.0.1:1/clinic', '--grant', 'frontdesk']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The records server 127\.0\.0\.1:1 could not be reached/);
  });
});

const db = pgTestDatabase('records-setup (PostgreSQL)', process.env);
if (db !== null) {
  const frontDesk = useFrontDeskRole(db);
  /** The owner's address (the test server's superuser) searching `schema`. */
  const ownerUrl = (schema: string) => {
    const url = new URL(db().url);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  };

  describe('records-setup on a server (PostgreSQL)', { timeout: 60_000 }, () => {
    it('sets up the records, gives the role exactly its rights, says what it did, and can be run again', async () => {
      const { schema } = await frontDesk().bare();
      const first = await processRun(['--url', ownerUrl(schema), '--grant', frontDesk().name], { PGPASSWORD: 'unused-with-trust' });
      expect([first.code, first.stderr]).toEqual([EXIT_OK, '']);
      expect(first.stdout).toContain(`schema ${schema}: set up (version 2)`);
      expect(first.stdout).toContain(`Role ${frontDesk().name} may now read and add records`);
      expect(first.stdout).toContain(`GRANT EXECUTE ON FUNCTION "${schema}".purge_records(text) TO "${frontDesk().name}"`);
      const client = new pg.Client({ connectionString: db().url });
      await client.connect();
      const rights = await client.query<{ table_name: string; privilege_type: string }>(
        'SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = $1 AND table_schema = $2 ORDER BY 1, 2',
        [frontDesk().name, schema],
      );
      const columns = await client.query<{ table_name: string; column_name: string; privilege_type: string }>(
        "SELECT table_name, column_name, privilege_type FROM information_schema.column_privileges WHERE grantee = $1 AND table_schema = $2 AND privilege_type = 'UPDATE'",
        [frontDesk().name, schema],
      );
      await client.end();
      expect(rights.rows.map((r) => `${r.table_name} ${r.privilege_type}`)).toEqual([
        'audit INSERT',
        'audit SELECT',
        'meta INSERT',
        'meta SELECT',
        'record_bills INSERT',
        'record_bills SELECT',
        'record_deletions INSERT',
        'record_deletions SELECT',
        'records INSERT',
        'records SELECT',
        'schema_migrations SELECT',
      ]);
      expect(columns.rows.map((r) => `${r.table_name}.${r.column_name}`)).toEqual(['meta.value']);
      const again = await cli(['--url', ownerUrl(schema), '--grant', frontDesk().name]);
      expect([again.code, again.stderr]).toEqual([EXIT_OK, '']);
      expect(again.stdout).toContain(`schema ${schema}: already at version 2, nothing to migrate`);
    });

    it('refuses, exit 1, naming the problem: a role that does not exist, the owner itself, a superuser', async () => {
      const { schema } = await frontDesk().bare();
      const cases: [string, RegExp][] = [
        ['clinic_nobody', /^There is no role clinic_nobody on this server\. Create it first/],
        ['postgres', /^--grant names postgres, the user records-setup is connected as/],
      ];
      for (const [grant, message] of cases) {
        const result = await cli(['--url', ownerUrl(schema), '--grant', grant]);
        expect([grant, result.code, result.stdout]).toEqual([grant, 1, '']);
        expect(result.stderr).toMatch(message);
      }
      // A superuser as the front desk could change anything: the rights are given, and refused as not enough.
      const client = new pg.Client({ connectionString: db().url });
      await client.connect();
      await client.query(`CREATE ROLE ${frontDesk().name}_super SUPERUSER`);
      await client.end();
      try {
        const result = await cli(['--url', ownerUrl(schema), '--grant', `${frontDesk().name}_super`]);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/can still change or remove records \(records: UPDATE, .*\).*Give the front desk a plain LOGIN role of its own/);
      } finally {
        const cleanup = new pg.Client({ connectionString: db().url });
        await cleanup.connect();
        await cleanup.query(`DROP OWNED BY ${frontDesk().name}_super`);
        await cleanup.query(`DROP ROLE ${frontDesk().name}_super`);
        await cleanup.end();
      }
    });

    it('refuses, exit 1, when the user in --url is not the owner', async () => {
      const { schema } = await frontDesk().bare();
      const client = new pg.Client({ connectionString: db().url });
      await client.connect();
      await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${frontDesk().name}`);
      await client.end();
      const result = await cli(['--url', frontDesk().url(schema), '--grant', 'postgres']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^${frontDesk().name}, the user records-setup is connected as, may not set up the records in schema ${schema}: connect as the owner`));
    });
  });
}
