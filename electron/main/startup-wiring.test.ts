/**
 * electron/main/index.ts with a stand-in `electron` module (no Electron binary needed): a
 * start-up that fails before the window shows must show one error dialog naming the file
 * or folder, release the single-instance lock and exit non-zero, logging class names only.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  /** Any property, call or `new` gives another no-op (never a thenable). */
  const anything = (): object =>
    new Proxy(function noop() {}, {
      get: (_target, key) => (key === 'then' ? undefined : anything()),
      apply: () => anything(),
      construct: () => anything(),
    });
  const state = {
    appRoot: '',
    dataDir: '',
    events: [] as string[],
    dialogs: [] as { title: string; content: string }[],
    exited: Promise.resolve(0),
    onExit: (_code: number): void => undefined,
  };
  const reset = (appRoot: string, dataDir: string): void => {
    Object.assign(state, { appRoot, dataDir, events: [], dialogs: [] });
    state.exited = new Promise<number>((resolveExit) => {
      state.onExit = resolveExit;
    });
  };
  const electron = {
    app: {
      isPackaged: false,
      setPath: () => undefined,
      getPath: () => state.dataDir,
      getAppPath: () => state.appRoot,
      requestSingleInstanceLock: () => (state.events.push('lock'), true),
      releaseSingleInstanceLock: () => void state.events.push('release'),
      exit: (code: number) => {
        state.events.push(`exit ${code}`);
        state.onExit(code);
      },
      quit: () => void state.events.push('quit'),
      on: () => undefined,
      whenReady: () => Promise.resolve(),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => {
        state.events.push('dialog');
        state.dialogs.push({ title, content });
      },
    },
    BrowserWindow: new Proxy(function BrowserWindow() {}, {
      construct: () => (state.events.push('window'), anything()),
      get: () => anything(),
    }),
    protocol: anything(),
    session: anything(),
    Menu: anything(),
    screen: anything(),
    safeStorage: anything(),
    powerMonitor: anything(),
    ipcMain: anything(),
  };
  return { state, reset, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('electron-store', () => ({
  default: class {
    path = '';
    store: Record<string, unknown> = {};
    set(): void {}
  },
}));

const repoRoot = resolve(import.meta.dirname, '../..');
let listenersBefore: { uncaught: NodeJS.UncaughtExceptionListener[]; rejection: NodeJS.UnhandledRejectionListener[] };
let logged: string[];

/** A temp app root with the repo's templates/ and resources/, minus `remove` (relative to it). */
function appRoot(remove?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'startup-wiring-'));
  cpSync(join(repoRoot, 'templates'), join(root, 'templates'), { recursive: true });
  cpSync(join(repoRoot, 'resources'), join(root, 'resources'), { recursive: true });
  if (remove) rmSync(join(root, remove));
  return root;
}

/** Run index.ts's start-up to its exit; the exit code (-1: an unhandled error was only logged). */
async function start(root: string, dataDir: string): Promise<number> {
  fake.reset(root, dataDir);
  vi.resetModules();
  await import('./index');
  return fake.state.exited;
}

beforeEach(() => {
  listenersBefore = { uncaught: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
  logged = [];
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
    logged.push(String(line));
    // The old, silent way out (logged and left running): settle at once instead of timing out.
    if (/^\[main\] (unhandled|uncaught)/.test(String(line))) fake.state.onExit(-1);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  // index.ts adds its own process handlers; take back only those.
  for (const listener of process.listeners('uncaughtException')) {
    if (!listenersBefore.uncaught.includes(listener)) process.off('uncaughtException', listener);
  }
  for (const listener of process.listeners('unhandledRejection')) {
    if (!listenersBefore.rejection.includes(listener)) process.off('unhandledRejection', listener);
  }
});

describe('Electron start-up failure', () => {
  it('a missing procedure.json: one dialog naming it, the lock released, exit 2, no window', async () => {
    const root = appRoot('templates/vertebroplasty-lumbar/procedure.json');
    const code = await start(root, mkdtempSync(join(tmpdir(), 'startup-wiring-data-')));
    expect(code).toBe(2);
    expect(fake.state.events).toEqual(['lock', 'dialog', 'release', 'exit 2']);
    expect(fake.state.dialogs).toHaveLength(1);
    expect(fake.state.dialogs[0]?.title).toBe('Clinic Estimate & Packet could not start');
    expect(fake.state.dialogs[0]?.content).toContain(join(root, 'templates', 'vertebroplasty-lumbar', 'procedure.json'));
    expect(fake.state.dialogs[0]?.content).toMatch(/Reinstall Clinic Estimate & Packet.*ask IT/s);
    expect(logged).toEqual(['[startup] failed: ProcedureDataError']);
  });

  it('an unusable settings folder: the dialog names the folder and says to ask IT', async () => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'startup-wiring-data-')), 'user-data');
    writeFileSync(notAFolder, 'a file where the folder should be');
    const code = await start(appRoot(), notAFolder);
    expect(code).toBe(2);
    expect(fake.state.events).toEqual(['lock', 'dialog', 'release', 'exit 2']);
    expect(fake.state.dialogs[0]?.content).toContain(`\n${notAFolder}\n`);
    expect(fake.state.dialogs[0]?.content).toMatch(/Ask IT/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^\[startup\] failed: \w+$/);
  });
});
