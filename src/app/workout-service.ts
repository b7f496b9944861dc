/**
 * /workout as a use case over stored sessions: start one, show another variation, offer and apply swaps. It owns
 * every state change of a session: the owner check, one change at a time per session, and the save.
 */
import type { Plan } from '../core/plan-types.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import { dayNumber, localDateUtc } from '../core/dates.ts';
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.ts';
import type { Clock, ProfileStore, WorkoutSession, WorkoutSessionStore } from './ports.ts';
import type { KnownProfile, PlanProgressView } from './training-log-service.ts';
import { withProfileDefaults, type WorkoutOptions } from './profile-service.ts';
import { applySwap, isUnstoredId, nextVariation, sessionPlan, startWorkout, swapOptions, unstoredSession, type SwapOption } from './workout-session.ts';

/**
 * Names one session: its owner, and its id (the stored session's, or the whole state of one that is not stored; see
 * unstoredId). It travels in button ids, so a stranger's click is answered without a store read.
 */
export interface SessionRef {
  ownerId: string;
  sessionId: string;
}

/** The session as it now stands, with the owner's "Last time" and next targets when they have a training log. */
export type SessionShown = { kind: 'ok'; session: WorkoutSession; plan: Plan; progress?: PlanProgressView };

/** Why a click on a session changed nothing. */
export type SessionRefusal =
  /** Someone other than the member who asked clicked. */
  | { kind: 'not-yours' }
  /** The session expired or was forgotten. */
  | { kind: 'expired' };

/** The answer to "Swap exercise": the choices, or why there are none. */
export type SwapMenu = (SessionShown & { options: SwapOption[] }) | SessionRefusal | { kind: 'no-substitutes' };

/** The answer to a picked swap. */
export type SwapResult = SessionShown | SessionRefusal | { kind: 'swap-gone' };

/** The workout use cases. */
export interface WorkoutService {
  /** Builds the plan for what the member asked (their profile fills the rest); nothing is stored until a swap. */
  start(memberId: string, options: WorkoutOptions): Promise<SessionShown | { kind: 'invalid'; message: string }>;
  /** The next variation of the session (new seed, swaps cleared). */
  variation(clicker: string, ref: SessionRef): Promise<SessionShown | SessionRefusal>;
  /** The swaps on offer for the session's plan. */
  swapMenu(clicker: string, ref: SessionRef): Promise<SwapMenu>;
  /**
   * Applies a swap if it is still on offer, and stores the session: under its own id when it is stored already, else
   * under `newId` (the click's interaction id).
   */
  swap(clicker: string, ref: SessionRef, from: string, to: string, newId: string): Promise<SwapResult>;
  /** The session's plan for any member (read-only): everyone who does a posted workout may log it. */
  plan(ref: SessionRef): Promise<SessionShown | { kind: 'expired' }>;
}

/** What the workout use cases need. */
export interface WorkoutServiceDeps {
  sessions: WorkoutSessionStore;
  profiles: ProfileStore;
  knowledge: PlanKnowledge;
  clock: Clock;
  /** Serialises changes to one session; the app passes one that also locks across processes (createSharedQueue). @default a per-process queue */
  serial?: KeyedQueue;
  /** "Last time" and next targets for a member's plan (the training log); none when absent. */
  progress?: (memberId: string, plan: Plan, known?: KnownProfile) => Promise<PlanProgressView>;
  /**
   * Whether the member has a training log, read beside the profile when a session starts: most members have none,
   * and then `progress` reads nothing more (one store statement fewer per /workout).
   */
  hasLog?: (memberId: string) => Promise<boolean>;
  /** Days the buttons of an unstored session keep working. @default SESSION_DAYS */
  unstoredDays?: number;
}

/** Days a workout's buttons keep working: an unstored session's by its date, a stored one's by the store's expiry. @default 30 */
export const SESSION_DAYS = 30;

/** Creates the workout service. */
export function createWorkoutService(deps: WorkoutServiceDeps): WorkoutService {
  const { sessions, knowledge } = deps;
  const serial = deps.serial ?? createKeyedQueue();

  /** The session shown to its owner: the plan with their "Last time" lines and targets. */
  const shown = async (session: WorkoutSession, plan: Plan, known?: KnownProfile): Promise<SessionShown> => {
    const progress = await deps.progress?.(session.ownerId, plan, known);
    return progress ? { kind: 'ok', session, plan, progress } : { kind: 'ok', session, plan };
  };

  const unstoredDays = deps.unstoredDays ?? SESSION_DAYS;
  /** The session a ref names: read from its id when it was never stored (expired after unstoredDays), else from the store. */
  const load = async (ref: SessionRef): Promise<WorkoutSession | undefined> => {
    if (!isUnstoredId(ref.sessionId)) return sessions.get(ref.ownerId, ref.sessionId);
    const session = unstoredSession(ref.ownerId, ref.sessionId);
    return session && dayNumber(localDateUtc(deps.clock.now())) - dayNumber(session.date) <= unstoredDays ? session : undefined;
  };

  /** Runs `use` on the clicker's own session. */
  const withSession = async <T>(clicker: string, ref: SessionRef, use: (session: WorkoutSession) => Promise<T>): Promise<T | SessionRefusal> => {
    if (clicker !== ref.ownerId) return { kind: 'not-yours' };
    const session = await load(ref);
    return session ? use(session) : { kind: 'expired' };
  };

  return {
    async start(memberId, options) {
      const [profile, logged] = await Promise.all([deps.profiles.get(memberId), deps.hasLog?.(memberId)]);
      const started = startWorkout(withProfileDefaults(options, profile), { ownerId: memberId, date: localDateUtc(deps.clock.now()) }, knowledge);
      if (!started.ok) return { kind: 'invalid', message: started.message };
      // Nothing to store: the session's id is its whole state, carried by its buttons.
      return shown(started.session, started.plan, logged === undefined ? { profile } : { profile, logged });
    },
    // The next seed, swaps cleared: a session that is not stored, so two clicks at once simply show the same thing.
    variation: (clicker, ref) => withSession(clicker, ref, async (session) => {
      const next = nextVariation(session);
      return shown(next, sessionPlan(next, knowledge));
    }),
    swapMenu: (clicker, ref) =>
      withSession(clicker, ref, async (session): Promise<SwapMenu> => {
        const plan = sessionPlan(session, knowledge);
        const options = swapOptions(plan, knowledge);
        return options.length ? { ...(await shown(session, plan)), options } : { kind: 'no-substitutes' };
      }),
    async swap(clicker, ref, from, to, newId) {
      if (clicker !== ref.ownerId) return { kind: 'not-yours' };
      const change = async (): Promise<SwapResult> => {
        const session = await load(ref);
        if (!session) return { kind: 'expired' };
        const swapped = applySwap(isUnstoredId(session.id) ? { ...session, id: newId } : session, from, to, knowledge);
        if (!swapped.ok) return { kind: 'swap-gone' };
        await sessions.save(swapped.session);
        return shown(swapped.session, swapped.plan);
      };
      // A stored session changes in place: two picks at once would each read it and the later save would silently
      // drop the earlier swap, so changes to one run in turn. An unstored one becomes a new stored session per click.
      return isUnstoredId(ref.sessionId) ? change() : serial(`${ref.ownerId}:${ref.sessionId}`, change);
    },
    async plan(ref) {
      const session = await load(ref);
      return session ? { kind: 'ok', session, plan: sessionPlan(session, knowledge) } : { kind: 'expired' };
    },
  };
}
