/** Swapping exercises: substitutes move the same way (or train the same main muscle) and fit the kit; a swap keeps the slot's dose. */
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
    'GIVEN a %s plan with %s THEN every substitute shares the pattern or the main muscle, fits the kit and the level, and is not in the plan',
    (group, equipment) => {
      const plan = generatePlan(request({ group, equipment }), ctx, k);
      const allowed = k.rules.equipmentLevels[equipment].items;
      const inPlan = new Set(plan.exercises.map((e) => e.id));
      for (const exercise of plan.exercises) {
        const current = byId.get(exercise.id)!;
        for (const sub of substitutesFor(plan, exercise.id, k)) {
          expect(sub.pattern === current.pattern || (mainMuscle(sub) === mainMuscle(current) && sub.mechanics === current.mechanics)).toBe(true);
          if (sub.pattern === current.pattern && mainMuscle(sub) !== mainMuscle(current)) expect(sub.pattern).not.toBe('back-extension');
          expect(fitsEquipment(sub, allowed)).toBe(true);
          expect(inPlan.has(sub.id)).toBe(false);
          expect(sub.role).not.toBe('warm-up');
          const swapped = swapExercise(plan, exercise.id, sub.id, k);
          expect(swapped.estimatedMinutes).toBeLessThanOrEqual(plan.minutes);
        }
      }
    },
  );

  test('GIVEN the leg press in a gym plan THEN other squats come first, then other quad compounds, never an isolation', () => {
    const plan = generatePlan(request(), ctx, k);
    expect(plan.exercises[0]!.id).toBe('leg-press');
    const offered = substitutesFor(plan, 'leg-press', k);
    expect(offered.map((e) => e.id)).toEqual(expect.arrayContaining(['barbell-back-squat', 'goblet-squat']));
    const firstOther = offered.findIndex((e) => e.pattern !== 'squat');
    expect(firstOther).toBeGreaterThan(1);
    expect(offered.slice(firstOther).every((e) => e.pattern !== 'squat')).toBe(true);
    expect(offered.map((e) => e.id)).not.toContain('leg-extension');
  });

  test('GIVEN a lateral lunge THEN the menu offers other lunges first, in the same order on every call', () => {
    const plan = generatePlan(request({ level: 'advanced' }), { date: '2026-11-23', seed: 3 }, k);
    const lunge = plan.exercises.find((e) => k.exercises.find((x) => x.id === e.id)?.pattern === 'lunge')!;
    const offered = substitutesFor(plan, lunge.id, k).map((e) => e.id);
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(k.exercises.find((x) => x.id === offered[0])!.pattern).toBe('lunge');
    expect(substitutesFor(plan, lunge.id, k).map((e) => e.id)).toEqual(offered);
  });

  test('GIVEN an id not in the plan THEN there are no substitutes', () => {
    expect(substitutesFor(generatePlan(request(), ctx, k), 'superman', k)).toEqual([]);
  });
});

describe('swapExercise', () => {
  test('GIVEN a swap THEN sets, reps, rest and technique stay, and sources follow the new exercise', () => {
    const plan = generatePlan(request(), ctx, k);
    const swapped = swapExercise(plan, 'leg-press', 'goblet-squat', k);
    const before = plan.exercises[0]!;
    const after = swapped.exercises[0]!;
    expect(after).toMatchObject({ id: 'goblet-squat', name: 'Goblet squat', sets: before.sets, reps: before.reps, restSeconds: before.restSeconds, technique: before.technique });
    expect(after.cues).toEqual(byId.get('goblet-squat')!.cues);
    expect(after.sources).toEqual(expect.arrayContaining(byId.get('goblet-squat')!.sources));
    expect(swapped.exercises.slice(1)).toEqual(plan.exercises.slice(1));
    expect(swapped.sources).toEqual(expect.arrayContaining(after.sources));
    expect(plan.exercises[0]!.id).toBe('leg-press'); // the original plan is untouched
  });

  test('GIVEN a swap inside a superset THEN the partner\'s note names the new exercise', () => {
    // The first advanced gym plan (by seed) whose superset has a substitute that can carry it.
    for (let seed = 1; seed < 40; seed++) {
      const plan = generatePlan(request({ level: 'advanced', minutes: 75 }), { date: '2026-11-23', seed }, k);
      const pair = plan.exercises.filter((e) => e.technique === 'superset');
      if (pair.length !== 2) continue;
      const sub = substitutesFor(plan, pair[0]!.id, k).find((e) => e.techniques.includes('superset'));
      if (!sub) continue;
      const swapped = swapExercise(plan, pair[0]!.id, sub.id, k);
      expect(swapped.exercises.find((e) => e.id === pair[1]!.id)!.techniqueNote).toContain(sub.name);
      expect(swapped.exercises.find((e) => e.id === sub.id)!.technique).toBe('superset');
      return;
    }
    throw new Error('no advanced leg plan with a swappable superset');
  });

  test('GIVEN a drop set slot and a substitute that cannot drop its load THEN the swap drops the technique', () => {
    const plan = generatePlan(request(), ctx, k);
    const dropped = plan.exercises.find((e) => e.technique === 'drop set')!;
    const unloaded = substitutesFor(plan, dropped.id, k).find((e) => !e.techniques.includes('drop set'));
    if (!unloaded) return;
    const swapped = swapExercise(plan, dropped.id, unloaded.id, k).exercises.find((e) => e.id === unloaded.id)!;
    expect(swapped).toMatchObject({ technique: null, techniqueNote: null });
  });

  test('GIVEN a one-sided substitute that would run over at the slot\'s sets THEN it is offered at the library\'s minimum sets instead', () => {
    for (let seed = 1; seed < 40; seed++) {
      const plan = generatePlan(request({ level: 'advanced', minutes: 35 }), { date: '2026-11-23', seed }, k);
      for (const exercise of plan.exercises) {
        for (const sub of substitutesFor(plan, exercise.id, k)) {
          const swapped = swapExercise(plan, exercise.id, sub.id, k);
          const after = swapped.exercises.find((e) => e.id === sub.id)!;
          expect(swapped.estimatedMinutes).toBeLessThanOrEqual(plan.minutes);
          if (after.sets < exercise.sets) {
            expect(after.sets).toBe(k.rules.sets.min);
            return;
          }
        }
      }
    }
    throw new Error('no swap needed fewer sets');
  });

  test('GIVEN unknown ids THEN swapping throws (callers only offer listed substitutes)', () => {
    const plan = generatePlan(request(), ctx, k);
    expect(() => swapExercise(plan, 'nope', 'leg-press', k)).toThrow(RangeError);
    expect(() => swapExercise(plan, 'barbell-back-squat', 'nope', k)).toThrow(RangeError);
  });
});
