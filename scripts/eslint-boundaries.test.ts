/**
 * The import boundaries in eslint.config.js, proved by linting small in-memory files at
 * virtual paths: each ban must fire, and the allowed imports next to it must not.
 */
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '..');
const RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: join(repoRoot, 'eslint.config.js') });
});

/** The restricted-import messages for a file at `file` (relative to the repo) importing `from`. */
async function restrictedImports(file: string, from: string): Promise<string[]> {
  const code = `import { thing } from '${from}';\n\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal === true);
  expect(fatal, `${file} did not parse`).toEqual([]);
  // A file the config ignores would pass every ban silently.
  expect(result.messages.map((m) => m.message).join('\n')).not.toMatch(/ignored/i);
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const banned: [file: string, from: string, message: RegExp][] = [
  ['core/estimate/x.ts', '../../electron/services/estimate-service', /core\/ is pure: it imports nothing from electron\//],
  ['core/estimate/x.ts', '../../electron/main/window', /core\/ is pure: it imports nothing from electron\//],
  ['core/x.ts', '../renderer/src/lib/text-parsers', /core\/ is pure: it imports nothing from .*renderer\//],
  ['core/packet/x.ts', '../../scripts/bench/estimate-bench', /core\/ is pure: it imports nothing from .*scripts\//],
  ['core/packet/x.test.ts', '../../electron/services/testing/packet-fixtures', /core\/ is pure/],
  ['renderer/src/x.tsx', '../../scripts/preview-bridge/bridge-client', /renderer imports nothing from electron\/ or scripts\//],
  ['renderer/src/shell/x.tsx', '../../../electron/services/app-services', /renderer imports nothing from electron\//],
  ['renderer/src/lib/x.ts', '../../../electron/main/security-policy', /renderer imports nothing from electron\//],
  ['electron/services/x.ts', '../main/os-capabilities', /electron\/services never imports electron\/main/],
  ['electron/services/testing/x.ts', '../../main/ipc', /electron\/services never imports electron\/main/],
  ['electron/services/x.ts', '../../electron/main/security-policy', /electron\/services never imports electron\/main/],
];

const packageBans: [file: string, from: string, message: RegExp][] = [
  ['core/estimate/x.ts', 'node:fs', /no Node built-ins/],
  ['core/packet/x.ts', 'react', /core\/ has no UI/],
  ['core/x.ts', 'electron', /core\/ is pure: no Electron/],
  ['renderer/src/x.tsx', 'electron', /only through window\.clinic/],
  ['electron/services/x.ts', 'electron', /Services run in plain Node/],
  ['electron/services/x.ts', 'electron/main', /Services run in plain Node/],
];

const allowed: [file: string, from: string][] = [
  ['core/packet/x.ts', '../estimate/types'],
  ['core/x.ts', './money'],
  ['core/estimate/x.ts', '../../templates/vertebroplasty-lumbar/procedure.json'],
  ['core/packet/x.test.ts', 'node:fs'],
  ['renderer/src/shell/x.tsx', '../../../core/settings'],
  ['renderer/src/shell/x.tsx', '../estimate/form-model'],
  ['electron/services/x.ts', '../../core/result'],
  ['electron/services/x.ts', './estimate-service'],
  ['electron/services/testing/x.ts', '../estimate-service'],
  ['electron/main/x.ts', '../services/app-services'],
  ['scripts/preview-bridge/x.ts', '../../electron/main/security-policy'],
  ['scripts/preview-bridge/x.ts', '../../electron/services/app-services'],
];

describe('import boundaries by path', () => {
  it.each(banned)('%s may not import %s', async (file, from, message) => {
    const messages = await restrictedImports(file, from);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });
});

describe('import bans by package name (kept beside the path bans)', () => {
  it.each(packageBans)('%s may not import %s', async (file, from, message) => {
    const messages = await restrictedImports(file, from);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });
});

describe('allowed imports', () => {
  it.each(allowed)('%s may import %s', async (file, from) => {
    expect(await restrictedImports(file, from)).toEqual([]);
  });
});
