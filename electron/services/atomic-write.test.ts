import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWritableFolder } from './atomic-write';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function thrownBy(run: () => unknown): NodeJS.ErrnoException {
  try {
    run();
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  throw new Error('expected a throw');
}

describe('assertWritableFolder', () => {
  it('passes in a writable folder and leaves nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'writable-'));
    assertWritableFolder(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('throws the file system error, with a path in the folder, when the folder is a file', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'writable-')), 'a-file');
    writeFileSync(dir, 'x');
    const error = thrownBy(() => assertWritableFolder(dir));
    expect(error.code).toBe('ENOTDIR');
    expect(error.path?.startsWith(`${dir}/`)).toBe(true);
  });

  it('throws ENOENT for a folder that does not exist', () => {
    expect(thrownBy(() => assertWritableFolder(join(tmpdir(), 'no-such-folder-for-writable', 'x'))).code).toBe('ENOENT');
  });

  if (isRoot) console.log('[atomic-write] the read-only folder case is skipped: root may write to any folder.');
  it.skipIf(isRoot)('throws EACCES for a read-only folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'writable-')), 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    try {
      expect(thrownBy(() => assertWritableFolder(dir)).code).toBe('EACCES');
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
