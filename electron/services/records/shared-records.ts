/**
 * Opening the clinic's shared records (the machine policy's `records.store: "postgres"`): the
 * clinic key from the policy's key file, the sealing and blind-index keys derived from it
 * (clinic-key.ts), then the PostgreSQL store at the policy's address. TLS when the policy gives
 * a certificate authority (`caFile`): the server's certificate must chain to it and name the
 * host (sslmode=verify-full); the address may not carry TLS settings of its own (core/policy.ts).
 * Every way it can fail is a plain reason naming the server or the file, never patient data
 * (the server never had any): Past estimates say it, packets are still issued.
 */
import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import type { RecordsPolicy } from '../../../core/policy';
import { fsErrorCode } from '../atomic-write';
import { ClinicKeyError, readClinicKey, recordsKeys } from './clinic-key';
import { openPgRecordStore, RecordsServerUnreachable, WrongRecordsKey } from './pg-record-store';
import { RecordsNeedSetup } from './pg-schema';
import type { RecordStore } from './record-store';
import { NewerRecordsDatabase } from './records-schema';
import { createSealer, type Sealer } from './seal';

/** A store opened (with a note for Past estimates' header when it is protected less), or why not. */
export type OpenedStore = { ok: true; store: RecordStore; note?: string } | { ok: false; reason: string };

/** How long a PC waits for the server before saying it cannot be reached. */
export const CONNECT_TIMEOUT_MS = 10_000;

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

/** Why the server could not be used, in plain words naming it. */
function refusal(error: unknown, server: string, policy: RecordsPolicy, keyId: string): string {
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

/** What a PC needs to reach the shared records: the server's name, the clinic key's sealer and id, and how to connect. */
export interface SharedRecordsAccess {
  server: string;
  keyId: string;
  sealer: Sealer;
  /** Opens the PostgreSQL store; rejects when the server cannot be reached or refuses this PC. */
  connect(): Promise<RecordStore>;
  /** Why `connect` failed, in plain words naming the server. */
  refusal(error: unknown): string;
}

/** The clinic key and the connection settings from the policy, or why they cannot be used (nothing is sent then). */
export async function prepareSharedRecords(policy: RecordsPolicy, log: (line: string) => void): Promise<{ ok: true; access: SharedRecordsAccess } | { ok: false; reason: string }> {
  const { url, keyFile, caFile } = policy;
  if (url === undefined || keyFile === undefined) return { ok: false, reason: `The machine policy does not name the records server and the clinic key file. ${NOT_AVAILABLE} Ask IT.` };
  const server = serverName(url);
  let clinicKey: Awaited<ReturnType<typeof readClinicKey>>;
  try {
    clinicKey = await readClinicKey(keyFile);
  } catch (error) {
    if (!(error instanceof ClinicKeyError)) throw error;
    log(`[records] the clinic key file could not be used: ${error.problem}`);
    return { ok: false, reason: `${error.message} ${NOT_AVAILABLE}` };
  }
  const connection: pg.PoolConfig = { connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
  if (caFile !== undefined) {
    try {
      connection.ssl = { ca: await readFile(caFile, 'utf8'), rejectUnauthorized: true };
    } catch (error) {
      return { ok: false, reason: `The certificate authority file ${caFile} named by the machine policy could not be read (${fsErrorCode(error) ?? 'error'}). ${NOT_AVAILABLE} Ask IT.` };
    }
  }
  const keys = recordsKeys(clinicKey.key);
  const sealer = createSealer(keys.sealingKey);
  return {
    ok: true,
    access: {
      server,
      keyId: clinicKey.keyId,
      sealer,
      connect: () => openPgRecordStore({ connection, sealer, blindIndexKey: keys.blindIndexKey, log }),
      refusal: (error) => refusal(error, server, policy, clinicKey.keyId),
    },
  };
}
