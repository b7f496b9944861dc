/** Exercise swaps for a generated plan: substitutes that keep the slot honest, and the swap itself. */
import { fitsEquipment, mainMuscle, type Exercise } from './exercise.ts';
import {
  allowedItems,
  estimateMinutes,
  exerciseSources,
  planSources,
  techniqueApplies,
  techniqueNote,
} from './plan-generator.ts';
import type { Plan, PlanExercise, PlanRequest } from './plan-types.ts';
import type { PlanKnowledge } from './training-rules.ts';

function requestOf(plan: Plan): PlanRequest {
  return { group: plan.group, goal: plan.goal, level: plan.level, equipment: plan.equipment, minutes: plan.minutes };
}

function replaced(plan: Plan, index: number, substitute: Exercise, knowledge: PlanKnowledge): PlanExercise[] {
  const { rules } = knowledge;
  const request = requestOf(plan);
  const old = plan.exercises[index] as PlanExercise;
  return plan.exercises.map((exercise, i) => {
    if (i === index) {
      return {
        ...old,
        id: substitute.id,
        name: substitute.name,
        equipment: [...substitute.equipment],
        perSide: substitute.unilateral,
        cues: [...substitute.cues],
        sources: exerciseSources(substitute, request, old.technique, rules),
      };
    }
    // A plan holds at most one superset (each technique is used once), so the other superset exercise is the
    // partner; its note named the exercise swapped out.
    const isPartner = old.technique === 'superset' && exercise.technique === 'superset';
    return isPartner ? { ...exercise, techniqueNote: techniqueNote(rules.techniques.definitions.superset, substitute.name) } : exercise;
  });
}

/**
 * Exercises that can take `exerciseId`'s place: same main (first primary) muscle and mechanics, fits the plan's
 * equipment, not already in the plan, able to carry the slot's technique, and keeping the plan within its minutes.
 * Catalogue order; empty when the id is not in the plan.
 */
export function substitutesFor(plan: Plan, exerciseId: string, knowledge: PlanKnowledge): Exercise[] {
  const index = plan.exercises.findIndex((e) => e.id === exerciseId);
  const current = knowledge.exercises.find((e) => e.id === exerciseId);
  const slot = plan.exercises[index];
  if (index === -1 || !current || !slot) return [];
  const allowed = allowedItems(knowledge.rules, plan.equipment);
  const inPlan = new Set(plan.exercises.map((e) => e.id));
  return knowledge.exercises.filter((candidate) => {
    if (candidate.role === 'warm-up' || !candidate.pattern || inPlan.has(candidate.id)) return false;
    if (mainMuscle(candidate) !== mainMuscle(current) || candidate.mechanics !== current.mechanics) return false;
    if (!fitsEquipment(candidate, allowed)) return false;
    if (slot.technique && !techniqueApplies(knowledge.rules.techniques.definitions[slot.technique], candidate)) return false;
    const exercises = replaced(plan, index, candidate, knowledge);
    return estimateMinutes(exercises, plan.warmup, plan.cooldown, knowledge.rules) <= plan.minutes;
  });
}

/**
 * Replaces one exercise with a substitute, keeping its sets, reps, rest and technique; recomputes sources and the
 * estimate. Throws when either id is unknown (callers offer only what substitutesFor returned).
 */
export function swapExercise(plan: Plan, exerciseId: string, substituteId: string, knowledge: PlanKnowledge): Plan {
  const index = plan.exercises.findIndex((e) => e.id === exerciseId);
  const substitute = knowledge.exercises.find((e) => e.id === substituteId);
  if (index === -1) throw new RangeError(`exercise "${exerciseId}" is not in the plan`);
  if (!substitute) throw new RangeError(`exercise "${substituteId}" is not in the catalogue`);
  const exercises = replaced(plan, index, substitute, knowledge);
  const request = requestOf(plan);
  return {
    ...plan,
    exercises,
    estimatedMinutes: estimateMinutes(exercises, plan.warmup, plan.cooldown, knowledge.rules),
    sources: planSources(request, { warmup: plan.warmup, exercises, cooldown: plan.cooldown }, knowledge.rules),
  };
}
