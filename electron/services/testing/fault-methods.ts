/**
 * Real faults for tests: a file the app may not read, a folder it may not write, a full disk.
 * Each picks the realest method this machine allows and says which (tests print it):
 *
 * - permissions: run directly when not root (chmod applies); as root, run the REAL service code
 *   in a child process `node --import tsx <probe>` as user nobody (setpriv), or, when nobody
 *   cannot read the repo or node (a repo under /root), as root without CAP_DAC_OVERRIDE.
 * - full disk: a small tmpfs filled up (root where mount works); otherwise writes to
 *   /dev/full, which fail with the kernel's own ENOSPC error.
 */
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write';
import type { JsonStore } from '../settings-service';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const NOBODY = 65534;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export type PermissionMethod =
  | { kind: 'direct'; label: string }
  | { kind: 'nobody'; label: string }
  | { kind: 'root-without-dac-override'; label: string }
  | { kind: 'unavailable'; label: string };

const SETPRIV: Record<'nobody' | 'root-without-dac-override', string[]> = {
  nobody: ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'],
  'root-without-dac-override': ['setpriv', '--inh-caps=-all', '--bounding-set=-all', '--securebits=+noroot,+noroot_locked'],
};

/** The command line that runs `argv` (a program and its arguments) under the method. */
export function commandFor(method: PermissionMethod, argv: readonly string[]): string[] {
  return method.kind === 'nobody' || method.kind === 'root-without-dac-override' ? [...SETPRIV[method.kind], ...argv] : [...argv];
}

/** Does a child under `kind` start node with tsx in the repo, and get EACCES on a chmod-000 file? */
function works(kind: 'nobody' | 'root-without-dac-override'): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'fault-check-'));
  const file = join(dir, 'locked.txt');
  writeFileSync(file, 'x');
  chmodSync(file, 0o000);
  chmodSync(dir, 0o755);
  const check = `try { require('node:fs').readFileSync(${JSON.stringify(file)}); console.log('read'); } catch (e) { console.log(e.code); }`;
  const [command, ...args] = commandFor({ kind, label: '' }, [process.execPath, '--import', 'tsx', '-e', check]);
  const run = spawnSync(command ?? 'setpriv', args, { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
  rmSync(dir, { recursive: true, force: true });
  return run.status === 0 && run.stdout.trim() === 'EACCES';
}

let chosen: PermissionMethod | null = null;

/** How this machine can make a real permission fault (chosen once per test process). */
export function permissionMethod(): PermissionMethod {
  if (chosen !== null) return chosen;
  // FAULT_METHOD=root-without-dac-override tries that one even where nobody would work.
  const forced = process.env['FAULT_METHOD'];
  if (isRoot && forced === 'root-without-dac-override' && works(forced)) chosen = { kind: forced, label: 'a child process as root without CAP_DAC_OVERRIDE (setpriv, FAULT_METHOD)' };
  else if (!isRoot) chosen = { kind: 'direct', label: 'run directly (not root: chmod applies)' };
  else if (works('nobody')) chosen = { kind: 'nobody', label: 'a child process as user nobody (setpriv --reuid=65534)' };
  else if (works('root-without-dac-override')) chosen = { kind: 'root-without-dac-override', label: 'a child process as root without CAP_DAC_OVERRIDE (setpriv)' };
  else chosen = { kind: 'unavailable', label: 'none: root, and setpriv cannot drop the rights here' };
  return chosen;
}

/** A new temp folder the child of `method` may write in. */
export function faultFolder(method: PermissionMethod, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (method.kind === 'nobody') chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/** Hand a folder (made by faultFolder) and what is in it to the child's user. */
export function giveToChild(method: PermissionMethod, path: string): void {
  if (method.kind === 'nobody') chownSync(path, NOBODY, NOBODY);
}

/** Start `node --import tsx ...args` under the method, in the repo (the caller ends it). */
export function spawnNode(method: PermissionMethod, args: readonly string[]): ChildProcessWithoutNullStreams {
  const [command, ...rest] = commandFor(method, [process.execPath, '--import', 'tsx', ...args]);
  return spawn(command ?? process.execPath, rest, { cwd: repoRoot });
}

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `node --import tsx <script> ...args` under the method, in the repo. `onLine` sees each
 * line the child prints and may answer on its stdin (a test changing the file meanwhile).
 */
export function runNode(
  method: PermissionMethod,
  args: readonly string[],
  onLine?: (line: string, answer: (text: string) => void) => void,
): Promise<ChildRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawnNode(method, args);
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      try {
        for (const line of lines) onLine?.(line, (text) => child.stdin.write(text));
      } catch (error) {
        child.kill('SIGKILL');
        reject(error instanceof Error ? error : new Error('onLine failed'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolveRun({ code, stdout, stderr }));
    if (onLine === undefined) child.stdin.end();
  });
}

export interface SmallDisk {
  method: 'tmpfs' | 'dev-full';
  label: string;
  /** A new folder on the disk (tmpfs), or a plain temp folder (dev-full: write with `write`). */
  folder(name: string): string;
  /** Fill the disk up: from now on every write of data fails with ENOSPC. */
  fill(): void;
  /** Writes as the app does (atomically): on the full tmpfs the real write; else /dev/full's. */
  write(path: string, data: Uint8Array | string): Promise<void>;
  /** A settings store whose writes fail as on this full disk (the store itself for tmpfs). */
  store(open: () => JsonStore): () => JsonStore;
  release(): void;
}

/**
 * A small disk to fill up: a tmpfs of `size` when this machine lets us mount one (root, with
 * CAP_SYS_ADMIN); otherwise plain folders and writes that go to /dev/full, which fail with the
 * kernel's own ENOSPC error.
 */
export function smallDisk(size = '1m'): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'));
  let mounted = false;
  // FAULT_DISK=dev-full tries the fallback even where tmpfs would work.
  if (isRoot && process.env['FAULT_DISK'] !== 'dev-full') {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'ignore' });
      mounted = true;
    } catch {
      // mount refused (no CAP_SYS_ADMIN in this container): /dev/full below.
    }
  }
  const folder = (name: string): string => {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const release = (): void => {
    if (mounted) {
      try {
        execFileSync('umount', [dir], { stdio: 'ignore' });
      } catch {
        // Still open (a database the server holds): detached now, freed once closed.
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  if (mounted) {
    return { method: 'tmpfs', label: `a full ${size} tmpfs`, folder, fill: () => fillUp(dir), write: writeFileAtomic, store: (open) => open, release };
  }
  return {
    method: 'dev-full',
    label: 'writes to /dev/full (the kernel answers ENOSPC; no tmpfs: not root, mount refused, or FAULT_DISK=dev-full)',
    folder,
    fill: () => undefined,
    write: failingWrite,
    store: (open) => () => {
      const inner = open();
      return {
        get path() {
          return inner.path;
        },
        get store() {
          return inner.store;
        },
        set: () => writeFileSync('/dev/full', 'x'),
      };
    },
    release,
  };
}

function fillUp(dir: string): void {
  try {
    for (let i = 0; ; i += 1) writeFileSync(join(dir, `filler-${i}`), Buffer.alloc(64 * 1024, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  // The last page or so: small writes until not even one byte fits.
  try {
    for (let i = 0; ; i += 1) writeFileSync(join(dir, `filler-small-${i}`), Buffer.alloc(512, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
}

/** A write that fails as a full disk does: the kernel's ENOSPC from /dev/full. */
export function failingWrite(_path: string, data: Uint8Array | string): Promise<void> {
  return new Promise((resolveWrite, reject) => {
    try {
      writeFileSync('/dev/full', data);
      resolveWrite();
    } catch (error) {
      reject(error instanceof Error ? error : new Error('write failed'));
    }
  });
}
