/** Checks on the built bundles (npm test builds before the e2e run). */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test, expect, repoRoot } from './fixtures';

const out = join(repoRoot, 'out');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('the build has the three bundles', () => {
  const files = filesUnder(out).map((f) => relative(out, f));
  expect(files).toContain(join('main', 'index.js'));
  expect(files).toContain(join('main', 'packet-worker.js'));
  expect(files).toContain(join('preload', 'index.cjs'));
  expect(files).toContain(join('renderer', 'index.html'));
});

test('the renderer bundle holds no pdfmake, no PDFKit and no fonts', () => {
  const files = filesUnder(join(out, 'renderer'));
  expect(files.filter((f) => /\.(ttf|otf|woff2?|afm)$/i.test(f))).toEqual([]);
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(file, 'utf8');
    expect(text, relative(out, file)).not.toMatch(/pdfmake|PDFDocument|fontkit|Roboto-Regular/);
  }
});

test('the preload bundle is CommonJS (sandboxed preloads cannot be ES modules) and exposes only clinic', () => {
  const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
  expect(preload).toMatch(/require\("electron"\)/);
  expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
  expect(preload).toContain('exposeInMainWorld("clinic"');
  expect(preload).not.toMatch(/exposeInMainWorld\("(ipcRenderer|electron|process)/);
});

test('the packaged renderer has no remote URLs to fetch (the app is offline)', () => {
  const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
});

test('the built packet worker (out/main/packet-worker.js, what the app starts) makes the packet this thread makes, byte for byte', () => {
  const worker = readFileSync(join(out, 'main', 'packet-worker.js'), 'utf8');
  expect(worker).not.toMatch(/from "electron"|require\("electron"\)/);
  const printed = execFileSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'scripts', 'built-worker-check.ts')], { encoding: 'utf8' });
  const result = JSON.parse(printed) as { sameBytes: boolean; restarts: number; bytes: number };
  expect(result.bytes).toBeGreaterThan(20_000);
  expect(result.sameBytes).toBe(true);
  expect(result.restarts).toBe(0);
});
