/**
 * scripts/pg-test-server.sh, as .ci/run uses it: `run CMD...` starts a throwaway PostgreSQL on
 * 127.0.0.1 at a free port, runs CMD with CLINIC_TEST_PG_URL set, and stops the server and
 * removes its folder afterwards, even when CMD fails (CMD's exit status is kept).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const script = join(root, 'scripts', 'pg-test-server.sh');
const installed = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'pg_ctl')));
const reason = '[pg-test-server] skipped: PostgreSQL (initdb, pg_ctl) is not installed here; .ci/run installs it';
if (!installed && process.env.CI !== 'true') console.log(reason);

// What the command run inside sees: its URL, where the server listens, its data folder; then it fails.
const probe = `
const pg = require('pg');
const client = new pg.Client({ connectionString: process.env.CLINIC_TEST_PG_URL });
client.connect()
  .then(() => client.query("SELECT current_setting('listen_addresses') AS listen, current_setting('data_directory') AS dir"))
  .then(async ({ rows }) => { console.log(JSON.stringify({ url: process.env.CLINIC_TEST_PG_URL, ...rows[0] })); await client.end(); process.exit(3); });
`;

describe.skipIf(!installed && process.env.CI !== 'true')('the throwaway PostgreSQL for tests', () => {
  it('runs a command against a fresh server on 127.0.0.1 and removes it afterwards, even when the command fails', async () => {
    const { status, stdout, stderr } = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile('bash', [script, 'run', process.execPath, '-e', probe], { cwd: root, encoding: 'utf8' }, (_error, out, err) => resolve({ status: child.exitCode, stdout: out, stderr: err }));
    });
    expect(status, stderr).toBe(3);
    const seen = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { url: string; listen: string; dir: string };
    expect(seen.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(seen.listen).toBe('127.0.0.1');
    expect(seen.dir).toMatch(/clinic-pg-test\.\w+\/data$/);
    expect(existsSync(seen.dir)).toBe(false);
    const after = new pg.Client({ connectionString: seen.url });
    await expect(after.connect()).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);
});
