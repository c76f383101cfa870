/**
 * The browser preview's start-up, as real processes: a broken install or an unusable data
 * folder prints the app's start-up message (naming the file or folder) and exits 2; a good
 * one prints its address and stops cleanly.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultFolder, giveToChild, permissionMethod, runNode } from '../electron/services/testing/fault-methods';

const repoRoot = resolve(import.meta.dirname, '..');
const script = join(repoRoot, 'scripts', 'preview-browser.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function preview(args: string[], port = 0): Promise<Run> {
  return new Promise((resolvePromise) => {
    execFile('npx', ['tsx', script, '--port', String(port), ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A temp app root with copies of the repo's templates/ and resources/. */
function appRootCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'preview-app-root-'));
  cpSync(join(repoRoot, 'templates'), join(root, 'templates'), { recursive: true });
  cpSync(join(repoRoot, 'resources'), join(root, 'resources'), { recursive: true });
  return root;
}

describe('preview start-up failures', () => {
  it('exits 2 naming procedure.json when it is missing from the templates', async () => {
    const root = appRootCopy();
    rmSync(join(root, 'templates', 'vertebroplasty-lumbar', 'procedure.json'));
    const run = await preview(['--app-root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(root, 'templates', 'vertebroplasty-lumbar', 'procedure.json'));
    expect(run.stderr).toMatch(/Reinstall Clinic Estimate & Packet/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stdout).not.toMatch(/Preview:/);
  });

  it('exits 2 naming fee-schedule.json when it is not JSON', async () => {
    const root = appRootCopy();
    writeFileSync(join(root, 'templates', 'vertebroplasty-lumbar', 'fee-schedule.json'), '{ "lines": [');
    const run = await preview(['--app-root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(root, 'templates', 'vertebroplasty-lumbar', 'fee-schedule.json'));
  });

  it('exits 2 naming the data folder when it cannot be used (a file where the folder should be)', async () => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'preview-data-')), 'settings-here');
    writeFileSync(notAFolder, 'not a folder');
    const run = await preview(['--data-dir', notAFolder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot use the folder where it keeps its settings/);
    expect(run.stderr).toContain(`\n${notAFolder}\n`);
    expect(run.stderr).toMatch(/Ask IT/);
  });

  it('exits 2 naming the policy file and its field when --policy gives a bad policy, or none at all', async () => {
    const policy = join(mkdtempSync(join(tmpdir(), 'preview-policy-')), 'policy.json');
    writeFileSync(policy, JSON.stringify({ records: { store: 'postgres', url: 'postgres://app@db/clinic' } }));
    const bad = await preview(['--policy', policy]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`machine policy IT set for this computer is damaged (its contents are not what the app expects):\n${policy}\n  records.keyFile: `);
    expect(bad.stdout).not.toMatch(/Preview:/);
    const missing = await preview(['--policy', join(policy, '..', 'no-policy.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/could not be read \(it does not exist: ENOENT\):\n.*no-policy\.json/);
  });

  it('exits 2 (instead of hanging or crashing) when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolveListen) => taken.listen(0, '127.0.0.1', resolveListen));
    const address = taken.address();
    try {
      if (address === null || typeof address === 'string') throw new Error('no port');
      const run = await preview([], address.port);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/could not start[\s\S]*EADDRINUSE/);
    } finally {
      await new Promise((resolveClose) => taken.close(resolveClose));
    }
  });

  it('exits 2 naming the data folder when it is read-only', async (context) => {
    const method = permissionMethod();
    console.log(`[preview-startup] read-only data folder: ${method.label}`);
    if (method.kind === 'unavailable') context.skip();
    const readOnly = join(faultFolder(method, 'preview-data-'), 'read-only');
    mkdirSync(readOnly);
    giveToChild(method, readOnly);
    chmodSync(readOnly, 0o500);
    try {
      const run = await runNode(method, [script, '--port', '0', '--data-dir', readOnly]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`\n${readOnly}\n`);
    } finally {
      chmodSync(readOnly, 0o700);
    }
  });
});

describe('preview start-up', () => {
  it('prints its address and data folder, then stops with exit 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'preview-data-'));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--data-dir', dataDir], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolvePromise) => child.on('exit', (code) => resolvePromise(code)));
    await new Promise<void>((resolvePromise, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('Press Ctrl+C to stop.')) resolvePromise();
      });
      void exited.then((code) => reject(new Error(`preview exited ${String(code)} before it started: ${stderr}`)));
    });
    expect(stdout).toMatch(/^Preview: http:\/\/127\.0\.0\.1:\d+\/$/m);
    expect(stdout).toContain(`Data folder: ${dataDir}`);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});
