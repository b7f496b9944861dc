/** /history show|export: the member's training log, newest first in pages, or as a CSV file. */
import type { HistoryQuery } from '../app/training-log-service.ts';
import { historyCard } from './cards/training-log-cards.ts';
import type { CardAction } from './cards/card.ts';
import { customId, type Command, type CommandOptions, type CommandSpec, type Reply } from './command-kit.ts';
import { exerciseOption, readExercise, suggestExerciseChoices } from './exercise-option.ts';
import { historyText } from './messages.ts';
import type { CommandServices } from './services.ts';

const NAME = 'history';
/** The longest window /history looks back over. @default 3650 days */
export const MAX_HISTORY_DAYS = 3650;

const filters = [
  exerciseOption(historyText.exercise, false),
  { name: 'days', description: historyText.days, type: 'integer' as const, minValue: 1, maxValue: MAX_HISTORY_DAYS },
];

const spec: CommandSpec = {
  name: NAME,
  description: historyText.description,
  privateReplies: true,
  defaultSubcommand: 'show',
  subcommands: [
    { name: 'show', description: historyText.showDescription, options: filters },
    { name: 'export', description: historyText.exportDescription, options: filters },
  ],
};

/** The filters the member gave, or the message saying which one is not allowed. */
function readQuery(options: CommandOptions, services: CommandServices): { ok: true; query: HistoryQuery } | { ok: false; text: string } {
  const days = options.integer('days');
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS)) return { ok: false, text: historyText.badDays };
  const typed = options.string('exercise')?.trim();
  if (!typed) return { ok: true, query: { days: days ?? undefined } };
  const found = readExercise(typed, services);
  if (!found.ok) return { ok: false, text: historyText.unknownExercise(typed, found.nearest) };
  return { ok: true, query: { exerciseId: found.exercise.id, days: days ?? undefined } };
}

/** Paging state `<owner>:<page>:<days>:<exercise id>`; the owner rides along so a stranger's click needs no store read. */
function pageId(ownerId: string, page: number, query: HistoryQuery): string {
  return customId(NAME, 'page', `${ownerId}:${page}:${query.days ?? 0}:${query.exerciseId ?? ''}`);
}

function readPageState(state: string): { ownerId: string; page: number; query: HistoryQuery } {
  const [ownerId = '', page = '0', days = '0', exerciseId = ''] = state.split(':');
  return { ownerId, page: Math.max(0, Number(page) || 0), query: { days: Number(days) || undefined, exerciseId: exerciseId || undefined } };
}

/** One page of the member's log as a reply, with Newer/Older buttons where there is more. */
async function pageReply(memberId: string, query: HistoryQuery, page: number, services: CommandServices): Promise<Reply> {
  const shown = await services.trainingLog.history(memberId, query, page);
  if (shown.entries.length === 0) return { text: shown.total === 0 ? historyText.empty : historyText.noMatch, ephemeral: true };
  const name = query.exerciseId ? services.knowledge.exercises.find((e) => e.id === query.exerciseId)?.name : undefined;
  const title = `${historyText.title}${name ? historyText.filtered(name) : ''}${query.days ? historyText.lastDays(query.days) : ''}`;
  const actions: CardAction[] = [];
  if (page > 0) actions.push({ id: pageId(memberId, page - 1, query), label: historyText.newer });
  if (shown.hasOlder) actions.push({ id: pageId(memberId, page + 1, query), label: historyText.older });
  return { card: historyCard(shown, title, actions), ephemeral: true };
}

/** The /history command; every reply is ephemeral (it is the member's own log). */
export const history: Command = {
  data: spec,
  async execute(ctx, services) {
    const read = readQuery(ctx.options, services);
    if (!read.ok) return ctx.reply({ text: read.text, ephemeral: true });
    if (ctx.options.subcommand() === 'export') {
      // An export reads the whole log: acknowledge inside Discord's 3 seconds, then attach the file.
      await ctx.defer({ ephemeral: true });
      const { csv, rows } = await services.trainingLog.exportCsv(ctx.member.id, read.query);
      if (rows === 0) return ctx.edit({ text: read.query.exerciseId || read.query.days ? historyText.noMatch : historyText.empty });
      return ctx.edit({ text: historyText.exported(rows), files: [{ name: historyText.fileName, content: csv, description: historyText.fileDescription }] });
    }
    await ctx.reply(await pageReply(ctx.member.id, read.query, 0, services));
  },
  components: {
    async page(ctx, services, state) {
      const { ownerId, page, query } = readPageState(state);
      if (ctx.member.id !== ownerId) return ctx.reply({ text: historyText.notYours, ephemeral: true });
      await ctx.update(await pageReply(ownerId, query, page, services));
    },
  },
  autocomplete: suggestExerciseChoices,
};
