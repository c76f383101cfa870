/** What every headless subcommand gets, so commands run the same in tests and in a shell. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliContext {
  /** The app's templates/ folder (resolved from the module, not the working directory). */
  templatesDir: string;
  io: CliIo;
  /** The clinic's calendar date, YYYY-MM-DD. */
  today: () => string;
}

/** Exit codes: 0 done, 1 the app itself is broken, 2 the user's input or file is wrong. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

export interface CliCommand {
  /** One line for the usage text, e.g. "estimate [--today YYYY-MM-DD] <case.json>". */
  usage: string;
  run: (args: string[], context: CliContext) => Promise<number> | number;
}
