/**
 * /workout as a use case over stored sessions: start one, show another variation, offer and apply swaps. It owns
 * every state change of a session: the owner check, one change at a time per session, and the save.
 */
import type { Plan } from '../core/plan-types.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import { localDateUtc } from '../core/dates.ts';
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.ts';
import type { Clock, ProfileStore, WorkoutSession, WorkoutSessionStore } from './ports.ts';
import type { KnownProfile, PlanProgressView } from './training-log-service.ts';
import { withProfileDefaults, type WorkoutOptions } from './profile-service.ts';
import { applySwap, nextVariation, sessionPlan, startWorkout, swapOptions, type SwapOption } from './workout-session.ts';

/** Names one stored session; it travels in button ids, so a stranger's click is answered without a store read. */
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
  /** Builds the plan for what the member asked (their profile fills the rest) and saves the session before it is shown. */
  start(memberId: string, sessionId: string, options: WorkoutOptions): Promise<SessionShown | { kind: 'invalid'; message: string }>;
  /** The next variation of the session (new seed, swaps cleared). */
  variation(clicker: string, ref: SessionRef): Promise<SessionShown | SessionRefusal>;
  /** The swaps on offer for the session's plan. */
  swapMenu(clicker: string, ref: SessionRef): Promise<SwapMenu>;
  /** Applies a swap if it is still on offer. */
  swap(clicker: string, ref: SessionRef, from: string, to: string): Promise<SwapResult>;
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
}

/** Creates the workout service. */
export function createWorkoutService(deps: WorkoutServiceDeps): WorkoutService {
  const { sessions, knowledge } = deps;
  // Two clicks at once (a double click, a pick racing "Another variation") would each read the same session and
  // the later save would silently drop the earlier change, so changes to one session run in turn.
  const serial = deps.serial ?? createKeyedQueue();

  /** The session shown to its owner: the plan with their "Last time" lines and targets. */
  const shown = async (session: WorkoutSession, plan: Plan, known?: KnownProfile): Promise<SessionShown> => {
    const progress = await deps.progress?.(session.ownerId, plan, known);
    return progress ? { kind: 'ok', session, plan, progress } : { kind: 'ok', session, plan };
  };

  /** Runs `change` on the clicker's own stored session, one change at a time. */
  const withSession = <T>(clicker: string, ref: SessionRef, change: (session: WorkoutSession) => Promise<T>): Promise<T | SessionRefusal> => {
    if (clicker !== ref.ownerId) return Promise.resolve({ kind: 'not-yours' });
    return serial(`${ref.ownerId}:${ref.sessionId}`, async () => {
      const session = await sessions.get(ref.ownerId, ref.sessionId);
      return session ? change(session) : { kind: 'expired' as const };
    });
  };

  return {
    async start(memberId, sessionId, options) {
      const [profile, logged] = await Promise.all([deps.profiles.get(memberId), deps.hasLog?.(memberId)]);
      const started = startWorkout(withProfileDefaults(options, profile), { id: sessionId, ownerId: memberId, date: localDateUtc(deps.clock.now()) }, knowledge);
      if (!started.ok) return { kind: 'invalid', message: started.message };
      // Saved before it is shown, so a quick click on the new buttons always finds its session; the member's progress
      // is read meanwhile.
      const [, view] = await Promise.all([sessions.save(started.session), shown(started.session, started.plan, logged === undefined ? { profile } : { profile, logged })]);
      return view;
    },
    variation: (clicker, ref) =>
      withSession(clicker, ref, async (session) => {
        const next = nextVariation(session);
        await sessions.save(next);
        return shown(next, sessionPlan(next, knowledge));
      }),
    swapMenu: (clicker, ref) =>
      withSession(clicker, ref, async (session): Promise<SwapMenu> => {
        const plan = sessionPlan(session, knowledge);
        const options = swapOptions(plan, knowledge);
        return options.length ? { ...(await shown(session, plan)), options } : { kind: 'no-substitutes' };
      }),
    swap: (clicker, ref, from, to) =>
      withSession(clicker, ref, async (session): Promise<SwapResult> => {
        const swapped = applySwap(session, from, to, knowledge);
        if (!swapped.ok) return { kind: 'swap-gone' };
        await sessions.save(swapped.session);
        return shown(swapped.session, swapped.plan);
      }),
    async plan(ref) {
      const session = await sessions.get(ref.ownerId, ref.sessionId);
      return session ? { kind: 'ok', session, plan: sessionPlan(session, knowledge) } : { kind: 'expired' };
    },
  };
}
