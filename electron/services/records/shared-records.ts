/**
 * Opening the clinic's shared records (the machine policy's `records.store: "postgres"`, or this
 * PC's Settings → Shared records): the clinic key kept on this PC (clinic-key-store.ts: from the
 * policy's key file, or imported in Settings), the sealing and blind-index keys derived from it
 * (clinic-key.ts), this PC's database password when one is saved (records-password.ts), then
 * the PostgreSQL store at the policy's address. TLS when the policy gives
 * a certificate authority (`caFile`): the server's certificate must chain to it and name the
 * host (sslmode=verify-full); the address may not carry TLS settings of its own (core/policy.ts).
 * Every way it can fail is a plain reason naming the server or the file, never patient data
 * (the server never had any): Past estimates say it, packets are still issued.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import type { RecordsPolicy } from '../../../core/policy';
import { fsErrorCode } from '../atomic-write';
import { recordsKeys } from './clinic-key';
import { loadClinicKey } from './clinic-key-store';
import { openPgRecordStore, RecordsServerUnreachable, WrongRecordsKey } from './pg-record-store';
import type { RecordStore } from './record-store';
import { loadRecordsPassword } from './records-password';
import { RecordsNeedSetup } from './pg-schema';
import { NewerRecordsDatabase } from './records-schema';
import { createSealer, type Sealer } from './seal';
import type { SecretStoreOptions } from './wrapped-secret';

/** A store opened (with a note for Past estimates' header when it is protected less), or why not. */
export type OpenedStore = { ok: true; store: RecordStore; note?: string } | { ok: false; reason: string };

/** How long a PC waits for the server before saying it cannot be reached. */
export const CONNECT_TIMEOUT_MS = 10_000;
/**
 * How long one query may take before the server counts as not answering (a network that drops
 * packets without closing anything): a packet being issued then waits on this PC instead of
 * holding the window for ever, and Past estimates says the server cannot be reached just now.
 */
export const QUERY_TIMEOUT_MS = 15_000;

const NOT_AVAILABLE = 'Past estimates are not available; packets can still be issued.';

/** "db.clinic.local:5432": the server, as staff and IT can name it (no user, no password). */
export function serverName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port === '' ? '5432' : parsed.port}`;
  } catch {
    return 'the records server';
  }
}

const isTlsFailure = (error: unknown) => {
  const code = fsErrorCode(error) ?? '';
  return /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_)/.test(code) || (error instanceof Error && /\bSSL\b|\bTLS\b/.test(error.message));
};
const isTimeout = (error: unknown) => error instanceof Error && /timeout/i.test(error.message);
/** PostgreSQL's invalid_password and invalid_authorization_specification (pg_hba refused the login). */
const PASSWORD_REFUSED = new Set(['28P01', '28000']);

/** Why the server could not be used, in plain words naming it. */
function refusal(error: unknown, server: string, policy: RecordsPolicy, keyId: string, hasPassword: boolean): string {
  if (!hasPassword && PASSWORD_REFUSED.has(fsErrorCode(error) ?? '')) {
    return `The shared records server ${server} asks for this computer's database password. Enter it in Settings → Shared records, or ask IT. ${NOT_AVAILABLE}`;
  }
  if (PASSWORD_REFUSED.has(fsErrorCode(error) ?? '')) {
    return `The shared records server ${server} did not accept this computer's database password. Enter it again in Settings → Shared records, or ask IT. ${NOT_AVAILABLE}`;
  }
  if (error instanceof RecordsServerUnreachable || isTimeout(error)) {
    return `The shared records server ${server} could not be reached, so Past estimates are not available. Packets can still be issued; check the network, or ask IT.`;
  }
  if (error instanceof WrongRecordsKey) {
    return `The clinic key on this computer (key id ${keyId}) is not the one the shared records on ${server} were written with, so none of them can be read. Nothing was changed. ${NOT_AVAILABLE} Ask IT for the clinic's key file.`;
  }
  if (error instanceof RecordsNeedSetup) {
    return `The shared records on ${server} need setting up (or updating) by IT before this computer can use them: this computer may only read and add records, not change the database. ${NOT_AVAILABLE} Ask IT to run records-setup (npm run --silent records-setup) as the database's owner.`;
  }
  if (error instanceof NewerRecordsDatabase) {
    return `The shared records on ${server} were set up by a newer version of this app. ${NOT_AVAILABLE} Ask IT to update this computer.`;
  }
  if (policy.caFile !== undefined && isTlsFailure(error)) {
    return `The shared records server ${server} did not accept an encrypted (TLS) connection, or its certificate is not signed by the certificate authority in ${policy.caFile}. ${NOT_AVAILABLE} Ask IT.`;
  }
  const code = fsErrorCode(error);
  return `The shared records server ${server} refused this computer${code !== null && /^[A-Z0-9_]{1,40}$/.test(code) ? ` (${code})` : ''}. ${NOT_AVAILABLE} Ask IT to check the policy's address and this computer's access.`;
}

/**
 * The address with this PC's password in it, in memory only (pg lets an address's empty
 * password win over the config's `password`); the address itself may not hold one (core/policy.ts).
 * Without a saved password a random one is given: a server that asks for one then refuses it
 * cleanly (28P01), where pg would leave the login half-done until the server's time-out.
 */
function withPassword(url: string, password: string | null): string {
  const address = new URL(url);
  address.password = encodeURIComponent(password ?? randomBytes(24).toString('hex'));
  return address.toString();
}

/** The pg pool's settings for the server at `url`: the time limits, and keep-alive so an idle connection to a server that went away is noticed. */
export function connectionConfig(url: string, password: string | null): pg.PoolConfig {
  return { connectionString: withPassword(url, password), connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS, keepAlive: true };
}

/** What a PC needs to reach the shared records: the server's name, the clinic key's sealer and id, and how to connect. */
export interface SharedRecordsAccess {
  server: string;
  keyId: string;
  sealer: Sealer;
  /** For Past estimates' header when the clinic key is kept without the OS key store. */
  note?: string;
  /** Opens the PostgreSQL store; rejects when the server cannot be reached or refuses this PC. */
  connect(): Promise<RecordStore>;
  /** Why `connect` failed, in plain words naming the server. */
  refusal(error: unknown): string;
}

/** The clinic key, this PC's password and the connection settings, or why they cannot be used (nothing is sent then). */
export async function prepareSharedRecords(
  policy: RecordsPolicy,
  log: (line: string) => void,
  onThisPc: SecretStoreOptions,
): Promise<{ ok: true; access: SharedRecordsAccess } | { ok: false; reason: string }> {
  const { url, keyFile, caFile } = policy;
  if (url === undefined) return { ok: false, reason: `The records server's address is not set. ${NOT_AVAILABLE} Ask IT.` };
  const server = serverName(url);
  const clinicKey = await loadClinicKey({ ...onThisPc, ...(keyFile === undefined ? {} : { keyFile }) }, log);
  if (!clinicKey.ok) return { ok: false, reason: `${clinicKey.reason} ${NOT_AVAILABLE}` };
  const password = await loadRecordsPassword(onThisPc);
  if (!password.ok) return { ok: false, reason: `${password.reason} ${NOT_AVAILABLE}` };
  const connection = connectionConfig(url, password.password);
  if (caFile !== undefined) {
    try {
      connection.ssl = { ca: await readFile(caFile, 'utf8'), rejectUnauthorized: true };
    } catch (error) {
      return { ok: false, reason: `The certificate authority file ${caFile} named by the machine policy could not be read (${fsErrorCode(error) ?? 'error'}). ${NOT_AVAILABLE} Ask IT.` };
    }
  }
  const keys = recordsKeys(clinicKey.key.key);
  const sealer = createSealer(keys.sealingKey);
  const { keyId } = clinicKey.key;
  return {
    ok: true,
    access: {
      server,
      keyId,
      sealer,
      ...(clinicKey.protectedBy === 'none' ? { note: 'The clinic key is kept without an operating-system key store on this computer (chosen in Settings), so the records are protected less.' } : {}),
      connect: () => openPgRecordStore({ connection, sealer, blindIndexKey: keys.blindIndexKey, log }),
      refusal: (error) => refusal(error, server, policy, keyId, password.password !== null),
    },
  };
}

/** Prepares and connects at once (no waiting outbox): for tests and tools that need the store or the reason. */
export async function openSharedRecords(policy: RecordsPolicy, log: (line: string) => void, onThisPc: SecretStoreOptions): Promise<OpenedStore> {
  const prepared = await prepareSharedRecords(policy, log, onThisPc);
  if (!prepared.ok) return prepared;
  try {
    const store = await prepared.access.connect();
    return prepared.access.note === undefined ? { ok: true, store } : { ok: true, store, note: prepared.access.note };
  } catch (error) {
    log(`[records] the shared records server could not be used: ${error instanceof Error ? error.name : 'error'} ${fsErrorCode(error) ?? ''}`.trimEnd());
    return { ok: false, reason: prepared.access.refusal(error) };
  }
}
