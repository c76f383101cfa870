/**
 * The Electron fuses the packaged app is built with (electron-builder.yml), and the test
 * build for Playwright (electron-builder.e2e.yml), which may differ in one fuse only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = join(import.meta.dirname, '..', '..');
const readYaml = (file: string): unknown => parse(readFileSync(join(repoRoot, file), 'utf8'));

const RELEASE_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
};

/** The fuse names electron-builder's own schema accepts (it rejects any other). */
function schemaFuseNames(): string[] {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
  const scheme = JSON.parse(readFileSync(fromBuilder.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };
  return Object.keys(scheme.definitions.FuseOptionsV1.properties);
}

describe('electron fuses', () => {
  it('the release build sets every fuse: no run-as-node, NODE_OPTIONS or inspector; asar only, checked; no file:// extras; cookies encrypted', () => {
    const config = readYaml('electron-builder.yml') as { electronFuses?: unknown; asar?: unknown };
    expect(config.electronFuses).toStrictEqual(RELEASE_FUSES);
    expect(config.asar).toBe(true);
  });

  it('uses only fuse names electron-builder knows', () => {
    expect(schemaFuseNames()).toEqual(expect.arrayContaining(Object.keys(RELEASE_FUSES)));
  });

  it('the e2e test build extends the release config and turns on the inspector fuse only', () => {
    expect(readYaml('electron-builder.e2e.yml')).toStrictEqual({
      extends: 'electron-builder.yml',
      electronFuses: { enableNodeCliInspectArguments: true },
    });
  });

  it('npm run dist:e2e builds with the e2e config, unpacked only; npm run dist with the release one', () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['dist:e2e']).toMatch(/electron-builder --config electron-builder\.e2e\.yml --dir$/);
    expect(scripts['dist']).toMatch(/electron-builder$/);
  });
});
