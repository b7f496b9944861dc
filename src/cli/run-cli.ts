/** Dispatches `coach <subcommand>` to the one file per subcommand. */
import { usageError, type CliCommand, type CliIo } from './cli-io.ts';

const commands: Record<string, () => Promise<CliCommand>> = {
  workout: async () => (await import('./workout-command.ts')).workoutCommand,
  ask: async () => (await import('./ask-command.ts')).askCommand,
  search: async () => (await import('./search-command.ts')).searchCommand,
  daily: async () => (await import('./daily-command.ts')).dailyCommand,
};

/** The one-line usage of `coach` itself. */
export const COACH_USAGE = `usage: coach <${Object.keys(commands).join('|')}> [options]; coach <command> --help for its options\n`;

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(COACH_USAGE);
    return 0;
  }
  // An own entry only: `coach constructor` must not reach Object.prototype.
  const load = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) return usageError(io, `coach: unknown command "${name ?? ''}"; use one of: ${Object.keys(commands).join(', ')}`);
  return (await load())(rest, io);
}
