/** What a CLI subcommand may touch: output streams and the environment, passed in for tests. */

/** Output sinks and environment for one CLI run. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

/** A subcommand: parses its own arguments and returns the exit code (0 ok, 2 bad usage, 1 failure). */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** Exit code for bad usage: nothing printed on stdout, one line on stderr. */
export const USAGE_ERROR = 2;
