/** The coach-review eval set (tests/eval/plans/coach-review.jsonl) stays green: odd requests a coach reads twice. */
import { describe, expect, test } from 'vitest';
import { readPlanCases, runPlanEval } from '../eval/plans/run-plan-eval.ts';
import { knowledge } from './plan-fixtures.ts';

describe('coach-review eval', () => {
  const cases = readPlanCases();

  test('GIVEN the eval file THEN it holds about forty varied requests, every focus and equipment level among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.request.focus).filter(Boolean)).size).toBe(7);
    expect(new Set(cases.map((c) => c.request.equipment)).size).toBe(4);
  });

  test('GIVEN every eval request THEN a coach would sign its plan, known gaps apart', () => {
    const failed = runPlanEval(cases, knowledge()).filter((r) => r.marks.length > 0 && !r.knownGap);
    expect(failed.map((r) => `${r.id}: ${r.marks.join('; ')}`)).toEqual([]);
  });
});
