/**
 * Plans a coach would sign (issue 10): every request the generator accepts, checked against rules 1–6 and 8; the
 * variety and swap menus of rule 7 over every request kind. The checks live in tests/eval/plans/plan-rule-checks.ts,
 * shared with the coach-review eval.
 */
import { describe, expect, test } from 'vitest';
import { generatePlan } from '../../src/core/plan-generator.ts';
import type { PlanRequest } from '../../src/core/plan-types.ts';
import { checkPlan, checkSwaps, everyRequest, label, variety } from '../eval/plans/plan-rule-checks.ts';
import { knowledge } from './plan-fixtures.ts';

const k = knowledge();

/**
 * The one known gap: every side-glute move the catalogue has for dumbbells, bodyweight and (mostly) bands is
 * one-sided, about 8 minutes a move at pump reps, so in the shortest sessions a glute medius focus holds the hip
 * thrust and one side-glute move (1 of the first 3, not 2). Listed so a new gap cannot hide behind it.
 */
function knownGap(request: PlanRequest, marks: string[]): boolean {
  if (request.focus !== 'glute-medius' || !marks.every((m) => m.startsWith('rule 3:') || m.startsWith('rule 4:'))) return false;
  if (request.goal === 'pump') return request.equipment === 'bands' ? request.minutes <= 20 : request.equipment !== 'gym' && request.minutes <= 20;
  return request.equipment !== 'gym' && request.minutes === 15;
}

describe('every request the generator accepts', () => {
  test('GIVEN every group and focus × goal × level × equipment × minute from 15 to 120 THEN a coach would sign the plan (rules 1–6, 8), within its budget', () => {
    const requests = everyRequest();
    expect(requests).toHaveLength(38_160);
    const marked: string[] = [];
    let gaps = 0;
    for (const request of requests) {
      // The seed and date vary with the budget so the rotation is exercised too.
      const ctx = { date: ['2026-11-23', '2026-11-24', '2027-06-30'][request.minutes % 3] as string, seed: request.minutes };
      const marks = checkPlan(request, generatePlan(request, ctx, k), k);
      if (marks.length === 0) continue;
      if (knownGap(request, marks)) gaps++;
      else marked.push(`${label(request)}: ${marks.join('; ')}`);
    }
    expect(marked).toEqual([]);
    expect(gaps).toBeLessThan(80);
  });
});

describe('variety and swaps (rule 7)', () => {
  const kinds = everyRequest([15, 20, 30, 45, 60, 90, 120]);

  test('GIVEN six variations of any request THEN a full session opens in at least 4 different ways wherever 24 variations find 4, a shorter one in at least 2', () => {
    const short: string[] = [];
    for (const request of kinds) {
      const six = variety(request, k);
      if (six >= 4) continue;
      const capacity = variety(request, k, '2026-11-23', Array.from({ length: 24 }, (_, i) => i + 1));
      // A full session holds at least `fullSession` exercises; a shorter one keeps the main lift and one or two more.
      const full = generatePlan(request, { date: '2026-11-23', seed: 1 }, k).exercises.length >= k.rules.exerciseCount.fullSession;
      if (six < Math.min(full ? 4 : 2, capacity)) short.push(`${label(request)}: ${six} of ${capacity}`);
    }
    // Known: a short glute medius session fits only with the few bilateral side-glute moves (see knownGap), so its
    // variations repeat; a bodyweight lower-back session has one hinge and one back extension to choose from.
    const known = /^(glutes\/glute-medius (pump|hypertrophy) \w+ (gym|bands) (15|20)|legs\/calves pump beginner bands 15|back\/lower-back hypertrophy \w+ bodyweight 30):/;
    expect(short.filter((line) => !known.test(line))).toEqual([]);
  });

  test.each([
    ['legs', undefined, 'pump', 'intermediate', 'gym', 60],
    ['legs', undefined, 'strength', 'advanced', 'gym', 60],
    ['glutes', undefined, 'hypertrophy', 'advanced', 'gym', 45],
    ['back', undefined, 'pump', 'intermediate', 'gym', 60],
    ['legs', 'hamstrings', 'pump', 'intermediate', 'gym', 60],
    ['legs', 'quads', 'hypertrophy', 'advanced', 'gym', 45],
    ['back', 'upper-back', 'strength', 'advanced', 'gym', 60],
    ['legs', undefined, 'hypertrophy', 'intermediate', 'dumbbells', 60],
    ['glutes', undefined, 'pump', 'intermediate', 'bands', 45],
  ] as const)('GIVEN %s %s %s %s %s %i min THEN six variations open in at least 4 different ways', (group, focus, goal, level, equipment, minutes) => {
    const request: PlanRequest = { group, goal, level, equipment, minutes, ...(focus ? { focus } : {}) };
    expect(variety(request, k)).toBeGreaterThanOrEqual(4);
  });

  test('GIVEN every request kind at 45 minutes THEN each swap menu is stable, same pattern first, and offers nothing already in the plan', () => {
    const marked: string[] = [];
    for (const request of everyRequest([45])) {
      const plan = generatePlan(request, { date: '2026-11-23', seed: 1 }, k);
      for (const mark of checkSwaps(plan, k)) marked.push(`${label(request)}: ${mark}`);
    }
    expect(marked).toEqual([]);
  });
});
