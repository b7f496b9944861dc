/** /workout as a session: the request, date and seed a reply was built from, plus the swaps its owner made. */
import { isLocalDate } from '../core/dates.ts';
import { resolvePlanRequest } from '../core/plan-request.ts';
import { generatePlan } from '../core/plan-generator.ts';
import { substitutesFor, swapExercise } from '../core/substitutes.ts';
import { EQUIPMENT_LEVELS, FOCUSES, GOALS, GROUPS, LEVELS, MAX_MINUTES, MIN_MINUTES, type Plan, type PlanRequest } from '../core/plan-types.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import type { WorkoutSession } from './ports.ts';
import type { WorkoutOptions } from './profile-service.ts';

/** The seed of a fresh /workout; "Another variation" counts up from here. */
export const FIRST_SEED = 1;
/** Discord shows at most 25 options in one select menu. */
export const MAX_SWAP_OPTIONS = 25;

/** Where a new session comes from. */
export interface SessionOrigin {
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
  const state = { date: origin.date, request: resolved.request, seed: FIRST_SEED };
  const session: WorkoutSession = { ...origin, ...state, id: unstoredId(state), swaps: [] };
  return { ok: true, session, plan: sessionPlan(session, knowledge) };
}

/**
 * A session without swaps needs no storage: its request, date and seed fit in its id, which travels in the custom ids
 * of its buttons. Such ids start with `~` (a stored session's id is the interaction id that created it, digits only):
 * `~YYYYMMDD.<seed>.<group><focus><goal><level><equipment>.<minutes>`, each choice one character (its index in base
 * 36, `-` for no focus), numbers in base 36. The session is stored only once its owner swaps an exercise.
 */
export const UNSTORED_PREFIX = '~';

const code = (index: number) => index.toString(36);
const pick = <T>(values: readonly T[], char: string | undefined): T | undefined => (char && /^[0-9a-z]$/.test(char) ? values[parseInt(char, 36)] : undefined);

/** Whether a session id is one of an unstored session (its state written out). */
export function isUnstoredId(id: string): boolean {
  return id.startsWith(UNSTORED_PREFIX);
}

/** The id of a session without swaps: its whole state. */
export function unstoredId(session: Pick<WorkoutSession, 'date' | 'seed' | 'request'>): string {
  const { group, focus, goal, level, equipment, minutes } = session.request;
  const choices = [code(GROUPS.indexOf(group)), focus ? code(FOCUSES.indexOf(focus)) : '-', code(GOALS.indexOf(goal)), code(LEVELS.indexOf(level)), code(EQUIPMENT_LEVELS.indexOf(equipment))].join('');
  return `${UNSTORED_PREFIX}${session.date.replaceAll('-', '')}.${code(session.seed)}.${choices}.${code(minutes)}`;
}

/** The session an unstored id describes, or undefined when the id is not one (a forged or garbled custom id). */
export function unstoredSession(ownerId: string, id: string): WorkoutSession | undefined {
  const match = /^~(\d{4})(\d{2})(\d{2})\.([0-9a-z]{1,6})\.([0-9a-z])([0-9a-z-])([0-9a-z])([0-9a-z])([0-9a-z])\.([0-9a-z]{1,3})$/.exec(id);
  if (!match) return undefined;
  const [, year, month, day, seedText, g, f, goalChar, levelChar, equipmentChar, minutesText] = match;
  const date = `${year}-${month}-${day}`;
  if (!isLocalDate(date)) return undefined;
  const group = pick(GROUPS, g);
  const focus = f === '-' ? undefined : pick(FOCUSES, f);
  const goal = pick(GOALS, goalChar);
  const level = pick(LEVELS, levelChar);
  const equipment = pick(EQUIPMENT_LEVELS, equipmentChar);
  const seed = parseInt(seedText as string, 36);
  const minutes = parseInt(minutesText as string, 36);
  if (!group || !goal || !level || !equipment || (f !== '-' && !focus) || seed < FIRST_SEED || minutes < MIN_MINUTES || minutes > MAX_MINUTES) return undefined;
  // The same check a typed request gets: a focus of another group is no session anyone was shown.
  const resolved = resolvePlanRequest({ group, focus, goal, level, equipment, minutes });
  if (!resolved.ok) return undefined;
  return { id, ownerId, date, request: resolved.request, seed, swaps: [] };
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

/** The next variation: the next seed, swaps cleared (they belonged to the old exercises), so never stored. */
export function nextVariation(session: WorkoutSession): WorkoutSession {
  const next = { ...session, seed: session.seed + 1, swaps: [] };
  return { ...next, id: unstoredId(next) };
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
