/** /prs: the member's personal records per exercise, computed from the whole log. */
import { localDateIn } from '../app/daily-schedule.ts';
import { recordsCard } from './cards/training-log-cards.ts';
import type { Command, CommandSpec } from './command-kit.ts';
import { exerciseOption, readExercise, suggestExerciseChoices } from './exercise-option.ts';
import { historyText, prsText } from './messages.ts';

const spec: CommandSpec = {
  name: 'prs',
  description: prsText.description,
  privateReplies: true,
  options: [exerciseOption(prsText.exercise, false)],
};

/** The /prs command; the reply is ephemeral (it is the member's own log). */
export const prs: Command = {
  data: spec,
  async execute(ctx, services) {
    const typed = ctx.options.string('exercise')?.trim();
    let exerciseId: string | undefined;
    if (typed) {
      const found = readExercise(typed, services);
      if (!found.ok) return ctx.reply({ text: historyText.unknownExercise(typed, found.nearest), ephemeral: true });
      exerciseId = found.exercise.id;
    }
    // Records are computed from every entry: a long log takes a moment, so acknowledge inside Discord's 3 seconds.
    await ctx.defer({ ephemeral: true });
    const view = await services.trainingLog.records(ctx.member.id, exerciseId);
    if (view.exercises.length === 0) return ctx.edit({ text: exerciseId ? historyText.noMatch : prsText.empty });
    await ctx.edit({ card: recordsCard(view, (at) => localDateIn(new Date(at), view.timezone)) });
  },
  autocomplete: suggestExerciseChoices,
};
