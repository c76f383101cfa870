/**
 * Headless entry: `tsx electron/cli.ts <command> ...` (npm run estimate / npm run packet).
 * The templates folder is found from this file, so it works from any working directory.
 */
import { fileURLToPath } from 'node:url';
import { localDate } from './cli/case-file';
import { runCli } from './cli/run-cli';

const templatesDir = fileURLToPath(new URL('../templates', import.meta.url));

process.exitCode = await runCli(process.argv.slice(2), {
  templatesDir,
  io: { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  today: () => localDate(new Date()),
});
