import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWritableFolder } from './atomic-write';
import { faultFolder, giveToChild, permissionMethod, runNode, type PermissionMethod } from './testing/fault-methods';


/** assertWritableFolder in a child process under the permission method: the error code it threw. */
async function childCode(method: PermissionMethod, dir: string): Promise<string> {
  const script = `const m = await import(${JSON.stringify(join(import.meta.dirname, 'atomic-write.ts'))}); try { m.assertWritableFolder(${JSON.stringify(dir)}); console.log('ok'); } catch (e) { console.log(e.code); }`;
  const run = await runNode(method, ['--input-type=module', '-e', script]);
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

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

  it('throws EACCES for a read-only folder', async (context) => {
    const method = permissionMethod();
    console.log(`[atomic-write] read-only folder: ${method.label}`);
    if (method.kind === 'unavailable') context.skip();
    const dir = join(faultFolder(method, 'writable-'), 'read-only');
    mkdirSync(dir);
    giveToChild(method, dir);
    chmodSync(dir, 0o500);
    try {
      const code = method.kind === 'direct' ? thrownBy(() => assertWritableFolder(dir)).code : await childCode(method, dir);
      expect(code).toBe('EACCES');
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
