/** /workout as a session: the request, date and seed a reply was built from, plus the swaps its owner made. */
import { resolvePlanRequest } from '../core/plan-request.ts';
import { generatePlan } from '../core/plan-generator.ts';
import { substitutesFor, swapExercise } from '../core/substitutes.ts';
import type { Plan, PlanRequest } from '../core/plan-types.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import type { WorkoutSession } from './ports.ts';
import type { WorkoutOptions } from './profile-service.ts';

/** The seed of a fresh /workout; "Another variation" counts up from here. */
export const FIRST_SEED = 1;
/** Discord shows at most 25 options in one select menu. */
export const MAX_SWAP_OPTIONS = 25;

/** Where a new session comes from. */
export interface SessionOrigin {
  id: string;
  ownerId: string;
  /** The member's date, YYYY-MM-DD. */
  date: string;
}

/** Starts a session from what the member asked for (profile defaults already filled in). */
export function startWorkout(
  options: WorkoutOptions,
  origin: SessionOrigin,
  knowledge: PlanKnowledge,
): { ok: true; session: WorkoutSession; plan: Plan } | { ok: false; message: string } {
  const resolved = resolvePlanRequest(options);
  if (!resolved.ok) return resolved;
  const session: WorkoutSession = { ...origin, request: resolved.request, seed: FIRST_SEED, swaps: [] };
  return { ok: true, session, plan: sessionPlan(session, knowledge) };
}

/** Plans kept per knowledge value, most recently used last. @default 256 */
export const PLAN_MEMO_SIZE = 256;
const memos = new WeakMap<PlanKnowledge, Map<string, Plan>>();

/**
 * generatePlan, remembered: a plan is a pure function of its request, date and seed, and members ask for the same few
 * dozen sessions all day, so most /workout replies reuse a plan instead of building it again. Plans are never
 * changed once made (a swap makes a new one), so sharing them is safe.
 */
function rememberedPlan(request: PlanRequest, date: string, seed: number, knowledge: PlanKnowledge): Plan {
  let memo = memos.get(knowledge);
  if (!memo) {
    memo = new Map();
    memos.set(knowledge, memo);
  }
  const key = `${date}|${seed}|${JSON.stringify(request)}`;
  let plan = memo.get(key);
  if (plan) memo.delete(key);
  else {
    plan = generatePlan(request, { date, seed }, knowledge);
    if (memo.size >= PLAN_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  }
  memo.set(key, plan);
  return plan;
}

/** Rebuilds the plan a session shows: the same request, date and seed, then each swap in order. */
export function sessionPlan(session: WorkoutSession, knowledge: PlanKnowledge): Plan {
  let plan = rememberedPlan(session.request, session.date, session.seed, knowledge);
  for (const [from, to] of session.swaps) {
    // A swap that no longer applies (catalogue changed since) is skipped rather than failing the whole reply.
    if (plan.exercises.some((e) => e.id === from)) plan = swapExercise(plan, from, to, knowledge);
  }
  return plan;
}

/** The next variation: the next seed, swaps cleared (they belonged to the old exercises). */
export function nextVariation(session: WorkoutSession): WorkoutSession {
  return { ...session, seed: session.seed + 1, swaps: [] };
}

/** One choice in the swap menu. */
export interface SwapOption {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** 1-based position of the exercise being replaced. */
  position: number;
}

/** Every substitute for every exercise in the plan (same primary muscle, fits the equipment), capped for one menu. */
export function swapOptions(plan: Plan, knowledge: PlanKnowledge): SwapOption[] {
  const inPlan = new Set(plan.exercises.map((e) => e.id));
  const options: SwapOption[] = [];
  plan.exercises.forEach((exercise, index) => {
    for (const sub of substitutesFor(plan, exercise.id, knowledge)) {
      if (inPlan.has(sub.id)) continue;
      options.push({ from: exercise.id, to: sub.id, fromName: exercise.name, toName: sub.name, position: index + 1 });
    }
  });
  // Round-robin over exercises so a long list still offers something for each of them.
  const byPosition = new Map<number, SwapOption[]>();
  for (const option of options) byPosition.set(option.position, [...(byPosition.get(option.position) ?? []), option]);
  const fair: SwapOption[] = [];
  for (let round = 0; fair.length < Math.min(MAX_SWAP_OPTIONS, options.length); round++) {
    for (const list of byPosition.values()) {
      const option = list[round];
      if (option && fair.length < MAX_SWAP_OPTIONS) fair.push(option);
    }
  }
  return fair.sort((a, b) => a.position - b.position);
}

/** Applies a swap the member picked, if it is still one of the offered options. */
export function applySwap(
  session: WorkoutSession,
  from: string,
  to: string,
  knowledge: PlanKnowledge,
): { ok: true; session: WorkoutSession; plan: Plan } | { ok: false } {
  const current = sessionPlan(session, knowledge);
  if (!swapOptions(current, knowledge).some((o) => o.from === from && o.to === to)) return { ok: false };
  const next = { ...session, swaps: [...session.swaps, [from, to] as [string, string]] };
  return { ok: true, session: next, plan: sessionPlan(next, knowledge) };
}
