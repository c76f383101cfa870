/**
 * Electronegativity (the Electron security scanner) over the app's sources, in `npm test`:
 * no finding above LOW unless an `// eng-disable CHECK_NAME <reason>` on its line (or the
 * line above) says why. Offline and time-boxed (scripts/electronegativity-scan.ts).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engDisableProblems, failingFindings, justification, parseEngDisable } from './electronegativity-report';

const root = resolve(import.meta.dirname, '..');
/** The app's code: main, preload and IPC (electron/), and the renderer's page and sources. */
const SCANNED = ['electron', 'renderer'];
const SCAN_TIMEOUT_MS = 150_000;

const sarifWith = (results: { check: string; line: number; severity?: string; file?: string }[], errors: string[] = []) => ({
  version: '2.1.0',
  runs: [
    {
      results: results.map((r) => ({
        ruleId: r.check,
        level: 'warning',
        properties: r.severity === undefined ? {} : { severity: r.severity },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.file ?? 'main/window.ts' }, region: { startLine: r.line } } }],
      })),
      invocations: [{ toolExecutionNotifications: errors.map((text) => ({ level: 'error', message: { text } })) }],
    },
  ],
});

const source = [
  'const a = new BrowserWindow({}); // eng-disable AUXCLICK_JS_CHECK middle-click is refused by the window-open handler',
  'const b = new BrowserWindow({});',
  '// eng-disable PRELOAD_JS_CHECK the preload exposes only the contract-built API',
  "  preload: join(dir, 'index.cjs'),",
  'const c = new BrowserWindow({}); // eng-disable AUXCLICK_JS_CHECK',
  'const d = new BrowserWindow({}); /* eng-disable OPEN_EXTERNAL_JS_CHECK: links open in the browser only after isAllowedExternal */',
];
const lines = (file: string) => (file === 'main/window.ts' ? source : null);

describe('the SARIF reader', () => {
  it('fails a MEDIUM finding without a reason, and passes one whose line (or the line above) gives one', () => {
    const sarif = sarifWith([
      { check: 'AUXCLICK_JS_CHECK', line: 1, severity: 'MEDIUM' },
      { check: 'AUXCLICK_JS_CHECK', line: 2, severity: 'MEDIUM' },
      { check: 'PRELOAD_JS_CHECK', line: 4, severity: 'MEDIUM' },
      { check: 'AUXCLICK_JS_CHECK', line: 5, severity: 'HIGH' },
      { check: 'PRELOAD_JS_CHECK', line: 6, severity: 'MEDIUM' },
    ]);
    expect(failingFindings(sarif, lines)).toEqual(['AUXCLICK_JS_CHECK main/window.ts:2 (MEDIUM)', 'AUXCLICK_JS_CHECK main/window.ts:5 (HIGH)', 'PRELOAD_JS_CHECK main/window.ts:6 (MEDIUM)']);
  });

  it('passes LOW and INFORMATIONAL findings; fails unknown severities, unreadable files and scanner errors', () => {
    const sarif = sarifWith(
      [
        { check: 'CSP_GLOBAL_CHECK', line: 2, severity: 'LOW' },
        { check: 'PRELOAD_JS_CHECK', line: 2, severity: 'INFORMATIONAL' },
        { check: 'PRELOAD_JS_CHECK', line: 2 },
        { check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', line: 1, severity: 'HIGH', file: 'file:///' },
      ],
      ['main/broken.ts: Unexpected token'],
    );
    expect(failingFindings(sarif, lines)).toEqual([
      'PRELOAD_JS_CHECK main/window.ts:2 (severity unknown)',
      'LIMIT_NAVIGATION_GLOBAL_CHECK file:///:1 (HIGH)',
      'The scanner could not check main/broken.ts: Unexpected token',
    ]);
    expect(failingFindings({}, lines)).toEqual(['The scanner could not check The SARIF file has no runs: the scan did not finish.']);
  });

  it('reads eng-disable comments: the checks named, then the reason', () => {
    expect(parseEngDisable(source[0] ?? '')).toEqual({ checks: ['AUXCLICK_JS_CHECK'], reason: 'middle-click is refused by the window-open handler' });
    expect(parseEngDisable(source[5] ?? '')).toEqual({ checks: ['OPEN_EXTERNAL_JS_CHECK'], reason: 'links open in the browser only after isAllowedExternal' });
    expect(parseEngDisable('<!-- eng-disable CSP_HTML_CHECK, BLINK_FEATURES_HTML_CHECK -->')).toEqual({ checks: ['CSP_HTML_CHECK', 'BLINK_FEATURES_HTML_CHECK'], reason: '' });
    expect(justification(source, 4, 'preload_js_check')).toBe('the preload exposes only the contract-built API');
    expect(engDisableProblems('main/window.ts', source.join('\n'))).toEqual(['main/window.ts:5: eng-disable AUXCLICK_JS_CHECK gives no reason.']);
    expect(engDisableProblems('x.ts', '// eng-disable because')).toEqual(['x.ts:1: eng-disable names no check (use its id, like PRELOAD_JS_CHECK).']);
  });
});

/** Runs the scanner in a child process; resolves with its output, rejects after the time box. */
function scan(folder: string, output: string, electronVersion: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'electronegativity-scan.ts'), folder, output, electronVersion], {
      cwd: root,
      env: { ...process.env, LANG: 'en-US' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`electronegativity took over ${SCAN_TIMEOUT_MS / 1000} s; its output:\n${printed}`));
    }, SCAN_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(printed);
      else reject(new Error(`electronegativity exited with ${code}:\n${printed}`));
    });
  });
}

/** The scanned copy's files, relative ("electron/main/window.ts"). */
const sourceFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js|html)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));

describe('Electronegativity over the sources', () => {
  it(
    'finds nothing above LOW without a reason, and every eng-disable gives one',
    async () => {
      // One folder holding both, so app-wide checks (CSP, navigation, permissions) see the whole app.
      const folder = mkdtempSync(join(tmpdir(), 'electronegativity-'));
      for (const name of SCANNED) cpSync(join(root, name), join(folder, name), { recursive: true });
      const output = join(mkdtempSync(join(tmpdir(), 'electronegativity-out-')), 'scan.sarif');
      const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
      await scan(folder, output, electronVersion);
      expect(existsSync(output)).toBe(true);
      const read = (file: string) => (existsSync(join(folder, file)) ? readFileSync(join(folder, file), 'utf8').split('\n') : null);
      const failing = failingFindings(JSON.parse(readFileSync(output, 'utf8')), read);
      if (failing.length > 0) console.error(`Electronegativity findings above LOW without a reason:\n  ${failing.join('\n  ')}`);
      expect(failing).toEqual([]);
      const unexplained = sourceFiles(folder).flatMap((file) => engDisableProblems(file, readFileSync(join(folder, file), 'utf8')));
      expect(unexplained).toEqual([]);
    },
    SCAN_TIMEOUT_MS + 10_000,
  );
});
