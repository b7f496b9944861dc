/**
 * `coach daily [--date YYYY-MM-DD] [--start YYYY-MM-DD] [--split legs,back,rest,hamstrings] [--rest-days quiet|tip]
 * [--goal G] [--level L] [--equipment E] [--json]`: the post a date would get.
 */
import { dailyPostFor, hasContent, type DailyPost } from '../app/daily-post.ts';
import { cardToText } from '../commands/cards/card-text.ts';
import { dailyPostCard } from '../commands/cards/daily-post-card.ts';
import { dailyMessages } from '../app/daily-messages.ts';
import { DEFAULT_DAILY_SPLIT, REST_DAY_POSTS, type RestDayPost } from '../core/daily-settings.ts';
import { isLocalDate } from '../core/dates.ts';
import { parseSplit } from '../core/daily-rotation.ts';
import { resolvePlanRequest } from '../core/plan-request.ts';
import { splitWords } from '../app/daily-input.ts';
import { usageError, type CliCommand } from './cli-io.ts';
import { listOptions, parseOptions } from './cli-args.ts';
import { knowledgeOrReport, shippedPlanDeps, type PlanCommandDeps } from './cli-kit.ts';
import { planJson } from './plan-json.ts';

const OPTIONS = {
  date: { type: 'string' },
  start: { type: 'string' },
  split: { type: 'string' },
  'rest-days': { type: 'string' },
  goal: { type: 'string' },
  level: { type: 'string' },
  equipment: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** CLI-facing messages (one line each). */
export const DAILY_CLI_MESSAGES = {
  usage:
    'usage: coach daily [--date YYYY-MM-DD] [--start YYYY-MM-DD (the split\'s first day; default --date)] ' +
    '[--split legs,back,rest,hamstrings] [--rest-days quiet|tip] [--goal pump|hypertrophy|strength] ' +
    '[--level beginner|intermediate|advanced] [--equipment gym|dumbbells|bands|bodyweight] [--json]',
  badOption: (detail: string) => `coach daily: ${detail}; valid options: ${listOptions(OPTIONS)}`,
  positional: (words: string[]) => `coach daily: takes only options, not "${words.join(' ')}"`,
  prefixed: (message: string) => `coach daily: ${message}`,
  knowledge: (message: string) => `coach daily: the knowledge files are broken: ${message}`,
  badRestDays: (typed: string) => `coach daily: --rest-days must be one of ${REST_DAY_POSTS.join(', ')}, not "${typed}"`,
  quietRest: (localDate: string) => `${localDate} is a rest day: nothing is posted.\n`,
} as const;

/**
 * The `--json` document: the workout command's JSON plus the cited tip (null when there is none); on a rest day
 * `{ date, day: 'rest', tip }`.
 */
export function dailyJson(post: DailyPost): unknown {
  const tip = post.tip ? { quote: post.tip.quote, passageId: post.tip.passageId, heading: post.tip.heading, sourceTitle: post.tip.sourceTitle } : null;
  if (!post.plan) return { date: post.localDate, day: post.day, tip };
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
    const start = values.start ?? date;
    if (!isLocalDate(start)) return fail(DAILY_CLI_MESSAGES.prefixed(dailyMessages.badDate(start)));
    let split = [...DEFAULT_DAILY_SPLIT];
    if (values.split !== undefined) {
      const parsedSplit = parseSplit(values.split);
      if (!parsedSplit.ok) return fail(DAILY_CLI_MESSAGES.prefixed(dailyMessages.badSplit(parsedSplit.unknown, splitWords())));
      split = parsedSplit.split;
    }
    const restDays = values['rest-days'] === undefined ? undefined : REST_DAY_POSTS.find((value) => value === values['rest-days']?.trim().toLowerCase());
    if (values['rest-days'] !== undefined && !restDays) return fail(DAILY_CLI_MESSAGES.badRestDays(values['rest-days']));
    // Same words as /workout (aliases included), checked before any knowledge is loaded.
    const resolved = resolvePlanRequest({ group: 'legs', goal: values.goal, level: values.level, equipment: values.equipment });
    if (!resolved.ok) return fail(DAILY_CLI_MESSAGES.prefixed(resolved.message));

    const knowledge = knowledgeOrReport(io, deps.loadKnowledge, DAILY_CLI_MESSAGES.knowledge);
    if (!knowledge) return 1;
    const settings = {
      split,
      startDate: start,
      ...(restDays ? { restDays: restDays as RestDayPost } : {}),
      ...(values.goal ? { goal: resolved.request.goal } : {}),
      ...(values.level ? { level: resolved.request.level } : {}),
      ...(values.equipment ? { equipment: resolved.request.equipment } : {}),
    };
    const post = dailyPostFor(settings, date, knowledge);
    if (values.json) io.stdout(`${JSON.stringify(dailyJson(post), null, 2)}\n`);
    else io.stdout(hasContent(post) ? cardToText(dailyPostCard(post, knowledge)) : DAILY_CLI_MESSAGES.quietRest(date));
    return 0;
  };
}

/** `coach daily`, wired to the machine's date and the shipped knowledge folder. */
export const dailyCommand: CliCommand = makeDailyCommand(shippedPlanDeps);
