/** Next targets and plate-step rounding in both units, by the library's progressive-overload rule. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generatePlan } from '../../src/core/plan-generator.ts';
import {
  formPrefill,
  loadKind,
  loadStep,
  nextLoad,
  nextTarget,
  planProgress,
  PROGRESSION_SOURCES,
  type LoadKind,
} from '../../src/core/progression-targets.ts';
import { emptyHead, foldLog, parseSetLine, type LogEntry } from '../../src/core/training-log.ts';
import { convertWeight, type WeightUnit } from '../../src/core/units.ts';
import { knowledge, request } from './plan-fixtures.ts';

const isMultiple = (value: number, step: number) => Math.abs(value / step - Math.round(value / step)) < 1e-6;
const unitArb = fc.constantFrom<WeightUnit>('kg', 'lb');
const kindArb = fc.constantFrom<LoadKind>('barbell', 'dumbbell', 'kettlebell', 'stack');

describe('load steps', () => {
  test.each([
    [['barbell', 'squat-rack'], 'barbell'],
    [['dumbbell', 'bench'], 'dumbbell'],
    [['kettlebell'], 'kettlebell'],
    [['machine'], 'stack'],
    [['cable'], 'stack'],
    [['band'], 'unloaded'],
    [[], 'unloaded'],
  ] as const)('GIVEN equipment %j THEN the load is a %s', (equipment, kind) => {
    expect(loadKind(equipment)).toBe(kind);
  });

  test.each([
    ['barbell', 100, 'kg', 2.5],
    ['barbell', 225, 'lb', 5],
    ['dumbbell', 8, 'kg', 1],
    ['dumbbell', 22, 'kg', 2],
    ['dumbbell', 20, 'lb', 2.5],
    ['dumbbell', 50, 'lb', 5],
    ['stack', 45, 'kg', 5],
    ['stack', 100, 'lb', 10],
    ['unloaded', 0, 'kg', null],
  ] as const)('GIVEN a %s at %d %s THEN the smallest step is %s', (kind, weight, unit, step) => {
    expect(loadStep(kind, weight, unit)).toBe(step);
  });

  test.each([
    [100, 2.5, 102.5],
    [102.5, 2.5, 105],
    [225, 5, 230],
    [convertWeight(100, 'kg', 'lb'), 5, 225],
    [convertWeight(225, 'lb', 'kg'), 2.5, 105],
    [11, 2, 12],
  ])('GIVEN %d and a step of %d THEN the next load is %d', (weight, step, next) => {
    expect(nextLoad(weight, step)).toBe(next);
  });

  test('GIVEN any load in either unit THEN the next load is on the step grid, heavier, and at most one and a half steps up', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1000, noNaN: true }), unitArb, kindArb, (weight, unit, kind) => {
        const step = loadStep(kind, weight, unit)!;
        const next = nextLoad(weight, step);
        expect(isMultiple(next, step)).toBe(true);
        expect(next).toBeGreaterThan(weight);
        expect(next - weight).toBeLessThanOrEqual(1.5 * step + 1e-9);
      }),
    );
  });

  test('GIVEN a load already on the grid THEN the next load is exactly one step up, in kg and in lb', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), unitArb, kindArb, (halves, unit, kind) => {
        const weight = halves / 2;
        const step = loadStep(kind, weight, unit)!;
        fc.pre(isMultiple(weight, step));
        expect(nextLoad(weight, step)).toBeCloseTo(weight + step, 9);
      }),
    );
  });

  test('GIVEN a load logged in the other unit THEN the target is the next loadable weight on the member\'s own kit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 200 }), unitArb, (n, unit) => {
        const other: WeightUnit = unit === 'kg' ? 'lb' : 'kg';
        const logged = n * (other === 'kg' ? 2.5 : 5);
        const target = nextTarget([{ sets: 3, reps: 10, weight: logged, unit: other }], { sets: 3, reps: { min: 8, max: 10 }, equipment: ['barbell'] }, unit);
        const step = unit === 'kg' ? 2.5 : 5;
        expect(target.unit).toBe(unit);
        expect(isMultiple(target.weight, step)).toBe(true);
        expect(target.weight).toBeGreaterThan(convertWeight(logged, other, unit));
      }),
    );
  });
});

describe('next target', () => {
  const barbell = { sets: 3, reps: { min: 8, max: 12 }, equipment: ['barbell', 'squat-rack'] };
  test.each([
    { what: 'every set at the top of the range', last: [{ sets: 3, reps: 12, weight: 100, unit: 'kg' as const }], target: { sets: 3, reps: 8, weight: 102.5, change: 'add-load' } },
    { what: 'sets short of the top', last: [{ sets: 3, reps: 9, weight: 100, unit: 'kg' as const }], target: { sets: 3, reps: 10, weight: 100, change: 'add-rep' } },
    { what: 'reps below the range', last: [{ sets: 3, reps: 5, weight: 100, unit: 'kg' as const }], target: { sets: 3, reps: 8, weight: 100, change: 'add-rep' } },
    {
      what: 'one set at the heaviest load short of the top',
      last: [
        { sets: 2, reps: 12, weight: 100, unit: 'kg' as const },
        { sets: 1, reps: 10, weight: 100, unit: 'kg' as const },
      ],
      target: { sets: 3, reps: 11, weight: 100, change: 'add-rep' },
    },
  ])('GIVEN $what THEN the target is $target.change', ({ last, target }) => {
    expect(nextTarget(last, barbell, 'kg')).toEqual({ ...target, unit: 'kg' });
  });

  test('GIVEN a bodyweight exercise at the top of its range THEN the target adds a set, not load', () => {
    expect(nextTarget([{ sets: 3, reps: 20, weight: 0, unit: 'kg' }], { sets: 3, reps: { min: 15, max: 20 }, equipment: [] }, 'kg')).toEqual({
      sets: 4,
      reps: 20,
      weight: 0,
      unit: 'kg',
      change: 'add-set',
    });
  });

  test('GIVEN a dumbbell exercise in lb THEN the step is 2.5 lb below 25 lb and 5 lb above', () => {
    const dumbbell = { sets: 3, reps: { min: 10, max: 15 }, equipment: ['dumbbell'] };
    expect(nextTarget([{ sets: 3, reps: 15, weight: 20, unit: 'lb' }], dumbbell, 'lb').weight).toBe(22.5);
    expect(nextTarget([{ sets: 3, reps: 15, weight: 40, unit: 'lb' }], dumbbell, 'lb').weight).toBe(45);
  });

  test('GIVEN history for an exercise of the plan THEN the plan gets its last time, target and cited sources; others get none', () => {
    const plan = generatePlan(request({ group: 'legs' }), { date: '2026-03-02', seed: 1 }, knowledge());
    const first = plan.exercises[0]!;
    const entry: LogEntry = { seq: 0, at: '2026-03-01T10:00:00.000Z', sessionId: 's', exerciseId: first.id, exerciseName: first.name, sets: 3, reps: first.reps.max, weight: 100, unit: 'kg' };
    const { head, summaries } = foldLog(emptyHead('UTC'), {}, [entry], () => 0);
    const progress = planProgress(plan, head, summaries, 'kg');
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({ exerciseId: first.id, last: [{ sets: 3, reps: first.reps.max, weight: 100 }], sources: PROGRESSION_SOURCES.legs });
    expect(progress[0]!.target.change).toBe(loadKind(first.equipment) === 'unloaded' ? 'add-set' : 'add-load');
    // The form's prefilled line for it is the target, and it parses back to the same numbers.
    const line = parseSetLine(formPrefill(first, progress[0]), 'kg');
    expect(line).toMatchObject({ kind: 'ok', value: { sets: progress[0]!.target.sets, reps: progress[0]!.target.reps, weight: progress[0]!.target.weight } });
    // Without history the line waits for a weight (or is complete for an exercise that takes none).
    expect(formPrefill(first, undefined)).toBe(`${first.sets}x${first.reps.min} @ ${loadKind(first.equipment) === 'unloaded' ? 'bodyweight' : ''}`);
  });

  test('GIVEN the cited passages THEN each exists in the library and states the overload rule', () => {
    const { library } = knowledge();
    for (const ids of Object.values(PROGRESSION_SOURCES)) {
      for (const id of ids) expect(library.byId.get(id)?.text.toLowerCase()).toContain('progressive overload');
    }
  });
});
