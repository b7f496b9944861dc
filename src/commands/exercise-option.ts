/** The `exercise` option /log, /history and /prs share: suggestions as the member types, and reading what was typed. */
import type { Exercise } from '../core/exercise.ts';
import { loggableExercises, nearestExercises, resolveExercise, suggestExercises } from '../core/exercise-lookup.ts';
import type { AutocompleteContext, OptionSpec } from './command-kit.ts';
import type { CommandServices } from './services.ts';

/** Longest exercise text accepted (names and aliases are far shorter). @default 100 */
export const MAX_EXERCISE_TEXT = 100;

/** The option spec: free text with suggestions over the catalogue's names and aliases. */
export function exerciseOption(description: string, required: boolean): OptionSpec {
  return { name: 'exercise', description, type: 'string', required, autocomplete: true, maxLength: MAX_EXERCISE_TEXT };
}

/** Suggests catalogue exercises (name, or name with the alias that matched) for what is typed; the value sent back is the id. */
export async function suggestExerciseChoices(ctx: AutocompleteContext, services: CommandServices): Promise<void> {
  if (ctx.focused.name !== 'exercise') return ctx.respond([]);
  await ctx.respond(suggestExercises(ctx.focused.value, loggableExercises(services.knowledge.exercises)));
}

/** The exercise the option names (id, name or alias), or the three nearest names to offer instead. */
export function readExercise(text: string, services: CommandServices): { ok: true; exercise: Exercise } | { ok: false; nearest: string[] } {
  const exercises = loggableExercises(services.knowledge.exercises);
  const exercise = resolveExercise(text, exercises);
  return exercise ? { ok: true, exercise } : { ok: false, nearest: nearestExercises(text, exercises) };
}
