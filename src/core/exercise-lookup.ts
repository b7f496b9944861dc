/** Finding a catalogue exercise from what a member typed: by id, name or alias; suggestions as they type; nearest names for a typo. */
import type { Exercise } from './exercise.ts';
import { normalise } from './group-aliases.ts';
import { editDistance } from './text-analysis.ts';

/** Most suggestions an autocomplete shows (Discord's limit, which the console keeps too). @default 25 */
export const MAX_SUGGESTIONS = 25;

/** The names an exercise answers to, normalised: its name, its aliases and its id. */
function labels(exercise: Exercise): string[] {
  return [exercise.name, ...exercise.aliases, exercise.id].map(normalise);
}

/** The exercises a member can log: working exercises (warm-up drills are not logged against records). */
export function loggableExercises(exercises: readonly Exercise[]): Exercise[] {
  return exercises.filter((e) => e.role !== 'warm-up');
}

/** The exercise a member's text names exactly (id, name or alias, any case), or undefined. */
export function resolveExercise(text: string, exercises: readonly Exercise[]): Exercise | undefined {
  const wanted = normalise(text);
  if (!wanted) return undefined;
  return exercises.find((e) => e.id === text.trim()) ?? exercises.find((e) => labels(e).includes(wanted));
}

/** One autocomplete suggestion: the name shown (with the alias that matched) and the id sent back. */
export interface ExerciseSuggestion {
  name: string;
  value: string;
}

/**
 * Suggestions while a member types: names and aliases that start with the text first, then those containing it,
 * catalogue order within each. With nothing typed, the first exercises of the catalogue.
 */
export function suggestExercises(typed: string, exercises: readonly Exercise[], limit = MAX_SUGGESTIONS): ExerciseSuggestion[] {
  const needle = normalise(typed);
  const scored: { exercise: Exercise; rank: number; alias?: string }[] = [];
  for (const exercise of exercises) {
    if (!needle) {
      scored.push({ exercise, rank: 0 });
      continue;
    }
    const name = normalise(exercise.name);
    const words = (label: string) => label.split(' ').some((word) => word.startsWith(needle));
    if (name.startsWith(needle)) scored.push({ exercise, rank: 0 });
    else if (words(name)) scored.push({ exercise, rank: 1 });
    else {
      const alias = exercise.aliases.find((a) => normalise(a).startsWith(needle) || words(normalise(a)));
      if (alias) scored.push({ exercise, rank: 2, alias });
      else if (name.includes(needle)) scored.push({ exercise, rank: 3 });
      else {
        const inside = exercise.aliases.find((a) => normalise(a).includes(needle));
        if (inside) scored.push({ exercise, rank: 4, alias: inside });
      }
    }
  }
  return scored
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ exercise, alias }) => ({ name: alias ? `${exercise.name} (${alias})` : exercise.name, value: exercise.id }));
}

/** The names of the `count` exercises closest to the text (fewest edits to a name or alias; containing it counts as close). */
export function nearestExercises(text: string, exercises: readonly Exercise[], count = 3): string[] {
  const wanted = normalise(text);
  const distance = (exercise: Exercise) =>
    Math.min(...labels(exercise).map((label) => (label.includes(wanted) || wanted.includes(label) ? Math.abs(label.length - wanted.length) / 100 : editDistance(wanted, label, 64))));
  return exercises
    .map((exercise, index) => ({ exercise, index, distance: distance(exercise) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, count)
    .map((e) => e.exercise.name);
}
