/** `coach daily [--date YYYY-MM-DD] [--split legs,back,glutes] [--goal G] [--level L] [--equipment E] [--json]`: the post a date would get. */
import { dailyPostFor, type DailyPost } from '../app/daily-post.ts';
import { cardToText } from '../commands/cards/card-text.ts';
import { dailyPostCard } from '../commands/cards/daily-post-card.ts';
import { dailyMessages } from '../app/daily-messages.ts';
import { DEFAULT_DAILY_SPLIT } from '../core/daily-settings.ts';
import { isLocalDate, parseSplit } from '../core/daily-rotation.ts';
import { resolvePlanRequest } from '../core/plan-request.ts';
import { GROUPS } from '../core/plan-types.ts';
import type { CliCommand } from './cli-io.ts';
import { knowledgeOrReport, listOptions, parseOptions, shippedPlanDeps, usageError, type PlanCommandDeps } from './cli-kit.ts';
import { planJson } from './plan-json.ts';

const OPTIONS = {
  date: { type: 'string' },
  split: { type: 'string' },
  goal: { type: 'string' },
  level: { type: 'string' },
  equipment: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** CLI-facing messages (one line each). */
export const DAILY_CLI_MESSAGES = {
  usage:
    'usage: coach daily [--date YYYY-MM-DD] [--split legs,back,glutes] [--goal pump|hypertrophy|strength] ' +
    '[--level beginner|intermediate|advanced] [--equipment gym|dumbbells|bands|bodyweight] [--json]',
  badOption: (detail: string) => `coach daily: ${detail}; valid options: ${listOptions(OPTIONS)}`,
  positional: (words: string[]) => `coach daily: takes only options, not "${words.join(' ')}"`,
  prefixed: (message: string) => `coach daily: ${message}`,
  knowledge: (message: string) => `coach daily: the knowledge files are broken: ${message}`,
} as const;

/** The `--json` document: the workout command's JSON plus the cited tip (null when the library has none). */
export function dailyJson(post: DailyPost): unknown {
  const tip = post.tip ? { quote: post.tip.quote, passageId: post.tip.passageId, heading: post.tip.heading, sourceTitle: post.tip.sourceTitle } : null;
  return { ...(planJson(post.plan) as Record<string, unknown>), tip };
}

/** Builds the command with its edges passed in. */
export function makeDailyCommand(deps: PlanCommandDeps): CliCommand {
  return async (args, io) => {
    const fail = (line: string) => usageError(io, line);
    const parsed = parseOptions(args, OPTIONS);
    if (!parsed.ok) return fail(DAILY_CLI_MESSAGES.badOption(parsed.problem));
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${DAILY_CLI_MESSAGES.usage}\n`);
      return 0;
    }
    if (positionals.length > 0) return fail(DAILY_CLI_MESSAGES.positional(positionals));
    const date = values.date ?? deps.today();
    if (!isLocalDate(date)) return fail(DAILY_CLI_MESSAGES.prefixed(dailyMessages.badDate(date)));
    let split = [...DEFAULT_DAILY_SPLIT];
    if (values.split !== undefined) {
      const parsedSplit = parseSplit(values.split, GROUPS);
      if (!parsedSplit.ok) return fail(DAILY_CLI_MESSAGES.prefixed(dailyMessages.badSplit(parsedSplit.unknown, GROUPS)));
      split = parsedSplit.split;
    }
    // Same words as /workout (aliases included), checked before any knowledge is loaded.
    const resolved = resolvePlanRequest({ group: split[0], goal: values.goal, level: values.level, equipment: values.equipment });
    if (!resolved.ok) return fail(DAILY_CLI_MESSAGES.prefixed(resolved.message));

    const knowledge = knowledgeOrReport(io, deps.loadKnowledge, DAILY_CLI_MESSAGES.knowledge);
    if (!knowledge) return 1;
    const settings = {
      split,
      ...(values.goal ? { goal: resolved.request.goal } : {}),
      ...(values.level ? { level: resolved.request.level } : {}),
      ...(values.equipment ? { equipment: resolved.request.equipment } : {}),
    };
    const post = dailyPostFor(settings, date, knowledge);
    io.stdout(values.json ? `${JSON.stringify(dailyJson(post), null, 2)}\n` : cardToText(dailyPostCard(post, knowledge)));
    return 0;
  };
}

/** `coach daily`, wired to the machine's date and the shipped knowledge folder. */
export const dailyCommand: CliCommand = makeDailyCommand(shippedPlanDeps);
