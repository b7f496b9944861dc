/** What a CLI subcommand may touch (output streams and the environment, passed in for tests) and how it reports bad usage. */

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

/**
 * A message fit for one terminal line: control characters a member typed (escape sequences, carriage returns,
 * bells) are shown escaped (`\u001b`), never sent to the terminal; line breaks become spaces.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes one usage line on stderr and returns the usage exit code. */
export function usageError(io: CliIo, line: string): number {
  io.stderr(`${oneLine(line)}\n`);
  return USAGE_ERROR;
}

/** A whole number written in decimal digits only (no `1e1`, `0x10`, `1.0` or spaces), or undefined. */
export function decimalInteger(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}
