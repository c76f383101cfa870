/**
 * The clinic key kept on each PC wrapped by the OS key store (clinic.key.bin in the data
 * folder): taken from the policy's key file at the first start, or when IT gives a new one;
 * used alone once IT has removed the file; refused without a key store unless the clinic opted in.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClinicKey, readClinicKey } from './clinic-key';
import { keepClinicKey, keptClinicKeyId, loadClinicKey, WRAPPED_CLINIC_KEY_FILE } from './clinic-key-store';
import { testCipher } from './testing/test-cipher';

const folder = (name: string) => mkdtempSync(join(tmpdir(), `clinic-key-store-${name}-`));

async function setUp() {
  const dataDir = folder('data');
  const keyFile = join(folder('it'), 'clinic.key');
  const { keyId } = await createClinicKey(keyFile);
  return { dataDir, keyFile, keyId, options: { dataDir, cipher: testCipher(), keepWithoutKeyStore: false } };
}

describe('the clinic key kept on this computer', () => {
  it('is taken from the key file at the first start and kept wrapped, with none of its bytes in clear', async () => {
    const { dataDir, keyFile, keyId, options } = await setUp();
    const { key } = await readClinicKey(keyFile);
    const loaded = await loadClinicKey({ ...options, keyFile });
    expect(loaded).toEqual({ ok: true, key: { key, keyId }, protectedBy: 'os' });
    const wrapped = readFileSync(join(dataDir, WRAPPED_CLINIC_KEY_FILE));
    for (const clear of [key, Buffer.from(key.toString('base64')), Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64url'))]) {
      expect(wrapped.includes(clear)).toBe(false);
    }
    expect(await keptClinicKeyId(options)).toBe(keyId);
  });

  it('is used alone once IT removed the key file (or it cannot be read)', async () => {
    const { keyFile, keyId, options } = await setUp();
    expect((await loadClinicKey({ ...options, keyFile })).ok).toBe(true);
    rmSync(keyFile);
    const loaded = await loadClinicKey({ ...options, keyFile });
    expect(loaded.ok && loaded.key.keyId).toBe(keyId);
    // Without a policy key file at all (Settings -> Shared records), the kept key is the only source.
    const alone = await loadClinicKey(options);
    expect(alone.ok && alone.key.keyId).toBe(keyId);
  });

  it('is replaced when the key file holds another key (IT rotated it)', async () => {
    const { keyFile, keyId, options } = await setUp();
    await loadClinicKey({ ...options, keyFile });
    rmSync(keyFile);
    const { keyId: rotated } = await createClinicKey(keyFile);
    expect(rotated).not.toBe(keyId);
    const loaded = await loadClinicKey({ ...options, keyFile });
    expect(loaded.ok && loaded.key.keyId).toBe(rotated);
    rmSync(keyFile);
    const later = await loadClinicKey(options);
    expect(later.ok && later.key.keyId).toBe(rotated);
  });

  it('is refused, said plainly, where the OS has no key store, unless the clinic opted in (then kept, said as protected less)', async () => {
    const { dataDir, keyFile, keyId, options } = await setUp();
    const refused = await loadClinicKey({ ...options, cipher: testCipher(true), keyFile });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toMatch(/no operating-system key store.*Settings → Records and privacy/);
    expect(existsSync(join(dataDir, WRAPPED_CLINIC_KEY_FILE))).toBe(false);
    const kept = await loadClinicKey({ ...options, cipher: testCipher(true), keepWithoutKeyStore: true, keyFile });
    expect(kept.ok && [kept.key.keyId, kept.protectedBy]).toEqual([keyId, 'none']);
    // Kept unwrapped by the opt-in: without it, that copy is not used.
    rmSync(keyFile);
    const withoutOptIn = await loadClinicKey({ ...options, cipher: testCipher(true) });
    expect(!withoutOptIn.ok && withoutOptIn.reason).toMatch(/no operating-system key store/);
  });

  it('says what to do when there is no key on this computer, or the key store cannot open it; names the file when the key file is no key', async () => {
    const { dataDir, keyFile, options } = await setUp();
    const none = await loadClinicKey(options);
    expect(!none.ok && none.reason).toMatch(/no clinic key on this computer.*Settings → Shared records/i);
    await loadClinicKey({ ...options, keyFile });
    const otherUser = await loadClinicKey({ ...options, cipher: { ...testCipher(), decrypt: () => Promise.reject(new Error('cannot decrypt')) } });
    expect(!otherUser.ok && otherUser.reason).toMatch(/clinic key kept on this computer cannot be read.*Settings → Shared records/);
    writeFileSync(keyFile, 'not a key');
    const damaged = await loadClinicKey({ ...options, keyFile });
    expect(!damaged.ok && damaged.reason).toContain(`${keyFile} is not a clinic key file`);
    expect(readFileSync(join(dataDir, WRAPPED_CLINIC_KEY_FILE)).length).toBeGreaterThan(0);
  });

  it('keeps a key given in Settings (imported or made), replacing the one kept before', async () => {
    const { keyFile, options } = await setUp();
    const first = await readClinicKey(keyFile);
    expect(await keepClinicKey(options, first)).toEqual({ ok: true, protectedBy: 'os' });
    expect(await keptClinicKeyId(options)).toBe(first.keyId);
    const secondFile = join(folder('it'), 'clinic.key');
    const second = await readClinicKey((await createClinicKey(secondFile), secondFile));
    await keepClinicKey(options, second);
    const loaded = await loadClinicKey(options);
    expect(loaded.ok && loaded.key).toEqual(second);
    const refused = await keepClinicKey({ ...options, cipher: testCipher(true) }, first);
    expect(!refused.ok && refused.reason).toMatch(/no operating-system key store/);
    expect(await keptClinicKeyId(options)).toBe(second.keyId);
  });
});
