/**
 * What happens when the app cannot start: a plain message that names the file or folder at
 * fault and says what to do, then a clean exit that lets the app be started again. Plain
 * Node; the dialog and the quitting are passed in (Electron in electron/main/index.ts,
 * stderr and process.exit in the browser preview).
 *
 * Messages carry only paths, file-system codes and error class names, never an error's own
 * message text: that can hold anything, and this module must never put patient data on
 * screen or in the log.
 */
import { isAbsolute, relative } from 'node:path';
import { fsErrorCode } from './atomic-write';
import { PolicyError } from './policy';
import { ProcedureDataError } from './procedure-catalog';

export interface StartupPaths {
  /** Folder holding templates/ and resources/ (the app root, or the asar). */
  appRoot: string;
  /** Per-user data folder (settings, draft, audit log). */
  dataDir: string;
}

export interface StartupMessage {
  title: string;
  message: string;
}

export interface StartupFailureCaps {
  /** A plain, blocking error dialog (or stderr where there is no screen). */
  showErrorBox(title: string, message: string): void;
  /** Let a new start-up take the single-instance lock. */
  releaseLock(): void;
  /** Exit now with this (non-zero) code. */
  quit(exitCode: number): void;
  /** A line for the log: class names only. */
  log(line: string): void;
}

/** The exit code of a failed start-up (the app and the browser preview alike). */
export const STARTUP_FAILURE_EXIT_CODE = 2;

const TITLE = 'Clinic Estimate & Packet could not start';
const REINSTALL = 'Reinstall Clinic Estimate & Packet. If it still does not start, ask IT for help.';
const ASK_IT_FOLDER = 'Ask IT to check that this folder exists and that your computer account can read and change it.';

/** Plain words for the file-system codes seen at start-up; the code itself is shown too. */
const CODE_WORDS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the drive is read-only',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'a folder is where a file should be',
  ENOSPC: 'the disk is full',
  EBUSY: 'another program is using it',
};

const DATA_PROBLEMS: Record<ProcedureDataError['problem'], string> = {
  unreadable: 'could not be read',
  'not-json': 'is damaged (it is not valid JSON)',
  invalid: 'is damaged (its contents are not what the app expects)',
};

interface FsFailure {
  code: string;
  path: string;
}

function fsFailure(error: unknown): FsFailure | null {
  if (!error || typeof error !== 'object' || !('code' in error) || !('path' in error)) return null;
  const { code, path } = error;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof path === 'string' ? { code, path } : null;
}

function codeText(code: string | null): string {
  if (code === null) return '';
  const words = CODE_WORDS[code];
  return words === undefined ? ` (${code})` : ` (${words}: ${code})`;
}

function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The error's class name, or "unknown error": the only part of an error that is logged. */
export function errorKind(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}

/** Turn a start-up error into a plain message naming the file or folder and what to do. */
export function describeStartupFailure(error: unknown, paths: StartupPaths): StartupMessage {
  if (error instanceof ProcedureDataError) {
    const problem = error.code === 'ENOENT' ? 'is missing' : DATA_PROBLEMS[error.problem];
    const code = error.code === 'ENOENT' ? '' : codeText(error.code);
    return { title: TITLE, message: `A file the app needs ${problem}${code}:\n${error.file}\n\n${REINSTALL}` };
  }
  if (error instanceof PolicyError) {
    const problem = error.problem === 'unreadable' ? `could not be read${codeText(error.code)}` : DATA_PROBLEMS[error.problem];
    const fields = error.issues.map((i) => `\n  ${i.path}: ${i.message}`).join('');
    if (error.part === 'configuration') {
      return {
        title: TITLE,
        message: `The clinic configuration file that IT's machine policy names for this computer ${problem}:\n${error.file}${fields}\n\nAsk IT to correct it (export it again from Settings on a computer that is set up right).`,
      };
    }
    return { title: TITLE, message: `The machine policy IT set for this computer ${problem}:\n${error.file}${fields}\n\nAsk IT to correct the policy file.` };
  }
  const fs = fsFailure(error);
  // The data folder, the folder above it, or anything in it: name the folder.
  if (fs && (isWithin(paths.dataDir, fs.path) || isWithin(fs.path, paths.dataDir))) {
    return {
      title: TITLE,
      message: `The app cannot use the folder where it keeps its settings${codeText(fs.code)}:\n${paths.dataDir}\n\n${ASK_IT_FOLDER}`,
    };
  }
  if (fs && isWithin(paths.appRoot, fs.path)) {
    return { title: TITLE, message: `The app cannot read one of its own files${codeText(fs.code)}:\n${fs.path}\n\n${REINSTALL}` };
  }
  if (fs) {
    return { title: TITLE, message: `The app cannot use this file or folder${codeText(fs.code)}:\n${fs.path}\n\nAsk IT for help.` };
  }
  const rawCode = fsErrorCode(error);
  const code = rawCode !== null && /^[A-Z0-9_]{1,40}$/.test(rawCode) ? ` ${rawCode}` : '';
  return { title: TITLE, message: `Something went wrong while the app was starting (${errorKind(error)}${code}).\n\n${REINSTALL}` };
}

/** Log the failure (class name only), show the message once, release the lock, exit non-zero. */
export function handleStartupFailure(error: unknown, paths: StartupPaths, caps: StartupFailureCaps): void {
  caps.log(`[startup] failed: ${errorKind(error)}`);
  const { title, message } = describeStartupFailure(error, paths);
  try {
    caps.showErrorBox(title, message);
  } catch (dialogError) {
    caps.log(`[startup] could not show the error dialog: ${errorKind(dialogError)}`);
  }
  try {
    caps.releaseLock();
  } catch (lockError) {
    caps.log(`[startup] could not release the single-instance lock: ${errorKind(lockError)}`);
  }
  caps.quit(STARTUP_FAILURE_EXIT_CODE);
}

/** Run every step up to the window showing; any failure goes to handleStartupFailure (null). */
export async function runStartup<T>(paths: StartupPaths, caps: StartupFailureCaps, start: () => Promise<T>): Promise<T | null> {
  try {
    return await start();
  } catch (error) {
    handleStartupFailure(error, paths, caps);
    return null;
  }
}
