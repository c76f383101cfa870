#!/usr/bin/env node
/**
 * `npm run estimate` / `npm run packet`: runs the bundled CLI (out/cli/cli.mjs) with plain
 * Node, so a run does not compile TypeScript first. Never a stale bundle: when it is missing,
 * or older than any source it is built from (electron/, core/, templates/, its Vite config,
 * package.json), only it is rebuilt (`vite build --config vite.cli.config.ts`, about 2 s),
 * then run. Plain JavaScript on purpose: this file must start without tsx.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = dirname(import.meta.dirname);
const bundle = join(root, 'out', 'cli', 'cli.mjs');
const SOURCE_DIRS = ['electron', 'core', 'templates'];
const SOURCE_FILES = ['vite.cli.config.ts', 'package.json'];

/** The newest modification time (ms) of a file under `dir`; tests are not in the bundle. */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestUnder(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  let builtMs;
  try {
    builtMs = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  const sourcesMs = Math.max(...SOURCE_DIRS.map((dir) => newestUnder(join(root, dir))), ...SOURCE_FILES.map((file) => statSync(join(root, file)).mtimeMs));
  return builtMs >= sourcesMs;
}

/** Build into a private folder, then rename into place: a run started meanwhile never sees half a file. */
function rebuild() {
  const staging = join(root, 'out', 'cli', `.build-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // Vite's output goes to stderr: stdout is the command's answer (JSON for estimate).
  const built = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'vite.cli.config.ts'), '--outDir', staging, '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    process.stderr.write('The headless command could not be built (see the messages above). Run `npm run build` and try again.\n');
    process.exit(1);
  }
  renameSync(join(staging, 'cli.mjs'), bundle);
  rmSync(staging, { recursive: true, force: true });
}

if (!bundleIsCurrent()) rebuild();
await import(pathToFileURL(bundle).href);
