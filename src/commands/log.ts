/** /log: one entry in the member's training log (exercise, sets, reps, weight, unit, RPE, note), announcing records. */
import { LOG_LIMITS } from '../core/training-log.ts';
import { WEIGHT_UNITS } from '../core/units.ts';
import { logCard, logProblemsText } from './cards/training-log-cards.ts';
import type { Command, CommandSpec } from './command-kit.ts';
import { exerciseOption, suggestExerciseChoices } from './exercise-option.ts';
import { logText } from './messages.ts';

const spec: CommandSpec = {
  name: 'log',
  description: logText.description,
  privateReplies: true,
  options: [
    exerciseOption(logText.exercise, true),
    { name: 'sets', description: logText.sets, type: 'integer', required: true, minValue: LOG_LIMITS.sets.min, maxValue: LOG_LIMITS.sets.max },
    { name: 'reps', description: logText.reps, type: 'integer', required: true, minValue: LOG_LIMITS.reps.min, maxValue: LOG_LIMITS.reps.max },
    { name: 'weight', description: logText.weight, type: 'number', required: true, minValue: LOG_LIMITS.weight.min, maxValue: LOG_LIMITS.weight.max },
    { name: 'unit', description: logText.unit, type: 'string', choices: WEIGHT_UNITS.map((u) => ({ name: logText.unitChoices[u], value: u })) },
    { name: 'rpe', description: logText.rpe, type: 'number', minValue: LOG_LIMITS.rpe.min, maxValue: LOG_LIMITS.rpe.max },
    { name: 'note', description: logText.note, type: 'string', maxLength: LOG_LIMITS.note.maxLength },
    { name: 'share', description: logText.share, type: 'boolean' },
  ],
};

/** The /log command. Discord checks the ranges as the member types; the use case checks them again for every transport. */
export const log: Command = {
  data: spec,
  async execute(ctx, services) {
    const { options } = ctx;
    const outcome = await services.trainingLog.log(ctx.member.id, ctx.id, {
      exercise: options.string('exercise') ?? '',
      sets: options.integer('sets'),
      reps: options.integer('reps'),
      weight: options.number('weight'),
      unit: options.string('unit'),
      rpe: options.number('rpe'),
      note: options.string('note'),
    });
    if (outcome.kind === 'invalid') {
      await ctx.reply({ text: logProblemsText(outcome.problems), ephemeral: true });
      return;
    }
    await ctx.reply({ card: logCard(outcome), ephemeral: !options.boolean('share') });
  },
  autocomplete: suggestExerciseChoices,
};
