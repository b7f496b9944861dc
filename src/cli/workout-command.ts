/** `coach workout <group|focus> [--focus F] [--goal G] [--level L] [--equipment E] [--minutes N] [--date YYYY-MM-DD] [--seed S] [--json]`. */
import { isLocalDate } from '../core/dates.ts';
import { generatePlan } from '../core/plan-generator.ts';
import { resolvePlanRequest } from '../core/plan-request.ts';
import { FIRST_SEED } from '../app/workout-session.ts';
import { cardToText } from '../commands/cards/card-text.ts';
import { planCard } from '../commands/cards/plan-card.ts';
import { usageError, type CliCommand } from './cli-io.ts';
import { listOptions, parseOptions } from './cli-args.ts';
import { knowledgeOrReport, shippedPlanDeps, type PlanCommandDeps } from './cli-kit.ts';
import { planJson } from './plan-json.ts';


const OPTIONS = {
  focus: { type: 'string' },
  goal: { type: 'string' },
  level: { type: 'string' },
  equipment: { type: 'string' },
  minutes: { type: 'string' },
  date: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** CLI-facing messages (one line each). */
export const WORKOUT_CLI_MESSAGES = {
  usage:
    'usage: coach workout <group|focus> [--focus hamstrings|quads|calves|glute-medius|lats|upper-back|lower-back] ' +
    '[--goal pump|hypertrophy|strength] [--level beginner|intermediate|advanced] ' +
    '[--equipment gym|dumbbells|bands|bodyweight] [--minutes 15-120] [--date YYYY-MM-DD] [--seed N] [--json]',
  badOption: (detail: string) => `coach workout: ${detail}; valid options: ${listOptions(OPTIONS)}`,
  extraGroup: (words: string[]) => `coach workout: give one muscle group, not "${words.join(' ')}"`,
  badDate: (text: string) => `coach workout: --date must be a calendar date as YYYY-MM-DD, not "${text}"`,
  badSeed: (text: string) => `coach workout: --seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not "${text}"`,
  request: (message: string) => `coach workout: ${message}`,
  knowledge: (message: string) => `coach workout: the knowledge files are broken: ${message}`,
} as const;

/** Builds the command with its edges passed in. */
export function makeWorkoutCommand(deps: PlanCommandDeps): CliCommand {
  return async (args, io) => {
    const fail = (line: string) => usageError(io, line);
    const parsed = parseOptions(args, OPTIONS);
    if (!parsed.ok) return fail(WORKOUT_CLI_MESSAGES.badOption(parsed.problem));
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${WORKOUT_CLI_MESSAGES.usage}\n`);
      return 0;
    }
    if (positionals.length > 1) return fail(WORKOUT_CLI_MESSAGES.extraGroup(positionals));
    const resolved = resolvePlanRequest({
      group: positionals[0],
      focus: values.focus,
      goal: values.goal,
      level: values.level,
      equipment: values.equipment,
      minutes: values.minutes,
    });
    if (!resolved.ok) return fail(WORKOUT_CLI_MESSAGES.request(resolved.message));
    const date = values.date ?? deps.today();
    if (!isLocalDate(date)) return fail(WORKOUT_CLI_MESSAGES.badDate(date));
    // Left out, the seed is a fresh /workout's, so the CLI and Discord show the same plan.
    let seed = FIRST_SEED;
    if (values.seed !== undefined) {
      seed = /^\d+$/.test(values.seed) ? Number(values.seed) : Number.NaN;
      if (!Number.isSafeInteger(seed)) return fail(WORKOUT_CLI_MESSAGES.badSeed(values.seed));
    }

    const knowledge = knowledgeOrReport(io, deps.loadKnowledge, WORKOUT_CLI_MESSAGES.knowledge);
    if (!knowledge) return 1;
    const plan = generatePlan(resolved.request, { date, seed }, knowledge);
    io.stdout(values.json ? `${JSON.stringify(planJson(plan), null, 2)}\n` : cardToText(planCard(plan, knowledge)));
    return 0;
  };
}

/** `coach workout`, wired to the real clock and the shipped knowledge folder (loaded once per process). */
export const workoutCommand: CliCommand = makeWorkoutCommand(shippedPlanDeps);
