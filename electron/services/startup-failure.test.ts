import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProcedureCatalog, ProcedureDataError } from './procedure-catalog';

const loadProcedureData = (templatesDir: string) => loadProcedureCatalog(templatesDir, '2026-05-15');
import {
  STARTUP_FAILURE_EXIT_CODE,
  describeStartupFailure,
  handleStartupFailure,
  runStartup,
  type StartupFailureCaps,
  type StartupPaths,
} from './startup-failure';

const repoTemplates = resolve(import.meta.dirname, '../../templates');
const paths: StartupPaths = { appRoot: '/opt/clinic/resources/app.asar', dataDir: '/home/frontdesk/.config/clinic' };
const SECRET = 'Maria Lopez 1948-07-04';

/** A copy of the shipped templates with one file changed (null deletes it). */
function templatesWith(file: string, content: string | null): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'startup-failure-')), 'templates');
  cpSync(repoTemplates, dir, { recursive: true });
  const target = join(dir, 'vertebroplasty-lumbar', file);
  if (content === null) rmSync(target);
  else writeFileSync(target, content);
  return dir;
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function fsError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${SECRET}, open '${path}'`), { code, path, syscall: 'open' });
}

interface FakeCaps extends StartupFailureCaps {
  events: string[];
  dialogs: { title: string; message: string }[];
  exitCodes: number[];
  lines: string[];
}

function fakeCaps(options: { dialogThrows?: boolean } = {}): FakeCaps {
  const caps: FakeCaps = {
    events: [],
    dialogs: [],
    exitCodes: [],
    lines: [],
    showErrorBox(title, message) {
      caps.events.push('dialog');
      if (options.dialogThrows) throw new TypeError('no display');
      caps.dialogs.push({ title, message });
    },
    releaseLock() {
      caps.events.push('release');
    },
    quit(code) {
      caps.events.push('quit');
      caps.exitCodes.push(code);
    },
    log(line) {
      caps.lines.push(line);
    },
  };
  return caps;
}

describe('describeStartupFailure', () => {
  it('names a missing procedure.json and says to reinstall', () => {
    const templates = templatesWith('procedure.json', null);
    const { title, message } = describeStartupFailure(thrownBy(() => loadProcedureData(templates)), paths);
    expect(title).toBe('Clinic Estimate & Packet could not start');
    expect(message).toContain(join(templates, 'vertebroplasty-lumbar', 'procedure.json'));
    expect(message).toMatch(/is missing/);
    expect(message).toMatch(/Reinstall Clinic Estimate & Packet.*ask IT/s);
    expect(message).not.toMatch(/no such file/);
  });

  it('names a fee-schedule.json that is not JSON, or not valid', () => {
    const broken = templatesWith('fee-schedule.json', '{ "lines": [');
    const notJson = describeStartupFailure(thrownBy(() => loadProcedureData(broken)), paths).message;
    expect(notJson).toContain(join(broken, 'vertebroplasty-lumbar', 'fee-schedule.json'));
    expect(notJson).toMatch(/not valid JSON/);

    const wrong = templatesWith('fee-schedule.json', JSON.stringify({ currency: 'EUR', lines: [] }));
    const invalid = describeStartupFailure(thrownBy(() => loadProcedureData(wrong)), paths).message;
    expect(invalid).toContain(join(wrong, 'vertebroplasty-lumbar', 'fee-schedule.json'));
    expect(invalid).toMatch(/damaged/);
    expect(invalid).not.toMatch(/currency|EUR/);
    expect(invalid).toMatch(/Reinstall/);
  });

  it('names a data file that cannot be read, with the code but not the error text', () => {
    const error = new ProcedureDataError(`Cannot read x: ${SECRET}`, { file: '/opt/clinic/templates/p/procedure.json', problem: 'unreadable', code: 'EACCES' });
    const { message } = describeStartupFailure(error, paths);
    expect(message).toContain('/opt/clinic/templates/p/procedure.json');
    expect(message).toMatch(/permission denied: EACCES/);
    expect(message).not.toContain(SECRET);
  });

  it('names the settings folder, not the file, for anything in (or above) the data folder', () => {
    for (const path of [paths.dataDir, join(paths.dataDir, 'settings.json'), join(paths.dataDir, 'printing', 'x.pdf'), '/home/frontdesk']) {
      for (const code of ['EACCES', 'ENOENT', 'EROFS', 'ENOTDIR']) {
        const { message } = describeStartupFailure(fsError(code, path), paths);
        expect(message).toMatch(/^The app cannot use the folder where it keeps its settings/);
        expect(message).toContain(`\n${paths.dataDir}\n`);
        expect(message).toContain(code);
        expect(message).toMatch(/Ask IT/);
        expect(message).not.toContain(SECRET);
      }
    }
    expect(describeStartupFailure(fsError('EROFS', paths.dataDir), paths).message).toMatch(/read-only/);
  });

  it('says to reinstall when one of the app’s own files cannot be read', () => {
    const file = join(paths.appRoot, 'resources', 'fonts', 'Roboto-Regular.ttf');
    const { message } = describeStartupFailure(fsError('ENOENT', file), paths);
    expect(message).toContain(file);
    expect(message).toMatch(/Reinstall/);
  });

  it('names any other path and asks IT', () => {
    const { message } = describeStartupFailure(fsError('ENOSPC', '/tmp/clinic-print'), paths);
    expect(message).toContain('/tmp/clinic-print');
    expect(message).toMatch(/disk is full: ENOSPC/);
    expect(message).toMatch(/Ask IT/);
  });

  it('gives an unknown error’s class name only', () => {
    class WeirdError extends Error {
      override name = 'WeirdError';
    }
    const { message } = describeStartupFailure(new WeirdError(SECRET), paths);
    expect(message).toMatch(/\(WeirdError\)/);
    expect(message).toMatch(/Reinstall/);
    expect(message).not.toContain(SECRET);
    expect(describeStartupFailure(SECRET, paths).message).not.toContain(SECRET);
    expect(describeStartupFailure(Object.assign(new Error(SECRET), { code: SECRET }), paths).message).not.toContain(SECRET);
  });
});

describe('handleStartupFailure', () => {
  it('shows the dialog once, releases the lock, then quits non-zero; the log has the class name only', () => {
    const templates = templatesWith('procedure.json', null);
    const caps = fakeCaps();
    handleStartupFailure(thrownBy(() => loadProcedureData(templates)), paths, caps);
    expect(caps.dialogs).toHaveLength(1);
    expect(caps.dialogs[0]?.message).toMatch(/procedure\.json/);
    expect(caps.dialogs[0]?.message).toMatch(/Reinstall.*ask IT/s);
    expect(caps.events).toEqual(['dialog', 'release', 'quit']);
    expect(caps.exitCodes).toEqual([STARTUP_FAILURE_EXIT_CODE]);
    expect(STARTUP_FAILURE_EXIT_CODE).not.toBe(0);
    expect(caps.lines).toEqual(['[startup] failed: ProcedureDataError']);
  });

  it('still releases the lock and quits when the dialog cannot be shown', () => {
    const caps = fakeCaps({ dialogThrows: true });
    handleStartupFailure(fsError('EACCES', paths.dataDir), paths, caps);
    expect(caps.events).toEqual(['dialog', 'release', 'quit']);
    expect(caps.lines).toEqual(['[startup] failed: Error', '[startup] could not show the error dialog: TypeError']);
  });
});

describe('runStartup', () => {
  it('returns what start-up made, and shows nothing, when it works', async () => {
    const caps = fakeCaps();
    expect(await runStartup(paths, caps, async () => 'window')).toBe('window');
    expect(caps.events).toEqual([]);
  });

  it('turns a throw or a rejection into one dialog and a quit', async () => {
    for (const start of [
      () => Promise.reject(fsError('EROFS', join(paths.dataDir, 'settings.json'))),
      async () => {
        throw new ProcedureDataError(SECRET, { file: '/x/fee-schedule.json', problem: 'not-json' });
      },
    ]) {
      const caps = fakeCaps();
      expect(await runStartup(paths, caps, start)).toBeNull();
      expect(caps.events).toEqual(['dialog', 'release', 'quit']);
      expect(caps.dialogs[0]?.message).toMatch(/settings|fee-schedule\.json/);
      expect(caps.lines.join('\n')).not.toContain(SECRET);
      expect(caps.lines.join('\n')).not.toContain('/');
    }
  });
});
