/**
 * The clinic key: one 256-bit key for every PC of a clinic that shares records on the clinic's
 * PostgreSQL server (pg-record-store.ts). Made once (`npm run --silent clinic-key -- --out FILE`),
 * handed to the other PCs by IT as the key file the machine policy names. The file is small
 * JSON, `{ kind, version, keyId, key }`, written readable only by its owner and never over an
 * existing file (a second key would leave every record sealed with the first unreadable). The
 * key id (first 16 hex of the key's SHA-256) tells IT two PCs hold the same key without
 * showing it. The records' sealing key and blind-index key are derived from it (HKDF), each
 * under its own label, so neither is the clinic key itself.
 */
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { z } from 'zod';
import { fsErrorCode } from '../atomic-write';

export const CLINIC_KEY_KIND = 'clinic-estimate-packet clinic key';
const KEY_BYTES = 32;

export type ClinicKeyProblem = 'exists' | 'missing' | 'unreadable' | 'not-a-key' | 'damaged';

/** A key file that cannot be made or used; the message names the file, never the key. */
export class ClinicKeyError extends Error {
  override name = 'ClinicKeyError';
  constructor(
    readonly problem: ClinicKeyProblem,
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ClinicKey {
  key: Buffer;
  keyId: string;
}

export const clinicKeyId = (key: Uint8Array): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

const keyFileSchema = z.strictObject({ kind: z.literal(CLINIC_KEY_KIND), version: z.literal(1), keyId: z.string(), key: z.string() });

/** A key file's text: small JSON naming its kind, its id and the key (base64). */
export function clinicKeyFileText(key: Uint8Array): string {
  return `${JSON.stringify({ kind: CLINIC_KEY_KIND, version: 1, keyId: clinicKeyId(key), key: Buffer.from(key).toString('base64') }, null, 2)}\n`;
}

/** A new clinic key: 32 random bytes. */
export function newClinicKey(): ClinicKey {
  const key = randomBytes(KEY_BYTES);
  return { key, keyId: clinicKeyId(key) };
}

/** Writes a key file at `file`, owner-only; refuses (problem "exists") when anything is there already. */
export async function writeClinicKeyFile(file: string, body: string | Uint8Array): Promise<void> {
  // Written whole beside the target, then linked into place: link never replaces a file, so an
  // existing key survives, and a crash leaves no half-written key under the name.
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeFile(temp, body, { mode: 0o600, flag: 'wx' });
    await link(temp, file);
  } catch (error) {
    const code = fsErrorCode(error);
    if (code === 'EEXIST') throw new ClinicKeyError('exists', file, `${file} already exists. A clinic key is never written over: choose another file name, or keep using the key already made.`);
    throw new ClinicKeyError('unreadable', file, `The clinic key could not be written to ${file} (${code ?? 'error'}). Check that the folder exists and can be written to.`);
  } finally {
    await rm(temp, { force: true });
  }
}

/** A new clinic key at `file`; refuses (problem "exists") when anything is there already. */
export async function createClinicKey(file: string): Promise<{ keyId: string }> {
  const { key, keyId } = newClinicKey();
  await writeClinicKeyFile(file, clinicKeyFileText(key));
  return { keyId };
}

/** The clinic key in `file`, checked: its kind, its length and its id. */
export async function readClinicKey(file: string): Promise<ClinicKey> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = fsErrorCode(error);
    if (code === 'ENOENT') throw new ClinicKeyError('missing', file, `There is no clinic key file at ${file}. Ask IT to copy the clinic's key file there.`);
    throw new ClinicKeyError('unreadable', file, `The clinic key file ${file} could not be read (${code ?? 'error'}). Ask IT to check that this computer's users can read it.`);
  }
  return parseClinicKeyText(text, file);
}

/** A key file's text, checked: its kind, its length and its id; `file` names it in the message. */
export function parseClinicKeyText(text: string, file: string): ClinicKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new ClinicKeyError('not-a-key', file, `${file} is not a clinic key file (made with npm run clinic-key). Ask IT for the clinic's key file.`);
  const key = Buffer.from(parsed.data.key, 'base64');
  if (key.byteLength !== KEY_BYTES || clinicKeyId(key) !== parsed.data.keyId) {
    throw new ClinicKeyError('damaged', file, `The clinic key file ${file} is damaged (its key is cut or changed). Ask IT for a good copy of the clinic's key file.`);
  }
  return { key, keyId: parsed.data.keyId };
}

/** The records' keys from the clinic key: sealing (AES-256-GCM, audit chain) and blind index, each its own. */
export function recordsKeys(clinicKey: Uint8Array): { sealingKey: Buffer; blindIndexKey: Buffer } {
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', clinicKey, Buffer.alloc(0), label, KEY_BYTES));
  return { sealingKey: derive('clinic-estimate-packet clinic key: records sealing'), blindIndexKey: derive('clinic-estimate-packet clinic key: records blind index') };
}
