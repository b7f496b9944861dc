/** Exercise swaps for a generated plan: substitutes that keep the slot honest, and the swap itself. */
import { fitsEquipment, fitsLevel, mainMuscle, type Exercise } from './exercise.ts';
import {
  allowedItems,
  estimateMinutes,
  exerciseSources,
  isVariant,
  planSources,
  shapeFor,
  sharesSlot,
  techniqueApplies,
  techniqueFits,
  techniqueNote,
} from './plan-generator.ts';
import type { Plan, PlanExercise, PlanRequest } from './plan-types.ts';
import type { PlanKnowledge } from './training-rules.ts';

function requestOf(plan: Plan): PlanRequest {
  const request: PlanRequest = { group: plan.group, goal: plan.goal, level: plan.level, equipment: plan.equipment, minutes: plan.minutes };
  if (plan.focus) request.focus = plan.focus;
  return request;
}

/** The index of the superset partner of exercise `index`, or -1 (partners sit side by side, read left to right). */
function partnerIndex(exercises: readonly PlanExercise[], index: number): number {
  if (exercises[index]?.technique !== 'superset') return -1;
  let start = 0;
  while (start < exercises.length) {
    if (exercises[start]?.technique === 'superset' && exercises[start + 1]?.technique === 'superset') {
      if (index === start) return start + 1;
      if (index === start + 1) return start;
      start += 2;
    } else start++;
  }
  return -1;
}

/**
 * Whether the substitute can carry the slot's technique: it suits it (catalogue), the rules allow it, and a superset
 * partner moves differently. A superset paired only to fit a short session needs the pairing alone, like the generator.
 */
function keepsTechnique(plan: Plan, index: number, substitute: Exercise, knowledge: PlanKnowledge): boolean {
  const old = plan.exercises[index] as PlanExercise;
  if (!old.technique) return true;
  const { rules } = knowledge;
  if (old.technique !== 'superset') return techniqueFits(old.technique, substitute, rules);
  const partner = plan.exercises[partnerIndex(plan.exercises, index)];
  const partnerPattern = knowledge.exercises.find((e) => e.id === partner?.id)?.pattern;
  if (!substitute.techniques.includes('superset') || substitute.pattern === partnerPattern) return false;
  const forTime = plan.notes.some((note) => note.text === rules.shortSession.superset.note);
  return forTime || techniqueApplies(rules.techniques.definitions.superset, substitute);
}

/**
 * The plan's exercises with one replaced: the slot keeps its sets, reps and rest, and its technique when the
 * substitute can carry it (otherwise the technique, and a superset partner's, is dropped).
 */
function replaced(plan: Plan, index: number, substitute: Exercise, knowledge: PlanKnowledge): PlanExercise[] {
  const { rules } = knowledge;
  const request = requestOf(plan);
  const old = plan.exercises[index] as PlanExercise;
  const keep = keepsTechnique(plan, index, substitute, knowledge);
  const partner = partnerIndex(plan.exercises, index);
  return plan.exercises.map((exercise, i) => {
    if (i === index) {
      const technique = keep ? old.technique : null;
      return {
        ...old,
        id: substitute.id,
        name: substitute.name,
        equipment: [...substitute.equipment],
        perSide: substitute.unilateral,
        technique,
        techniqueNote: technique ? old.techniqueNote : null,
        cues: [...substitute.cues],
        sources: exerciseSources(substitute, request, technique, rules),
      };
    }
    if (i !== partner) return exercise;
    if (!keep) {
      const unpaired = knowledge.exercises.find((e) => e.id === exercise.id);
      return { ...exercise, technique: null, techniqueNote: null, sources: unpaired ? exerciseSources(unpaired, request, null, rules) : exercise.sources };
    }
    return { ...exercise, techniqueNote: techniqueNote(rules.techniques.definitions.superset, substitute.name) };
  });
}

/**
 * The plan's exercises with the swap made, if they fit the plan's minutes: at the slot's sets, or else at the
 * library's minimum sets for the new exercise (and its superset partner, which shares its set count).
 */
function fitting(plan: Plan, index: number, substitute: Exercise, knowledge: PlanKnowledge): PlanExercise[] | undefined {
  const { rules } = knowledge;
  const fits = (exercises: PlanExercise[]) => estimateMinutes(exercises, plan.warmup, plan.cooldown, rules) <= plan.minutes;
  const exercises = replaced(plan, index, substitute, knowledge);
  if (fits(exercises)) return exercises;
  const swapped = exercises[index] as PlanExercise;
  const partner = swapped.technique === 'superset' ? partnerIndex(exercises, index) : -1;
  const fewer = exercises.map((e, i) => (i === index || i === partner ? { ...e, sets: Math.min(e.sets, rules.sets.min) } : e));
  return fits(fewer) ? fewer : undefined;
}

/**
 * Exercises that can take `exerciseId`'s place: the same movement pattern in the same slot of the session first,
 * then the same main muscle and mechanics, each in catalogue order (a stable menu). Every one fits the plan's equipment and level, is not in the
 * plan nor a version of another exercise in it, and keeps the plan within its minutes. Empty when the id is not in
 * the plan.
 */
export function substitutesFor(plan: Plan, exerciseId: string, knowledge: PlanKnowledge): Exercise[] {
  const index = plan.exercises.findIndex((e) => e.id === exerciseId);
  const current = knowledge.exercises.find((e) => e.id === exerciseId);
  if (index === -1 || !current) return [];
  const allowed = allowedItems(knowledge.rules, plan.equipment);
  const shape = shapeFor(requestOf(plan), knowledge.rules);
  const others = plan.exercises.flatMap((e, i) => (i === index ? [] : knowledge.exercises.filter((x) => x.id === e.id)));
  const samePattern = (candidate: Exercise) => candidate.pattern === current.pattern && sharesSlot(candidate, current, shape);
  const eligible = knowledge.exercises.filter((candidate) => {
    if (candidate.role === 'warm-up' || !candidate.pattern || candidate.id === current.id) return false;
    if (!samePattern(candidate) && (mainMuscle(candidate) !== mainMuscle(current) || candidate.mechanics !== current.mechanics)) return false;
    if (!fitsEquipment(candidate, allowed) || !fitsLevel(candidate, plan.level)) return false;
    if (others.some((e) => e.id === candidate.id || isVariant(e, candidate))) return false;
    return fitting(plan, index, candidate, knowledge) !== undefined;
  });
  return [...eligible.filter(samePattern), ...eligible.filter((e) => !samePattern(e))];
}

/**
 * Replaces one exercise with a substitute, keeping its sets (fewer only where the plan's minutes need it), reps,
 * rest and (where it suits) technique; recomputes sources and the estimate. Throws when either id is unknown (callers offer only what substitutesFor returned).
 */
export function swapExercise(plan: Plan, exerciseId: string, substituteId: string, knowledge: PlanKnowledge): Plan {
  const index = plan.exercises.findIndex((e) => e.id === exerciseId);
  const substitute = knowledge.exercises.find((e) => e.id === substituteId);
  if (index === -1) throw new RangeError(`exercise "${exerciseId}" is not in the plan`);
  if (!substitute) throw new RangeError(`exercise "${substituteId}" is not in the catalogue`);
  const exercises = fitting(plan, index, substitute, knowledge) ?? replaced(plan, index, substitute, knowledge);
  const request = requestOf(plan);
  // A superset dropped by the swap takes its "paired to fit the time" note with it.
  const pairNote = knowledge.rules.shortSession.superset.note;
  const notes = exercises.some((e) => e.technique === 'superset') ? plan.notes : plan.notes.filter((note) => note.text !== pairNote);
  return {
    ...plan,
    exercises,
    notes,
    estimatedMinutes: estimateMinutes(exercises, plan.warmup, plan.cooldown, knowledge.rules),
    sources: planSources(request, { warmup: plan.warmup, exercises, cooldown: plan.cooldown, notes, progression: plan.progression }, knowledge.rules),
  };
}
