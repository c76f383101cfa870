/**
 * The PostgreSQL server a bench section uses: CLINIC_TEST_PG_URL when it is set, otherwise a
 * throwaway cluster of its own from scripts/pg-test-server.sh (started here, stopped by `stop`),
 * with a fresh database made for the run and dropped afterwards. Where PostgreSQL is not
 * installed (or will not start) the reason is returned, in one line, instead.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../pg-test-server.sh', import.meta.url));

/** `pg-test-server.sh start`'s output (what `eval` would set): the server's address and its folder, or null. */
export function parseServerStart(stdout: string): { url: string; dir: string } | null {
  const vars = new Map(
    stdout
      .split('\n')
      .map((line) => /^(CLINIC_TEST_PG_URL|CLINIC_TEST_PG_DIR)=(.+)$/.exec(line.trim()))
      .flatMap((m) => (m === null ? [] : [[m[1], m[2]] as const])),
  );
  const url = vars.get('CLINIC_TEST_PG_URL');
  const dir = vars.get('CLINIC_TEST_PG_DIR');
  return url === undefined || dir === undefined ? null : { url, dir };
}

/** The last line a failed command wrote, or its message: why the server is not there. */
const lastLine = (error: unknown) => {
  const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
  return stderr === '' ? (error instanceof Error ? error.message : 'failed') : (stderr.split('\n').at(-1) ?? '');
};

export interface BenchDatabase {
  /** The run's own database. */
  url: string;
  /** Drops the database and stops the server if it was started here. */
  close(): Promise<void>;
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on the test server (one started here when CLINIC_TEST_PG_URL is not set), or why there is none. */
export async function benchDatabase(env: Readonly<Record<string, string | undefined>>): Promise<BenchDatabase | { unavailable: string }> {
  let serverUrl = env.CLINIC_TEST_PG_URL?.trim() ?? '';
  let stopServer = async () => undefined;
  if (serverUrl === '') {
    let started: { url: string; dir: string } | null;
    try {
      started = parseServerStart((await run('bash', [script, 'start'], { maxBuffer: 1 << 20 })).stdout);
    } catch (error) {
      return { unavailable: `no PostgreSQL: CLINIC_TEST_PG_URL is not set and scripts/pg-test-server.sh could not start one (${lastLine(error)})` };
    }
    if (started === null) return { unavailable: 'no PostgreSQL: scripts/pg-test-server.sh start printed no CLINIC_TEST_PG_URL' };
    const { dir } = started;
    serverUrl = started.url;
    stopServer = async () => void (await run('bash', [script, 'stop', dir]));
  }
  const name = `clinic_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin(serverUrl, `CREATE DATABASE ${name}`);
  } catch (error) {
    await stopServer();
    return { unavailable: `the PostgreSQL server at CLINIC_TEST_PG_URL could not be used (${error instanceof Error ? error.message : 'error'})` };
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async close() {
      try {
        await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await stopServer();
      }
    },
  };
}
