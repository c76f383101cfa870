import type { Cipher } from '../../draft-store';

/** A stand-in for the OS key store: reversible, or refusing like Linux without a keyring. */
export const testCipher = (refuse = false): Cipher => ({
  encrypt: async (plain) => {
    if (refuse) throw new Error('encryption unavailable');
    return Buffer.from(`test-os:${Buffer.from(plain).toString('base64')}`);
  },
  decrypt: async (sealed) => {
    const text = Buffer.from(sealed).toString('utf8');
    if (refuse || !text.startsWith('test-os:')) throw new Error('cannot decrypt');
    return Buffer.from(text.slice(8), 'base64').toString('utf8');
  },
});
