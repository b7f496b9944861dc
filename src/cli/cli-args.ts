/** Reading a subcommand's arguments as command lines are read: long and short options, values that start with a dash, no empty values. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** parseArgs' error as a short clause naming the option. */
function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option "${option}"`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `option "${option}" needs a value (or takes none)`;
  return error.message.split(/\.\s/)[0] ?? 'bad option';
}

/** The options a command lists in its "valid options" message (everything but --help). */
export function listOptions(options: Record<string, unknown>): string {
  return Object.keys(options)
    .filter((o) => o !== 'help')
    .map((o) => `--${o}`)
    .join(', ');
}

/**
 * The arguments with each valued option joined to its value (`--minutes -5` → `--minutes=-5`), so a value may
 * start with a dash (a negative number) as in any command line; a following option of the command stays one.
 */
function joinValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  // Every spelling of an option (`--k`, `-k`) → its long name, and which of them take a value.
  const names = new Map<string, string>();
  const valued = new Set<string>();
  for (const [name, option] of Object.entries(options)) {
    for (const flag of option.short ? [`--${name}`, `-${option.short}`] : [`--${name}`]) {
      names.set(flag, name);
      if (option.type === 'string') valued.add(flag);
    }
  }
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (valued.has(arg) && next !== undefined && next !== '--' && !names.has(next) && !next.startsWith('--')) {
      joined.push(`--${names.get(arg)}=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/**
 * Parses strictly: `--name value` and `--name=value` (a value may be a negative number), short options, `--` before
 * positionals that start with a dash. An unknown option, a missing value or an empty one (`--minutes ""`) is a
 * one-line problem instead of a throw.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  let parsed;
  try {
    parsed = parseArgs({ args: joinValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false as const, problem: describeParseError(error as Error & { code?: string }) };
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string' && value.trim() === '') return { ok: false as const, problem: `option "--${name}" needs a value, not an empty one` };
  }
  return { ok: true as const, ...parsed };
}
