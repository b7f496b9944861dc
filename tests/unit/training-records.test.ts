/** Record maths: Epley, best weight, best reps at a weight, and the fold the summary and /prs share. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addToRecords, epley, recordsOf, SAME_LOAD_KG, type RecordPoint } from '../../src/core/records.ts';
import { toKg } from '../../src/core/units.ts';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
const point = (weight: number, reps: number, n = 0, unit: 'kg' | 'lb' = 'kg'): RecordPoint => ({ weight, unit, reps, at: at(n) });

const pointArb = fc.record({
  weight: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 }).map((w) => w * 2.5)),
  unit: fc.constantFrom('kg' as const, 'lb' as const),
  reps: fc.integer({ min: 1, max: 100 }),
});
const pointsArb = fc.array(pointArb, { minLength: 1, maxLength: 40 }).map((list) => list.map((p, i) => ({ ...p, at: at(i) })));
const kg = (p: RecordPoint) => toKg(p.weight, p.unit);

describe('Epley', () => {
  test.each([
    [100, 1, 100 * (31 / 30)],
    [100, 10, 100 * (4 / 3)],
    [60, 30, 120],
    [0, 12, 0],
  ])('GIVEN %d × %d THEN the estimate is w × (1 + reps / 30) = %d', (weight, reps, expected) => {
    expect(epley(weight, reps)).toBeCloseTo(expected, 10);
  });

  test('GIVEN more weight or more reps THEN the estimate never goes down', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 1, max: 99 }), fc.double({ min: 0, max: 10, noNaN: true }), (w, r, extra) => {
        expect(epley(w + extra, r)).toBeGreaterThanOrEqual(epley(w, r));
        expect(epley(w, r + 1)).toBeGreaterThanOrEqual(epley(w, r));
      }),
    );
  });
});

describe('records of one exercise', () => {
  test('GIVEN a first entry THEN it sets the baseline and breaks nothing', () => {
    expect(addToRecords(recordsOf([]), point(100, 8)).broken).toEqual([]);
  });

  test.each([
    { what: 'a heavier load', before: [point(100, 8)], next: point(102.5, 5), broken: ['weight'] },
    { what: 'a heavier load for as many reps', before: [point(100, 8)], next: point(102.5, 8), broken: ['weight', 'e1rm'] },
    { what: 'one more rep at the same load', before: [point(100, 8)], next: point(100, 9), broken: ['e1rm', 'reps'] },
    { what: 'as many reps at a lighter load', before: [point(100, 8)], next: point(90, 8), broken: [] },
    { what: 'more reps at a lighter load, a higher estimate', before: [point(100, 8)], next: point(90, 13), broken: ['e1rm', 'reps'] },
    { what: 'more reps at a lighter load, a lower estimate', before: [point(100, 8)], next: point(90, 12), broken: ['reps'] },
    { what: 'the same load in the other unit', before: [point(100, 8)], next: { ...point(100 / 0.45359237, 8, 1), unit: 'lb' as const }, broken: [] },
    { what: 'the same effort again', before: [point(100, 8)], next: point(100, 8, 5), broken: [] },
    { what: 'more bodyweight reps', before: [point(0, 12)], next: point(0, 15), broken: ['reps'] },
    { what: 'a first loaded set after bodyweight ones', before: [point(0, 12)], next: point(10, 8), broken: [] },
  ])('GIVEN $what THEN it breaks $broken', ({ before, next, broken }) => {
    expect(addToRecords(recordsOf(before), next).broken).toEqual(broken);
  });

  test('GIVEN any efforts THEN the best weight is the heaviest loaded one, first reached', () => {
    fc.assert(
      fc.property(pointsArb, (points) => {
        const records = recordsOf(points);
        const loaded = points.filter((p) => kg(p) > SAME_LOAD_KG);
        if (!loaded.length) {
          expect(records.bestWeight).toBeUndefined();
          return;
        }
        const max = Math.max(...loaded.map(kg));
        expect(kg(records.bestWeight!)).toBeCloseTo(max, 9);
        expect(records.bestWeight).toEqual(loaded.find((p) => kg(p) >= max - SAME_LOAD_KG));
      }),
    );
  });

  test('GIVEN any efforts THEN the best estimate is the highest Epley of the loaded ones', () => {
    fc.assert(
      fc.property(pointsArb, (points) => {
        const records = recordsOf(points);
        const loaded = points.filter((p) => kg(p) > SAME_LOAD_KG);
        if (!loaded.length) {
          expect(records.bestE1rm).toBeUndefined();
          return;
        }
        const best = Math.max(...loaded.map((p) => epley(kg(p), p.reps)));
        expect(epley(kg(records.bestE1rm!), records.bestE1rm!.reps)).toBeCloseTo(best, 6);
      }),
    );
  });

  test('GIVEN any efforts THEN the rep records are exactly the efforts nothing beats on both load and reps', () => {
    fc.assert(
      fc.property(pointsArb, (points) => {
        const { repRecords } = recordsOf(points);
        const beaten = (p: RecordPoint) => points.some((q) => kg(q) >= kg(p) - SAME_LOAD_KG && q.reps >= p.reps && (kg(q) > kg(p) + SAME_LOAD_KG || q.reps > p.reps));
        const frontier = new Set(points.filter((p) => !beaten(p)).map((p) => `${kg(p).toFixed(6)}×${p.reps}`));
        expect(new Set(repRecords.map((p) => `${kg(p).toFixed(6)}×${p.reps}`))).toEqual(frontier);
        // Heaviest first, each heavier record with fewer reps.
        for (let i = 1; i < repRecords.length; i++) {
          expect(kg(repRecords[i - 1]!)).toBeGreaterThan(kg(repRecords[i]!));
          expect(repRecords[i - 1]!.reps).toBeLessThan(repRecords[i]!.reps);
        }
      }),
    );
  });

  test('GIVEN any efforts THEN an effort breaks a record exactly when the records change to include it', () => {
    fc.assert(
      fc.property(pointsArb, pointArb, (points, next) => {
        const before = recordsOf(points);
        const effort = { ...next, at: at(999) };
        const { records, broken } = addToRecords(before, effort);
        expect(broken.includes('weight')).toBe(records.bestWeight === effort && before.bestWeight !== undefined);
        expect(broken.includes('e1rm')).toBe(records.bestE1rm === effort && before.bestE1rm !== undefined);
        if (broken.includes('reps')) expect(records.repRecords).toContain(effort);
      }),
    );
  });
});
