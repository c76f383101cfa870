/**
 * The app's root folder (the one holding package.json, templates/ and resources/), found by
 * walking up from a module's folder: the same answer for electron/cli.ts run by tsx and for
 * the bundle in out/cli/cli.mjs run by node.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findAppRoot(startDir: string): string {
  for (let dir = startDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('The app folder (with package.json) was not found above the CLI.');
  }
}
