import { describe, expect, test } from 'vitest';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { createProfileService } from '../../src/app/profile-service.ts';
import type { Profile, ProfileStore, WorkoutSession, WorkoutSessionStore } from '../../src/app/ports.ts';
import { createWorkoutService } from '../../src/app/workout-service.ts';
import { startWorkout, swapOptions, unstoredId } from '../../src/app/workout-session.ts';
import type { CommandServices } from '../../src/commands/services.ts';
import { workout } from '../../src/commands/workout.ts';
import { componentContext, type Sent } from '../fakes/fake-contexts.ts';

const knowledge = loadPlanKnowledge();
/** Lets every pending store call reach its await, so unserialised handlers would interleave. */
const slow = () => new Promise((resolve) => setTimeout(resolve, 5));
const clock = { now: () => new Date('2026-03-02T10:00:00Z') };

function slowSessionStore(): WorkoutSessionStore & { map: Map<string, WorkoutSession> } {
  const map = new Map<string, WorkoutSession>();
  return {
    map,
    async get(ownerId, id) {
      await slow();
      return structuredClone(map.get(`${ownerId}:${id}`));
    },
    async save(session) {
      await slow();
      map.set(`${session.ownerId}:${session.id}`, structuredClone(session));
    },
    async deleteOwner() {},
  };
}

const noProfiles: ProfileStore = { get: async () => undefined, set: async () => {}, delete: async () => false };

/** The workout command's services over a slow session store, as main.ts wires them. */
function servicesOver(sessions: WorkoutSessionStore): CommandServices {
  return { knowledge, workouts: createWorkoutService({ sessions, profiles: noProfiles, knowledge, clock }) } as unknown as CommandServices;
}

describe('two clicks on one workout at once', () => {
  test('GIVEN two swaps picked at the same moment THEN both are kept, in order, and the stored session matches the last message', async () => {
    const sessions = slowSessionStore();
    const started = startWorkout({ group: 'legs' }, { ownerId: 'm1', date: '2026-03-02' }, knowledge);
    if (!started.ok) throw new Error(started.message);
    // Stored (as after a first swap): it changes in place, so the two picks must take turns.
    await sessions.save({ ...started.session, id: 's1' });
    const [first, second] = swapOptions(started.plan, knowledge).filter((o, i, all) => all.findIndex((x) => x.from === o.from) === i);
    if (!first || !second) throw new Error('need swaps for two different exercises');
    const services = servicesOver(sessions);
    const shown: Sent[] = [];
    const pick = workout.components?.pick;
    if (!pick) throw new Error('no pick handler');
    await Promise.all([
      pick(componentContext({ customId: 'workout:pick:m1:s1', values: [`${first.from}>${first.to}`] }, shown), services, 'm1:s1'),
      pick(componentContext({ customId: 'workout:pick:m1:s1', values: [`${second.from}>${second.to}`] }, shown), services, 'm1:s1'),
    ]);
    expect(sessions.map.get('m1:s1')?.swaps).toEqual([
      [first.from, first.to],
      [second.from, second.to],
    ]);
    const names = shown.at(-1)?.reply?.card?.fields.map((f) => `${f.name} ${f.value}`).join('\n') ?? '';
    expect(names).toContain(first.toName);
    expect(names).toContain(second.toName);
  });

  test('GIVEN "Another variation" pressed twice at once THEN both show the next variation, and nothing is stored', async () => {
    const sessions = slowSessionStore();
    const started = startWorkout({ group: 'back' }, { ownerId: 'm1', date: '2026-03-02' }, knowledge);
    if (!started.ok) throw new Error(started.message);
    const services = servicesOver(sessions);
    const variation = workout.components?.variation;
    if (!variation) throw new Error('no variation handler');
    const shown: Sent[] = [];
    const state = `m1:${started.session.id}`;
    const press = () => variation(componentContext({ customId: `workout:variation:${state}` }, shown), services, state);
    await Promise.all([press(), press()]);
    const ids = shown.map((sent) => sent.reply?.card?.actions?.[0]?.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[0]).toContain(unstoredId({ ...started.session, seed: started.session.seed + 1 }));
    expect(sessions.map.size).toBe(0);
  });
});

describe('two profile changes at once', () => {
  function slowProfileStore(): ProfileStore & { map: Map<string, Profile> } {
    const map = new Map<string, Profile>();
    return {
      map,
      async get(id) {
        await slow();
        return map.get(id);
      },
      async set(id, profile) {
        await slow();
        map.set(id, profile);
      },
      async delete(id) {
        await slow();
        return map.delete(id);
      },
    };
  }
  const noVotes = { record: async () => {}, tally: async () => ({ up: 0, down: 0 }), byMember: async () => [], deleteMember: async () => {}, rememberAnswer: async () => {}, answerMode: async () => undefined };
  const noSessions = { get: async () => undefined, save: async () => {}, deleteOwner: async () => {} };
  const noLog = { forget: async () => {} };

  test('GIVEN /profile set level and /profile set equipment at the same moment THEN both are saved', async () => {
    const profiles = slowProfileStore();
    const service = createProfileService({ profiles, votes: noVotes, sessions: noSessions, trainingLog: noLog, limiters: [] }, clock);
    await Promise.all([service.set('m1', { level: 'beginner' }), service.set('m1', { equipment: 'bands' })]);
    expect(profiles.map.get('m1')).toMatchObject({ level: 'beginner', equipment: 'bands' });
  });

  test('GIVEN a /profile set still saving when /profile forget runs THEN nothing is left afterwards', async () => {
    const profiles = slowProfileStore();
    const service = createProfileService({ profiles, votes: noVotes, sessions: noSessions, trainingLog: noLog, limiters: [] }, clock);
    await Promise.all([service.set('m1', { level: 'beginner' }), service.forget('m1')]);
    expect(profiles.map.has('m1')).toBe(false);
  });
});
