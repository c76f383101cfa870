/**
 * `records-setup --url postgres://OWNER@HOST:5432/DATABASE --grant ROLE`, for IT: sets up (or
 * updates) the clinic's shared records as the owner of the records schema, then gives the front
 * desk's role exactly what the app needs (services/records/records-setup.ts). The password
 * comes only from PGPASSWORD, never the command line (shell history, the process list). Prints
 * what it did; exit 1 with a plain message naming the problem when it could not; exit 2 for
 * wrong arguments.
 */
import { isUnreachable } from '../services/records/pg-record-store';
import { RecordsSetupProblem, setUpRecords, type RecordsSetupDone } from '../services/records/records-setup';
import { NewerRecordsDatabase } from '../services/records/records-schema';
import { serverName } from '../services/records/shared-records';
import { EXIT_INPUT, EXIT_OK, type CliCommand } from './cli-types';

const FORM = 'records-setup --url postgres://OWNER@HOST:5432/DATABASE --grant ROLE';
const EXIT_FAILED = 1;

const HELP = `Usage: npm run --silent ${FORM.replace('records-setup ', 'records-setup -- ')}

Sets up (or updates) the clinic's shared records on PostgreSQL, then gives the front desk's
role exactly what the app needs. Run it as the owner of the records database once when
installing, and again after each app update that changes the records database. Running it
again when nothing changed is harmless.

  --url    the records database, connected to as its owner (the schema is the first on the
           owner's search_path, usually public). TLS settings (sslmode=verify-full,
           sslrootcert=...) may be added to the address.
  --grant  the front desk's LOGIN role, the one the machine policy's records.url names.
  --help   this text.

The password is read from the PGPASSWORD environment variable only; never put it in --url.

The role may then: read and add records, bills, staff deletions and audit entries; move the
audit chain's head (meta.value); add the clinic key's check values to meta (the first PC to
open the records writes them); run purge_records, the only way records are removed (a staff
deletion or the retention purge). It may not update or delete records, bills or audit
entries, truncate tables, or create anything. Every earlier right it had on the schema is
revoked first.
`;

type Parsed = { ok: true; help: true } | { ok: true; help: false; url: string; role: string } | { ok: false; message: string };

const URL_MESSAGE = `Give the records database's address as --url postgres://OWNER@HOST:5432/DATABASE (its owner's user, no password: that goes in PGPASSWORD). Usage: ${FORM}`;

export function parseRecordsSetupArgs(args: readonly string[]): Parsed {
  if (args.includes('--help') || args.includes('-h')) return { ok: true, help: true };
  const given = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const value = args[i + 1];
    if (flag !== '--url' && flag !== '--grant') return { ok: false, message: `Unknown option ${flag}. Usage: ${FORM} (see --help).` };
    if (value === undefined || value.startsWith('--')) return { ok: false, message: flag === '--url' ? URL_MESSAGE : `Give ${flag} a value. Usage: ${FORM}` };
    given.set(flag, value);
  }
  const url = given.get('--url');
  if (url === undefined) return { ok: false, message: URL_MESSAGE };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: URL_MESSAGE };
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') return { ok: false, message: URL_MESSAGE };
  if (parsed.password !== '' || [...parsed.searchParams.keys()].some((key) => key.toLowerCase() === 'password')) {
    return { ok: false, message: 'Take the password out of --url: give it in the PGPASSWORD environment variable instead, so it is not kept in the shell history or shown in the list of processes.' };
  }
  const role = given.get('--grant');
  if (role === undefined) return { ok: false, message: `Name the front desk's role as --grant ROLE (the user in the machine policy's records.url). Usage: ${FORM}` };
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(role)) return { ok: false, message: `--grant ${role} is not a role name records-setup takes: use letters, digits and _ only, not starting with a digit.` };
  return { ok: true, help: false, url, role };
}

function describeDone(done: RecordsSetupDone, where: string): string {
  const migrated =
    done.from === done.to ? `already at version ${done.to}, nothing to migrate` : done.from === 0 ? `set up (version ${done.to})` : `updated from version ${done.from} to version ${done.to}`;
  return [
    `Records database ${where}, schema ${done.schema}: ${migrated}.`,
    `Role ${done.role} may now read and add records, bills, staff deletions and audit entries, move the audit chain's head, and remove records only through purge_records. It may not update or delete them, truncate, or create anything.`,
    'Statements run:',
    ...done.grants.map((grant) => `  ${grant};`),
    '',
  ].join('\n');
}

/** Why it could not be done, in plain words for IT (nothing of a patient: the server has none). */
function failure(error: unknown, url: URL): string | null {
  if (error instanceof RecordsSetupProblem) return error.message;
  const user = decodeURIComponent(url.username) || 'the user';
  if (error instanceof NewerRecordsDatabase) return `The records on ${serverName(url.href)} were set up by a newer version of the app than this records-setup. Run the records-setup of the newer version.`;
  if (isUnreachable(error) || (error instanceof Error && /timeout/i.test(error.message))) return `The records server ${serverName(url.href)} could not be reached. Check the address in --url, that PostgreSQL is running there, and the firewall.`;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    if (code === '28P01' || code === '28000') return `The records server ${serverName(url.href)} refused ${user}: check the password in PGPASSWORD and the server's pg_hba.conf.`;
    if (code === '3D000') return `There is no database ${url.pathname.slice(1)} on ${serverName(url.href)}. Create it first (see the README, "Least privilege"), then run records-setup again.`;
    return `The records server ${serverName(url.href)} refused records-setup (${code}: ${error instanceof Error ? error.message : 'error'}).`;
  }
  return null;
}

export const recordsSetupCommand: CliCommand = {
  usage: FORM.replace('postgres://OWNER@HOST:5432/DATABASE', '<postgres://owner@host/db>').replace('ROLE', '<role>'),
  async run(args, { io }) {
    const parsed = parseRecordsSetupArgs(args);
    if (!parsed.ok) {
      io.stderr(`${parsed.message}\n`);
      return EXIT_INPUT;
    }
    if (parsed.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const url = new URL(parsed.url);
    const where = `on ${serverName(parsed.url)}/${url.pathname.slice(1)}`;
    try {
      io.stdout(describeDone(await setUpRecords({ connectionString: parsed.url, connectionTimeoutMillis: 10_000 }, parsed.role), where));
      return EXIT_OK;
    } catch (error) {
      const message = failure(error, url);
      if (message === null) throw error;
      io.stderr(`${message}\n`);
      return EXIT_FAILED;
    }
  },
};
