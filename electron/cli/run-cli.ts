/** Dispatch `<command> ...args` to the command map; unknown commands print usage and exit 2. */
import { commands } from './commands';
import { EXIT_INPUT, EXIT_INTERNAL, type CliCommand, type CliContext } from './cli-types';

export function usageText(available: Readonly<Record<string, CliCommand>> = commands): string {
  const lines = Object.values(available).map((command) => `  ${command.usage}`);
  return `Usage:\n${lines.join('\n')}\n`;
}

export async function runCli(argv: readonly string[], context: CliContext, available = commands): Promise<number> {
  const [name, ...args] = argv;
  const command = name !== undefined && Object.hasOwn(available, name) ? available[name] : undefined;
  if (command === undefined) {
    context.io.stderr(`${name === undefined ? 'Say which command to run.' : `Unknown command ${name}.`}\n${usageText(available)}`);
    return EXIT_INPUT;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    // Never print the case: only the kind of failure (the app's own data or code is at fault).
    const kind = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    context.io.stderr(`The command failed inside the app (${kind}). Please report this.\n`);
    return EXIT_INTERNAL;
  }
}
