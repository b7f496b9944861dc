/** Plumbing the plan-printing subcommands share: option parsing, one-line usage errors, knowledge loading. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadPlanKnowledge } from '../adapters/knowledge/load-plan-knowledge.ts';
import { KnowledgeError } from '../adapters/knowledge/knowledge-error.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import { USAGE_ERROR, type CliIo } from './cli-io.ts';

/** What a plan-printing command reads from outside: today's date and the knowledge (both injectable for tests). */
export interface PlanCommandDeps {
  /** Today's date as YYYY-MM-DD, used when --date is left out. */
  today(): string;
  loadKnowledge(): PlanKnowledge;
}

/** Writes one usage line on stderr and returns the usage exit code. */
export function usageError(io: CliIo, line: string): number {
  io.stderr(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
  return USAGE_ERROR;
}

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

/** Parses strictly; on a bad option returns the one-line message for it instead of throwing. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return { ok: true as const, ...parseArgs({ args, options, allowPositionals: true, strict: true }) };
  } catch (error) {
    return { ok: false as const, problem: describeParseError(error as Error & { code?: string }) };
  }
}

/** Loads the knowledge, or prints why it is broken (exit 1) and returns null. */
export function knowledgeOrReport(io: CliIo, load: () => PlanKnowledge, describe: (message: string) => string): PlanKnowledge | null {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    io.stderr(`${describe(error.message)}\n`);
    return null;
  }
}

let cached: PlanKnowledge | undefined;

/** The shipped knowledge, loaded once per process. */
export function shippedKnowledge(): PlanKnowledge {
  return (cached ??= loadPlanKnowledge());
}

/** The real edges: the machine's date and the shipped knowledge folder (loaded once per process). */
export const shippedPlanDeps: PlanCommandDeps = { today: () => localToday(), loadKnowledge: shippedKnowledge };

/** The machine's local calendar date (the CLI edge may read the clock; the core never does). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
