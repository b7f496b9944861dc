/** The member-data ports (profiles, votes, workout sessions) on keyv namespaces of one open store. */
import type { Profile, ProfileStore, Vote, VoteStore, WorkoutSession, WorkoutSessionStore } from '../../app/ports.ts';
import { createKeyedQueue, type KeyedQueue } from '../../app/keyed-queue.ts';
import { SESSION_DAYS } from '../../app/workout-service.ts';
import type { OpenStore } from './open-store.ts';

/** Stored workout sessions (and their buttons) stay usable as long as unstored ones: SESSION_DAYS. */
export const SESSION_TTL_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;
/** The namespace workout sessions live in. */
export const SESSION_NAMESPACE = 'workout-sessions';
/** Votes on an answer are taken this long after it was shown (as long as a workout's buttons). @default 30 days */
export const ANSWER_TTL_MS = SESSION_TTL_MS;

/** Profiles in the `profiles` namespace, keyed by member id. */
export function keyvProfileStore(store: OpenStore): ProfileStore {
  const kv = store.namespace<Profile>('profiles');
  return {
    get: async (memberId) => (await kv.get(memberId)) ?? undefined,
    set: async (memberId, profile) => {
      await kv.set(memberId, profile);
    },
    delete: (memberId) => kv.delete(memberId),
  };
}

/**
 * Votes in the `votes` namespace: each member's votes under their id, anonymous tallies per answer. Each is a
 * read-modify-write, run in turn per member and per tally by `serial` (@default a per-process queue; the app passes
 * one that also locks across processes).
 */
export function keyvVoteStore(store: OpenStore, serial: KeyedQueue = createKeyedQueue()): VoteStore {
  const kv = store.namespace<Record<string, Vote>>('votes');
  const tallies = store.namespace<{ up: number; down: number }>('vote-tallies');
  const answers = store.namespace<Vote['mode']>('answers');
  return {
    rememberAnswer: async (answerId, mode) => {
      await answers.set(answerId, mode, ANSWER_TTL_MS);
    },
    answerMode: async (answerId) => {
      const mode = await answers.get(answerId);
      return mode === 'offline' || mode === 'claude' ? mode : undefined;
    },
    record: (vote) =>
      serial(vote.memberId, async () => {
        const mine = (await kv.get(vote.memberId)) ?? {};
        // The answer id arrives in a custom id: read and write it as an own entry, never through the prototype.
        const previous = Object.hasOwn(mine, vote.answerId) ? mine[vote.answerId] : undefined;
        Object.defineProperty(mine, vote.answerId, { value: vote, enumerable: true, writable: true, configurable: true });
        await kv.set(vote.memberId, mine);
        if (previous?.value !== vote.value) {
          await serial(`tally:${vote.answerId}`, async () => {
            const tally = (await tallies.get(vote.answerId)) ?? { up: 0, down: 0 };
            if (previous) tally[previous.value] = Math.max(0, tally[previous.value] - 1);
            tally[vote.value] += 1;
            await tallies.set(vote.answerId, tally);
          });
        }
      }),
    tally: async (answerId) => (await tallies.get(answerId)) ?? { up: 0, down: 0 },
    byMember: async (memberId) => Object.values((await kv.get(memberId)) ?? {}),
    deleteMember: (memberId) =>
      serial(memberId, async () => {
        await kv.delete(memberId);
      }),
  };
}

/** Workout sessions in the `workout-sessions` namespace under `<owner>:<id>`, expiring after SESSION_TTL_MS. */
export function keyvSessionStore(store: OpenStore): WorkoutSessionStore {
  const kv = store.namespace<WorkoutSession>(SESSION_NAMESPACE);
  return {
    get: async (ownerId, id) => (await kv.get(`${ownerId}:${id}`)) ?? undefined,
    save: async (session) => {
      await kv.set(`${session.ownerId}:${session.id}`, session, SESSION_TTL_MS);
    },
    deleteOwner: async (memberId) => {
      await store.deletePrefix(SESSION_NAMESPACE, `${memberId}:`);
    },
  };
}
