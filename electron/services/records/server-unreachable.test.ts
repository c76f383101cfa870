/**
 * Which failures of the shared records server mean "it cannot be reached just now" (the record
 * waits on this PC and is sent later) and which are real errors (thrown, as before).
 */
import { describe, expect, it } from 'vitest';
import { RecordsServerUnreachable } from './pg-record-store';
import { isServerUnreachable } from './server-unreachable';

const coded = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('is the shared records server unreachable just now?', () => {
  it.each([
    ['connection refused', coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection reset', coded('ECONNRESET', 'read ECONNRESET')],
    ['a broken pipe', coded('EPIPE', 'write EPIPE')],
    ['the network timing out', coded('ETIMEDOUT')],
    ['no route to the host', coded('EHOSTUNREACH')],
    ['the name not found', coded('ENOTFOUND', 'getaddrinfo ENOTFOUND db.clinic.local')],
    ['the connection terminated', new Error('Connection terminated unexpectedly')],
    ['the connect timeout', new Error('Connection terminated due to connection timeout')],
    ['the pool timing out', new Error('timeout exceeded when trying to connect')],
    ['a client no longer queryable', new Error('Client has encountered a connection error and is not queryable')],
    ['the administrator shutting the server down (57P01)', coded('57P01', 'terminating connection due to administrator command')],
    ['the server crashing (57P02)', coded('57P02')],
    ['the server still starting (57P03)', coded('57P03', 'the database system is starting up')],
    ['a connection failure (08006)', coded('08006')],
    ['the store saying so', new RecordsServerUnreachable('The shared records server could not be reached')],
    ['both addresses of a name refused', Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], ''), { code: 'ECONNREFUSED' })],
  ])('yes: %s', (_, error) => {
    expect(isServerUnreachable(error)).toBe(true);
  });

  it.each([
    ['a unique reference taken (23505)', coded('23505', 'duplicate key value violates unique constraint')],
    ['a missing table (42P01)', coded('42P01', 'relation "records" does not exist')],
    ['a wrong password (28P01)', coded('28P01', 'password authentication failed')],
    ['a permission refused (42501)', coded('42501', 'permission denied for table records')],
    ['a TLS certificate refused', coded('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain')],
    ['a programming error', new TypeError('Cannot read properties of undefined')],
    ['a thrown string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('no: %s', (_, error) => {
    expect(isServerUnreachable(error)).toBe(false);
  });
});
