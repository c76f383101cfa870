/**
 * Headless entry (npm run estimate / npm run packet / npm run clinic-key / npm run records-setup): run as the bundle out/cli/cli.mjs by
 * scripts/run-cli.mjs (rebuilt when a source is newer), or directly as `tsx electron/cli.ts
 * <command> ...`. The templates folder is found from this module, so it works from any
 * working directory.
 */
import { join } from 'node:path';
import { localDate } from './cli/case-file';
import { findAppRoot } from './cli/app-root';
import { runCli } from './cli/run-cli';

const templatesDir = join(findAppRoot(import.meta.dirname), 'templates');

process.exitCode = await runCli(process.argv.slice(2), {
  templatesDir,
  io: { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  today: () => localDate(new Date()),
});
