/**
 * The next target for an exercise from what the member did last time, by the library's progressive-overload rule:
 * when every set reached the top of the prescribed range, add the smallest load step the equipment allows (in the
 * member's unit); otherwise add a rep. Pure: the plan and the history summary come in as arguments.
 */
import type { Group, Plan, PlanExercise } from './plan-types.ts';
import { SAME_LOAD_KG } from './records.ts';
import { formatSetLine, summaryIds, type ExerciseSummary, type SetGroup, type TrainingLogHead } from './training-log.ts';
import { convertWeight, formatNumber, roundTo, toKg, type WeightUnit } from './units.ts';

/**
 * The passages that state the rule (make the work harder over time: more weight, more reps, more sets), cited per
 * group from that group's own source where it says so.
 */
export const PROGRESSION_SOURCES: Record<Group, readonly string[]> = {
  legs: ['leg-training#progressive-overload'],
  glutes: ['leg-training#progressive-overload', 'glute-pump#a-pump-is-not-proof-of-growth'],
  back: ['back-pump#a-pump-is-not-the-main-signal'],
};

/** How an exercise is loaded, which decides the smallest step up. */
export type LoadKind = 'barbell' | 'dumbbell' | 'kettlebell' | 'stack' | 'unloaded';

/** The kind of load of an exercise, from the equipment the catalogue lists for it. */
export function loadKind(equipment: readonly string[]): LoadKind {
  if (equipment.includes('barbell')) return 'barbell';
  if (equipment.includes('dumbbell')) return 'dumbbell';
  if (equipment.includes('kettlebell')) return 'kettlebell';
  if (equipment.includes('machine') || equipment.includes('cable')) return 'stack';
  return 'unloaded';
}

/**
 * The smallest load step (our design, from common gym kit): barbell 2.5 kg / 5 lb (the lightest plate pair);
 * dumbbells 1 kg below 10 kg then 2 kg, 2.5 lb below 25 lb then 5 lb; kettlebells 4 kg / 10 lb; machine and cable
 * stacks 5 kg / 10 lb. Null when the exercise takes no load (bands, bodyweight).
 */
export function loadStep(kind: LoadKind, weight: number, unit: WeightUnit): number | null {
  switch (kind) {
    case 'barbell':
      return unit === 'kg' ? 2.5 : 5;
    case 'dumbbell':
      return unit === 'kg' ? (weight < 10 ? 1 : 2) : weight < 25 ? 2.5 : 5;
    case 'kettlebell':
      return unit === 'kg' ? 4 : 10;
    case 'stack':
      return unit === 'kg' ? 5 : 10;
    case 'unloaded':
      return null;
  }
}

/** The multiple of `step` nearest to `value` (the load a member can actually put on the bar). */
export function nearestStep(value: number, step: number): number {
  return roundTo(Math.round(value / step) * step, 6);
}

/**
 * The next load up: the smallest multiple of the step at least half a step above `weight`. On the step grid that is
 * exactly one step (100 → 102.5 kg); off it (a load converted from the other unit) it is the next loadable weight.
 */
export function nextLoad(weight: number, step: number): number {
  return roundTo(Math.ceil((weight + step / 2) / step - 1e-9) * step, 6);
}

/** How the target differs from last time. */
export type TargetChange = 'add-load' | 'add-rep' | 'add-set';

/** The next target for one exercise, in the member's unit. */
export interface ProgressTarget {
  sets: number;
  reps: number;
  weight: number;
  unit: WeightUnit;
  change: TargetChange;
}

/** What the prescription asks of one exercise today. */
export interface Prescription {
  sets: number;
  reps: { min: number; max: number };
  equipment: readonly string[];
}

/**
 * The next target from last session's work. The heaviest load of that session decides: when every set at it reached
 * the top of today's range, add a load step (reps back to the bottom of the range); otherwise add a rep (never below
 * the range). An exercise that takes no load adds a set instead of load.
 */
export function nextTarget(last: readonly SetGroup[], prescription: Prescription, unit: WeightUnit): ProgressTarget {
  const topKg = Math.max(...last.map((g) => toKg(g.weight, g.unit)));
  const atTop = last.filter((g) => toKg(g.weight, g.unit) >= topKg - SAME_LOAD_KG);
  const reps = Math.min(...atTop.map((g) => g.reps));
  const basis = atTop[0] ?? { weight: 0, unit };
  const weight = convertWeight(basis.weight, basis.unit, unit);
  // A load held on a bodyweight exercise (a vest, a dumbbell) still moves in dumbbell steps.
  const kind = loadKind(prescription.equipment);
  const step = loadStep(kind === 'unloaded' && weight > 0 ? 'dumbbell' : kind, weight, unit);
  // Last time's load in today's unit: exact when the units match, else the nearest load on the member's kit.
  const same = basis.unit === unit ? weight : step ? nearestStep(weight, step) : roundTo(weight, 1);
  const { min, max } = prescription.reps;
  if (reps >= max) {
    if (step && weight > 0) return { sets: prescription.sets, reps: min, weight: nextLoad(weight, step), unit, change: 'add-load' };
    return { sets: prescription.sets + 1, reps: max, weight: same, unit, change: 'add-set' };
  }
  return { sets: prescription.sets, reps: Math.min(max, Math.max(min, reps + 1)), weight: same, unit, change: 'add-rep' };
}

/** "Last time" and the next target for one exercise of a plan. */
export interface ExerciseProgress {
  exerciseId: string;
  /** When it was last logged (ISO instant). */
  lastAt: string;
  last: SetGroup[];
  target: ProgressTarget;
  /** The passages the target's rule comes from. */
  sources: readonly string[];
}

/**
 * Progress lines for every exercise of the plan the member has logged before, in plan order. `summaries` holds the
 * summaries read for the plan (by id, see summaryIds), `head` the names they were logged under.
 */
export function planProgress(plan: Plan, head: TrainingLogHead | undefined, summaries: Readonly<Record<string, ExerciseSummary>>, unit: WeightUnit): ExerciseProgress[] {
  return plan.exercises.flatMap((exercise: PlanExercise) => {
    const summary = summaryIds(head, exercise.id, exercise.name)
      .map((id) => summaries[id])
      .find((found) => found !== undefined);
    if (!summary || summary.last.groups.length === 0) return [];
    const target = nextTarget(summary.last.groups, { sets: exercise.sets, reps: exercise.reps, equipment: exercise.equipment }, unit);
    return [{ exerciseId: exercise.id, lastAt: summary.last.at, last: summary.last.groups, target, sources: PROGRESSION_SOURCES[plan.group] }];
  });
}

/** A load as the "Log this workout" form writes it: `62.5 kg`, or a word for no added load (`band`, `bodyweight`). */
export function formLoad(weight: number, unit: WeightUnit, equipment: readonly string[]): string {
  if (weight > 0) return `${formatNumber(weight)} ${unit}`;
  return equipment.includes('band') ? 'band' : 'bodyweight';
}

/**
 * The form's prefilled line for one exercise: the next target when there is history (`3x9 @ 100 kg`, ready to
 * submit), else the prescription waiting for a weight (`3x10 @ `), or complete for an exercise that takes no load.
 */
export function formPrefill(exercise: PlanExercise, progress: ExerciseProgress | undefined): string {
  if (progress) return formatSetLine(progress.target.sets, progress.target.reps, formLoad(progress.target.weight, progress.target.unit, exercise.equipment));
  const load = loadKind(exercise.equipment) === 'unloaded' ? formLoad(0, 'kg', exercise.equipment) : '';
  return formatSetLine(exercise.sets, exercise.reps.min, load);
}
