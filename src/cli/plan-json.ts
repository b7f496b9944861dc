/** A plan as the `--json` document `coach workout` and `coach daily` print (the CLI's contract). */
import type { Plan } from '../core/plan-types.ts';

/** The `--json` document: the contract keys, plus seed, perSide, techniqueNote, focus, notes and progression. */
export function planJson(plan: Plan): unknown {
  return {
    group: plan.group,
    focus: plan.focus,
    goal: plan.goal,
    level: plan.level,
    equipment: plan.equipment,
    minutes: plan.minutes,
    date: plan.date,
    seed: plan.seed,
    estimatedMinutes: plan.estimatedMinutes,
    warmup: plan.warmup.map((a) => ({ name: a.name, minutes: a.minutes, sources: a.sources })),
    exercises: plan.exercises.map((e) => ({
      id: e.id,
      name: e.name,
      equipment: e.equipment,
      sets: e.sets,
      reps: { min: e.reps.min, max: e.reps.max },
      perSide: e.perSide,
      restSeconds: e.restSeconds,
      technique: e.technique,
      techniqueNote: e.techniqueNote,
      cues: e.cues,
      sources: e.sources,
    })),
    cooldown: plan.cooldown.map((a) => ({ name: a.name, minutes: a.minutes, sources: a.sources })),
    notes: plan.notes.map((n) => ({ text: n.text, sources: n.sources })),
    progression: { text: plan.progression.text, sources: plan.progression.sources },
    sources: plan.sources,
  };
}
