/** Swapping exercises: substitutes share the main muscle and fit the kit; a swap keeps the slot's dose. */
import { describe, expect, test } from 'vitest';
import { fitsEquipment, mainMuscle } from '../../src/core/exercise.ts';
import { generatePlan } from '../../src/core/plan-generator.ts';
import { EQUIPMENT_LEVELS, GROUPS } from '../../src/core/plan-types.ts';
import { substitutesFor, swapExercise } from '../../src/core/substitutes.ts';
import { knowledge, request } from './plan-fixtures.ts';

const k = knowledge();
const byId = new Map(k.exercises.map((e) => [e.id, e]));
const ctx = { date: '2026-11-23', seed: 1 };

describe('substitutesFor', () => {
  test.each(GROUPS.flatMap((group) => EQUIPMENT_LEVELS.map((equipment) => [group, equipment] as const)))(
    'GIVEN a %s plan with %s THEN every substitute shares the main muscle, fits the kit and is not in the plan',
    (group, equipment) => {
      const plan = generatePlan(request({ group, equipment }), ctx, k);
      const allowed = k.rules.equipmentLevels[equipment].items;
      const inPlan = new Set(plan.exercises.map((e) => e.id));
      for (const exercise of plan.exercises) {
        for (const sub of substitutesFor(plan, exercise.id, k)) {
          expect(mainMuscle(sub)).toBe(mainMuscle(byId.get(exercise.id)!));
          expect(fitsEquipment(sub, allowed)).toBe(true);
          expect(inPlan.has(sub.id)).toBe(false);
          expect(sub.role).not.toBe('warm-up');
          const swapped = swapExercise(plan, exercise.id, sub.id, k);
          expect(swapped.estimatedMinutes).toBeLessThanOrEqual(plan.minutes);
        }
      }
    },
  );

  test('GIVEN the back squat in a gym plan THEN other quad compounds are offered', () => {
    const plan = generatePlan(request(), ctx, k);
    const offered = substitutesFor(plan, 'barbell-back-squat', k).map((e) => e.id);
    expect(offered).toEqual(expect.arrayContaining(['leg-press', 'goblet-squat']));
    expect(offered).not.toContain('leg-extension');
  });

  test('GIVEN an id not in the plan THEN there are no substitutes', () => {
    expect(substitutesFor(generatePlan(request(), ctx, k), 'superman', k)).toEqual([]);
  });
});

describe('swapExercise', () => {
  test('GIVEN a swap THEN sets, reps, rest and technique stay, and sources follow the new exercise', () => {
    const plan = generatePlan(request(), ctx, k);
    const swapped = swapExercise(plan, 'barbell-back-squat', 'leg-press', k);
    const before = plan.exercises[0]!;
    const after = swapped.exercises[0]!;
    expect(after).toMatchObject({ id: 'leg-press', name: 'Leg press', sets: before.sets, reps: before.reps, restSeconds: before.restSeconds, technique: before.technique });
    expect(after.cues).toEqual(byId.get('leg-press')!.cues);
    expect(after.sources).toEqual(expect.arrayContaining(byId.get('leg-press')!.sources));
    expect(swapped.exercises.slice(1)).toEqual(plan.exercises.slice(1));
    expect(swapped.sources).toEqual(expect.arrayContaining(after.sources));
    expect(plan.exercises[0]!.id).toBe('barbell-back-squat'); // the original plan is untouched
  });

  test('GIVEN a swap inside a superset THEN the partner\'s note names the new exercise', () => {
    const plan = generatePlan(request({ group: 'glutes', equipment: 'bodyweight', level: 'advanced', minutes: 30 }), ctx, k);
    const [first, second] = plan.exercises.filter((e) => e.technique === 'superset');
    const sub = substitutesFor(plan, first!.id, k)[0];
    expect(sub).toBeDefined();
    const swapped = swapExercise(plan, first!.id, sub!.id, k);
    expect(swapped.exercises.find((e) => e.id === second!.id)!.techniqueNote).toContain(sub!.name);
  });

  test('GIVEN unknown ids THEN swapping throws (callers only offer listed substitutes)', () => {
    const plan = generatePlan(request(), ctx, k);
    expect(() => swapExercise(plan, 'nope', 'leg-press', k)).toThrow(RangeError);
    expect(() => swapExercise(plan, 'barbell-back-squat', 'nope', k)).toThrow(RangeError);
  });
});
