/** Dispatches `coach <subcommand>` to the one file per subcommand. */
import { USAGE_ERROR, type CliCommand, type CliIo } from './cli-io.ts';

const commands: Record<string, () => Promise<CliCommand>> = {
  workout: async () => (await import('./workout-command.ts')).workoutCommand,
  ask: async () => (await import('./ask-command.ts')).askCommand,
  search: async () => (await import('./search-command.ts')).searchCommand,
  daily: async () => (await import('./daily-command.ts')).dailyCommand,
};

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  // An own entry only: `coach constructor` must not reach Object.prototype.
  const load = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr(`coach: unknown command "${name ?? ''}"; use one of: ${Object.keys(commands).join(', ')}\n`);
    return USAGE_ERROR;
  }
  return (await load())(rest, io);
}
