import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLINIC_KEY_KIND, ClinicKeyError, createClinicKey, readClinicKey, recordsKeys } from './clinic-key';

const folder = () => mkdtempSync(join(tmpdir(), 'clinic-key-'));
async function refusal(run: () => Promise<unknown>): Promise<ClinicKeyError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ClinicKeyError)) throw new Error(`expected a ClinicKeyError, got ${String(error)}`);
  return error;
}

describe('the clinic key file', () => {
  it('is 32 random bytes in a small JSON file, readable only by its owner, named by the first 16 hex of its SHA-256', async () => {
    const file = join(folder(), 'clinic.key');
    const { keyId } = await createClinicKey(file);
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['key', 'keyId', 'kind', 'version']);
    expect([json['kind'], json['version'], json['keyId']]).toEqual([CLINIC_KEY_KIND, 1, keyId]);
    const key = Buffer.from(String(json['key']), 'base64');
    expect(key).toHaveLength(32);
    expect(keyId).toBe(createHash('sha256').update(key).digest('hex').slice(0, 16));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readClinicKey(file)).toEqual({ key, keyId });
    const other = await createClinicKey(join(folder(), 'clinic.key'));
    expect(other.keyId).not.toBe(keyId);
  });

  it('never overwrites a file that exists', async () => {
    const file = join(folder(), 'clinic.key');
    const first = await createClinicKey(file);
    const before = readFileSync(file);
    const error = await refusal(() => createClinicKey(file));
    expect(error.problem).toBe('exists');
    expect(error.message).toContain(file);
    expect(readFileSync(file)).toEqual(before);
    expect((await readClinicKey(file)).keyId).toBe(first.keyId);
    const notAKey = join(folder(), 'notes.txt');
    writeFileSync(notAKey, 'keep me');
    expect((await refusal(() => createClinicKey(notAKey))).problem).toBe('exists');
    expect(readFileSync(notAKey, 'utf8')).toBe('keep me');
  });

  it('says plainly what is wrong with a key file', async () => {
    const dir = folder();
    const put = (name: string, content: unknown) => {
      const file = join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    };
    const good = { kind: CLINIC_KEY_KIND, version: 1, keyId: '', key: Buffer.alloc(32, 7).toString('base64') };
    good.keyId = createHash('sha256').update(Buffer.alloc(32, 7)).digest('hex').slice(0, 16);
    const cases: [string, string, RegExp][] = [
      [join(dir, 'missing.key'), 'missing', /There is no clinic key file at/],
      [put('text.key', 'not json'), 'not-a-key', /not a clinic key file/],
      [put('kind.key', { ...good, kind: 'clinic-estimate-packet configuration' }), 'not-a-key', /not a clinic key file/],
      [put('short.key', { ...good, key: Buffer.alloc(16).toString('base64') }), 'damaged', /damaged/],
      [put('id.key', { ...good, keyId: '0000000000000000' }), 'damaged', /damaged/],
    ];
    for (const [file, problem, message] of cases) {
      const error = await refusal(() => readClinicKey(file));
      expect([file, error.problem]).toEqual([file, problem]);
      expect(error.message).toMatch(message);
      expect(error.message).toContain(file);
    }
    expect((await readClinicKey(put('good.key', good))).keyId).toBe(good.keyId);
  });

  it('gives the records a sealing key and a blind-index key, each derived under its own label', () => {
    const clinicKey = Buffer.alloc(32, 9);
    const keys = recordsKeys(clinicKey);
    expect(keys.sealingKey).toHaveLength(32);
    expect(keys.blindIndexKey).toHaveLength(32);
    expect(keys.sealingKey.equals(keys.blindIndexKey)).toBe(false);
    expect(keys.sealingKey.equals(clinicKey) || keys.blindIndexKey.equals(clinicKey)).toBe(false);
    expect(recordsKeys(Buffer.alloc(32, 9))).toEqual(keys);
  });
});
