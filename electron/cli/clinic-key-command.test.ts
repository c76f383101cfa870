/** `clinic-key --out FILE` through its command function, as run-cli.test.ts runs the others. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readClinicKey } from '../services/records/clinic-key';
import { EXIT_INPUT, EXIT_OK } from './cli-types';
import { runCli } from './run-cli';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await runCli(argv, { templatesDir: '/nonexistent', io, today: () => '2026-05-15' });
  return { code, stdout, stderr };
}

describe('npm run clinic-key -- --out FILE', () => {
  it('writes a new clinic key and prints only its key id', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clinic-key-cli-')), 'clinic.key');
    const result = await cli(['clinic-key', '--out', file]);
    expect([result.code, result.stderr]).toEqual([EXIT_OK, '']);
    const { keyId, key } = await readClinicKey(file);
    expect(result.stdout).toBe(`${keyId}\n`);
    expect(result.stdout).not.toContain(key.toString('base64'));
  });

  it('exits 2 with a message, the file untouched, when the file exists', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'clinic-key-cli-')), 'clinic.key');
    writeFileSync(file, 'an earlier key');
    const result = await cli(['clinic-key', '--out', file]);
    expect(result.code).toBe(EXIT_INPUT);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/already exists\. A clinic key is never written over/);
    expect(readFileSync(file, 'utf8')).toBe('an earlier key');
  });

  it('exits 2 naming what is missing: --out, or a folder that exists', async () => {
    for (const args of [[], ['--out'], ['--out', '--force'], ['clinic.key'], ['--out', 'a.key', 'b.key']]) {
      const result = await cli(['clinic-key', ...args]);
      expect([args, result.code, result.stdout]).toEqual([args, EXIT_INPUT, '']);
      expect(result.stderr).toMatch(/--out/);
    }
    const missingFolder = join(mkdtempSync(join(tmpdir(), 'clinic-key-cli-')), 'no-such-folder', 'clinic.key');
    const result = await cli(['clinic-key', '--out', missingFolder]);
    expect(result.code).toBe(EXIT_INPUT);
    expect(result.stderr).toMatch(/could not be written .*ENOENT.*folder exists/);
  });

  it('is listed in the usage', async () => {
    expect((await cli([])).stderr).toContain('clinic-key --out <file>');
  });
});
