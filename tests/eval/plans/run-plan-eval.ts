/**
 * `npm run eval:plans [-- --print] [-- file.jsonl]`: the coach-review eval. Each line of the file is a request
 * (odd combinations a coach would look at twice) with the checks a coach would make on its plan; every plan is also
 * checked against the rules of plan-rule-checks.ts. `--print` prints every plan as the member reads it, for a
 * human review. Exit 1 when any check fails (a line's `knownGap` is reported, not failed).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadPlanKnowledge } from '../../../src/adapters/knowledge/load-plan-knowledge.ts';
import { cardToText } from '../../../src/commands/cards/card-text.ts';
import { planCard } from '../../../src/commands/cards/plan-card.ts';
import { isLoaded } from '../../../src/core/exercise.ts';
import { generatePlan, trainsFocus } from '../../../src/core/plan-generator.ts';
import { EQUIPMENT_LEVELS, FOCUSES, GOALS, GROUPS, LEVELS, type Plan, type PlanRequest } from '../../../src/core/plan-types.ts';
import type { PlanKnowledge } from '../../../src/core/training-rules.ts';
import { checkPlan } from './plan-rule-checks.ts';

/** One line of the eval file. */
export const planEvalCaseSchema = z.strictObject({
  id: z.string().min(1),
  request: z.strictObject({
    group: z.enum(GROUPS),
    focus: z.enum(FOCUSES).optional(),
    goal: z.enum(GOALS),
    level: z.enum(LEVELS),
    equipment: z.enum(EQUIPMENT_LEVELS),
    minutes: z.number().int(),
  }),
  date: z.string().default('2026-11-23'),
  seed: z.number().int().default(1),
  /** Checks, e.g. `opensWith:a|b`, `excludes:id`, `excludes:id@1` (not at position 1), `focusInFirst3:2`. */
  expect: z.array(z.string().min(1)),
  /** A known gap: its failures are reported, not counted. */
  knownGap: z.string().optional(),
});
/** A parsed eval line. */
export type PlanEvalCase = z.infer<typeof planEvalCaseSchema>;

/** The shipped eval file. */
export const PLAN_EVAL_FILE = fileURLToPath(new URL('./coach-review.jsonl', import.meta.url));

/** Reads a JSON-lines eval file. */
export function readPlanCases(file: string = PLAN_EVAL_FILE): PlanEvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => planEvalCaseSchema.parse(JSON.parse(line)));
}

/** What one expectation finds wrong with a plan, or null when it holds. */
function expectation(check: string, plan: Plan, request: PlanRequest, knowledge: PlanKnowledge): string | null {
  const [name = '', arg = ''] = check.split(/:(.*)/s);
  const ids = plan.exercises.map((e) => e.id);
  const entry = (id: string) => knowledge.exercises.find((e) => e.id === id);
  const first = entry(ids[0] ?? '');
  switch (name) {
    case 'opensWith':
      return arg.split('|').includes(ids[0] ?? '') ? null : `opens with ${ids[0]}, not ${arg}`;
    case 'opensLoaded':
      return first && first.mechanics === 'compound' && isLoaded(first, knowledge.rules.loadedItems) ? null : `opens with ${ids[0]}, not a loaded compound`;
    case 'includes':
      return ids.includes(arg) ? null : `has no ${arg}`;
    case 'excludes': {
      const [id, at] = arg.split('@');
      if (at !== undefined) return ids[Number(at)] === id ? `has ${id} at position ${at}` : null;
      return ids.includes(id ?? '') ? `has ${id}` : null;
    }
    case 'includesPattern':
      return ids.some((id) => entry(id)?.pattern === arg) ? null : `has no ${arg}`;
    case 'minExercises':
      return ids.length >= Number(arg) ? null : `${ids.length} exercises, fewer than ${arg}`;
    case 'maxExercises':
      return ids.length <= Number(arg) ? null : `${ids.length} exercises, more than ${arg}`;
    case 'maxSets': {
      const sets = plan.exercises.reduce((s, e) => s + e.sets, 0);
      return sets <= Number(arg) ? null : `${sets} working sets, more than ${arg}`;
    }
    case 'note':
      return plan.notes.some((n) => n.text.includes(arg) && n.sources.length > 0) ? null : `no cited note saying "${arg}"`;
    case 'focusInFirst3': {
      const muscles = request.focus ? knowledge.rules.focuses[request.focus].muscles : [];
      const n = ids.slice(0, 3).filter((id) => trainsFocus(entry(id)!, muscles)).length;
      return n >= Number(arg) ? null : `${n} of the first 3 train the focus`;
    }
    case 'noTechniques':
      return plan.exercises.some((e) => e.technique && e.technique !== 'superset') ? 'has an intensity technique' : null;
    case 'noTechnique':
      return plan.exercises.some((e) => e.technique === arg) ? `has ${arg}` : null;
    case 'reps': {
      const [range = '', at = '0'] = arg.split('@');
      const e = plan.exercises[Number(at)];
      return e && `${e.reps.min}-${e.reps.max}` === range ? null : `exercise ${at} is ${e?.reps.min}-${e?.reps.max}, not ${range}`;
    }
    default:
      return `unknown check "${check}"`;
  }
}

/** One case's plan and what a coach would mark on it. */
export interface PlanEvalResult {
  id: string;
  plan: Plan;
  marks: string[];
  knownGap?: string;
}

/** Runs every case: its own expectations plus the general rules. */
export function runPlanEval(cases: readonly PlanEvalCase[], knowledge: PlanKnowledge): PlanEvalResult[] {
  return cases.map((c) => {
    const request: PlanRequest = { ...c.request };
    const plan = generatePlan(request, { date: c.date, seed: c.seed }, knowledge);
    const marks = [...checkPlan(request, plan, knowledge), ...c.expect.flatMap((check) => expectation(check, plan, request, knowledge) ?? [])];
    return { id: c.id, plan, marks, ...(c.knownGap ? { knownGap: c.knownGap } : {}) };
  });
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const file = args.find((a) => a.endsWith('.jsonl'));
  const knowledge = loadPlanKnowledge();
  const results = runPlanEval(readPlanCases(file ? resolve(file) : PLAN_EVAL_FILE), knowledge);
  let failed = 0;
  for (const r of results) {
    if (args.includes('--print')) console.log(`\n======== ${r.id}\n${cardToText(planCard(r.plan, knowledge))}`);
    const status = r.marks.length === 0 ? 'ok  ' : r.knownGap ? 'gap ' : 'FAIL';
    if (r.marks.length > 0 && !r.knownGap) failed++;
    console.log(`${status} ${r.id}${r.marks.length ? `: ${r.marks.join('; ')}` : ''}${r.knownGap && r.marks.length ? ` (known: ${r.knownGap})` : ''}`);
  }
  console.log(`\n${results.length - failed}/${results.length} plans a coach would sign (known gaps reported, not failed)`);
  process.exit(failed ? 1 : 0);
}
