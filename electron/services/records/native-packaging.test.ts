/**
 * better-sqlite3 in the packaged app: its Node-API binaries ship inside the npm package for each
 * platform we package for (nothing downloaded or rebuilt per Electron version), electron-builder
 * rebuilds nothing, and the .node file is unpacked from the ASAR so the OS can load it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..');

describe('better-sqlite3 packaging', () => {
  it('ships prebuilt Node-API binaries for Windows, macOS and Linux in the npm package', () => {
    const pkg = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
    const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(13);
    for (const target of ['win32-x64', 'darwin-x64', 'darwin-arm64', 'linux-x64']) expect(existsSync(join(pkg, 'prebuilds', `${target}.node`)), target).toBe(true);
  });

  it('is neither rebuilt nor left inside the ASAR by electron-builder', () => {
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { npmRebuild?: boolean; asarUnpack?: string[] };
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean>; dependencies: Record<string, string> };
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^13\./);
    // Its implicit `node-gyp rebuild` install script is denied: the prebuilt binary is used.
    expect(pkg.allowScripts['better-sqlite3']).toBe(false);
  });
});
