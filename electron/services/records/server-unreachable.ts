/**
 * Is a failure of the shared records server "it cannot be reached just now" (down, restarting,
 * unplugged, the network gone, too slow to answer)? Then an issued record waits on this PC
 * (shared-queue.ts) and is sent when the server answers again. Anything else (a reference
 * taken, a wrong password, a refused certificate, a bug) is a real error and is thrown as before.
 */
import { RecordsServerUnreachable } from './pg-record-store';

/** The socket or the name lookup failed. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL's SQLSTATEs for it: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
 * connect now (starting up, shutting down), and class 08 (connection exception).
 */
const serverCodes = /^(57P0[123]|08[0-9A-Z]{3})$/;

/** What the pg client says when the connection ends under it or never comes. */
const clientMessages = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Connection terminated due to connection timeout|Query read timeout)/;

export function isServerUnreachable(error: unknown): boolean {
  if (error instanceof RecordsServerUnreachable) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (networkCodes.has(code) || serverCodes.test(code))) return true;
  if (clientMessages.test(error.message)) return true;
  // A name with several addresses (IPv4 and IPv6): every attempt failed.
  return error instanceof AggregateError && error.errors.length > 0 && error.errors.every(isServerUnreachable);
}
