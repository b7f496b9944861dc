/**
 * One behaviour suite for every store, run on each backend (stores-sqlite.test.ts, stores-redis.test.ts; the claim
 * suite also on the in-memory fake the unit tests use). Each suite is a function of a store factory: every call
 * opens a new connection to the same data, as a second bot process would, so "across processes" behaviour is
 * tested by calling it twice. A new store gets a suite here and one line in runStoreContract.
 */
import { trainingLogStoreBehaviour } from './training-log-store-behaviour.ts';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { ClaimStore, DailySettingsStore, HitStore, LockStore, ProfileStore, Vote, VoteStore, WorkoutSession, WorkoutSessionStore } from '../../src/app/ports.ts';
import { openDailySettingsStore } from '../../src/adapters/keyv/daily-settings-store.ts';
import { keyvProfileStore, keyvSessionStore, keyvVoteStore } from '../../src/adapters/keyv/keyv-member-stores.ts';
import type { OpenStore } from '../../src/adapters/keyv/open-store.ts';
import { openClaimStore } from '../../src/adapters/open-claim-store.ts';
import { openHitStore, openLockStore } from '../../src/adapters/open-atomic-stores.ts';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { createSharedQueue } from '../../src/app/shared-queue.ts';
import { createWorkoutService, type WorkoutService } from '../../src/app/workout-service.ts';
import { swapOptions } from '../../src/app/workout-session.ts';
import { rateDecision, recordHit } from '../../src/app/rate-limit.ts';
import { dailySettings } from '../fakes/daily-fakes.ts';

/** Opens a store on a new connection to the test's data (a fresh file or a flushed Redis per test). */
export type StoreFactory<T> = () => Promise<T>;

/** A workout session for the session suites. */
export function sessionFor(id: string, ownerId: string, seed = 1): WorkoutSession {
  return { id, ownerId, request: { group: 'legs', goal: 'pump', level: 'beginner', equipment: 'gym', minutes: 60 }, date: '2026-01-01', seed, swaps: [] };
}

/** Profiles: read back whole, deleted with an answer saying whether there was one, shared by every connection. */
export function profileStoreSuite(make: StoreFactory<ProfileStore>): void {
  describe('profiles', () => {
    test('GIVEN a saved profile THEN another connection reads it back whole, and delete says whether one was there', async () => {
      const [a, b] = [await make(), await make()];
      expect(await a.get('m1')).toBeUndefined();
      await a.set('m1', { level: 'advanced', equipment: 'bands', goal: 'strength', units: 'lb', updatedAt: '2026-01-01T00:00:00.000Z' });
      expect(await b.get('m1')).toEqual({ level: 'advanced', equipment: 'bands', goal: 'strength', units: 'lb', updatedAt: '2026-01-01T00:00:00.000Z' });
      expect(await b.delete('m1')).toBe(true);
      expect(await a.get('m1')).toBeUndefined();
      expect(await a.delete('m1')).toBe(false);
    });

    test('GIVEN a profile saved twice THEN the second replaces the first', async () => {
      const profiles = await make();
      await profiles.set('m1', { level: 'beginner', updatedAt: 't1' });
      await profiles.set('m1', { goal: 'pump', updatedAt: 't2' });
      expect(await profiles.get('m1')).toEqual({ goal: 'pump', updatedAt: 't2' });
    });
  });
}

/** Votes: one per member per answer, tallies that follow changes, and a forget that keeps the anonymous counts. */
export function voteStoreSuite(make: StoreFactory<VoteStore>): void {
  const vote = (memberId: string, value: Vote['value'], at = 't1'): Vote => ({ answerId: 'a1', memberId, value, mode: 'offline', at });
  describe('votes', () => {
    test('GIVEN a member changes their vote THEN one vote is kept and the tally moves with it', async () => {
      const votes = await make();
      await votes.record(vote('m1', 'up'));
      await votes.record(vote('m2', 'up'));
      await votes.record(vote('m1', 'down', 't2'));
      expect(await votes.tally('a1')).toEqual({ up: 1, down: 1 });
      expect(await votes.byMember('m1')).toEqual([vote('m1', 'down', 't2')]);
    });

    test('GIVEN the same vote twice THEN the tally counts it once', async () => {
      const votes = await make();
      await votes.record(vote('m1', 'up'));
      await votes.record(vote('m1', 'up', 't2'));
      expect(await votes.tally('a1')).toEqual({ up: 1, down: 0 });
    });

    test('GIVEN a member is forgotten THEN their votes are gone on every connection and the tally keeps its counts', async () => {
      const [a, b] = [await make(), await make()];
      await a.record(vote('m1', 'up'));
      await b.deleteMember('m1');
      expect(await a.byMember('m1')).toEqual([]);
      expect(await a.tally('a1')).toEqual({ up: 1, down: 0 });
      expect(await a.tally('never-voted')).toEqual({ up: 0, down: 0 });
    });

    test('GIVEN an answer remembered on one connection THEN another knows who wrote it, and an id never shown is unknown', async () => {
      const [a, b] = [await make(), await make()];
      await a.rememberAnswer('a1', 'claude');
      expect(await b.answerMode('a1')).toBe('claude');
      expect(await b.answerMode('forged')).toBeUndefined();
      expect(await b.answerMode('constructor')).toBeUndefined();
    });
  });
}

/** Workout sessions: kept under their owner; deleting an owner's takes all of theirs and nobody else's. */
export function sessionStoreSuite(make: StoreFactory<WorkoutSessionStore>): void {
  describe('workout sessions', () => {
    test('GIVEN a saved session THEN another connection reads it, and a save replaces it', async () => {
      const [a, b] = [await make(), await make()];
      await a.save(sessionFor('s1', 'm1'));
      expect(await b.get('m1', 's1')).toEqual(sessionFor('s1', 'm1'));
      await b.save({ ...sessionFor('s1', 'm1', 2), swaps: [['squat', 'leg-press']] });
      expect(await a.get('m1', 's1')).toMatchObject({ seed: 2, swaps: [['squat', 'leg-press']] });
      expect(await a.get('m2', 's1')).toBeUndefined();
    });

    test('GIVEN sessions of several members THEN deleteOwner removes all of one member\'s and none of the others\'', async () => {
      const sessions = await make();
      for (let i = 0; i < 5; i += 1) await sessions.save(sessionFor(`s${i}`, 'm1'));
      // Owner ids that look like LIKE or glob patterns must not widen the delete.
      for (const owner of ['m%', 'm_', 'm*', 'm?', 'm[1]', 'm10', 'm2']) await sessions.save(sessionFor('s0', owner));
      await sessions.deleteOwner('m1');
      for (let i = 0; i < 5; i += 1) expect(await sessions.get('m1', `s${i}`)).toBeUndefined();
      for (const owner of ['m%', 'm_', 'm*', 'm?', 'm[1]', 'm10', 'm2']) expect(await sessions.get(owner, 's0'), owner).toBeDefined();
    });
  });
}

/** Rate-limit hits: one atomic step per request, the same answers as the pure recordHit, one budget on every connection. */
export function hitStoreSuite(make: StoreFactory<HitStore>): void {
  const window = { limit: 3, windowMs: 60_000 };
  describe('rate-limit hits', () => {
    test('GIVEN requests up to the limit THEN each is recorded; the next is refused and changes nothing', async () => {
      const hits = await make();
      expect(await hits.hit('ask:m1', 1000, window)).toEqual({ recorded: true, hits: [1000] });
      expect(await hits.hit('ask:m1', 2000, window)).toEqual({ recorded: true, hits: [1000, 2000] });
      expect(await hits.hit('ask:m1', 3000, window)).toEqual({ recorded: true, hits: [1000, 2000, 3000] });
      expect(await hits.hit('ask:m1', 4000, window)).toEqual({ recorded: false, hits: [1000, 2000, 3000] });
      expect(await hits.hit('ask:m2', 4000, window)).toEqual({ recorded: true, hits: [4000] });
    });

    test('GIVEN a hit exactly one window old THEN it no longer counts, and the budget has room again', async () => {
      const hits = await make();
      for (const at of [1000, 2000, 3000]) await hits.hit('ask:m1', at, window);
      expect(await hits.hit('ask:m1', 1000 + window.windowMs, window)).toEqual({ recorded: true, hits: [2000, 3000, 1000 + window.windowMs] });
    });

    test('GIVEN twenty requests at the same moment through four connections THEN exactly the limit are recorded', async () => {
      const connections = await Promise.all([make(), make(), make(), make()]);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (connections[i % 4] as HitStore).hit('ask:m1', 5000, window)));
      expect(results.filter((r) => r.recorded)).toHaveLength(window.limit);
      expect((await (connections[0] as HitStore).hit('ask:m1', 5001, window)).hits).toEqual([5000, 5000, 5000]);
    });

    test('GIVEN a member forgotten on one connection THEN the whole budget is back on every connection', async () => {
      const [a, b] = [await make(), await make()];
      for (const at of [1000, 2000, 3000]) await a.hit('ask:m1', at, window);
      await a.hit('ask:m2', 1000, window);
      await b.delete('ask:m1');
      expect(await a.hit('ask:m1', 4000, window)).toEqual({ recorded: true, hits: [4000] });
      expect((await a.hit('ask:m2', 4000, window)).hits).toEqual([1000, 4000]);
    });

    test('GIVEN the clock stepped back 2 minutes THEN the spent budget stays spent, and the wait is at most one window', async () => {
      const hits = await make();
      const tenMinutes = { limit: 3, windowMs: 10 * 60_000 };
      for (const at of [1_000_000, 1_001_000, 1_002_000]) await hits.hit('ask:m1', at, tenMinutes);
      const back = 1_003_000 - 2 * 60_000;
      const result = await hits.hit('ask:m1', back, tenMinutes);
      expect(result).toEqual({ recorded: false, hits: [back, back, back] });
      expect(rateDecision(result, back, tenMinutes)).toEqual({ allowed: false, retryAfterMs: tenMinutes.windowMs });
    });

    test('GIVEN any sequence of requests, in time order or with the clock stepping back and forth, THEN the store answers exactly as the pure recordHit does', async () => {
      const hits = await make();
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 12 }), fc.boolean(), async (times, inOrder) => {
          const key = `ask:run${(run += 1)}`;
          let kept: number[] = [];
          for (const at of inOrder ? [...times].sort((x, y) => x - y) : times) {
            const expected = recordHit(kept, at, window);
            expect(await hits.hit(key, at, window)).toEqual(expected);
            kept = expected.hits;
          }
        }),
        { numRuns: 25 },
      );
    });
  });
}

/** Daily settings: per server, listed together, with a change log that names the servers changed since a cursor. */
export function dailySettingsStoreSuite(make: StoreFactory<DailySettingsStore>, makeInvalid: (guildId: string) => Promise<void>): void {
  describe('daily settings', () => {
    test('GIVEN settings saved on one connection THEN another lists and reads them, and its change log names them', async () => {
      const [a, b] = [await make(), await make()];
      const start = await b.changes(undefined);
      expect(start.changed).toBe('all');
      await a.set(dailySettings({ guildId: 'g1' }));
      await a.set(dailySettings({ guildId: 'g2', time: '18:30', thread: true }));
      const seen = await b.changes(start.cursor);
      expect(seen.changed).toEqual(['g1', 'g2']);
      expect(await b.changes(seen.cursor)).toEqual({ cursor: seen.cursor, changed: [] });
      expect(await b.get('g2')).toEqual(dailySettings({ guildId: 'g2', time: '18:30', thread: true }));
      expect((await b.all()).map((s) => s.guildId).sort()).toEqual(['g1', 'g2']);
      await a.set(dailySettings({ guildId: 'g1', time: '09:15' }));
      expect((await b.changes(seen.cursor)).changed).toEqual(['g1']);
    });

    test('GIVEN a server turns daily posts off THEN it is gone from the list and the change log names it', async () => {
      const store = await make();
      await store.set(dailySettings({ guildId: 'g1' }));
      const { cursor } = await store.changes(undefined);
      await store.delete('g1');
      expect(await store.get('g1')).toBeUndefined();
      expect(await store.all()).toEqual([]);
      expect((await store.changes(cursor)).changed).toEqual(['g1']);
    });

    test('GIVEN two connections saving at once THEN every change is in the log, each server once, in the order they landed', async () => {
      const [a, b, reader] = [await make(), await make(), await make()];
      const { cursor } = await reader.changes(undefined);
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).set(dailySettings({ guildId: `g${i}` }))));
      const { changed } = await reader.changes(cursor);
      expect([...(changed as string[])].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `g${i}`).sort());
    });

    test('GIVEN a stored value that fails the schema THEN it is skipped, never crashing the list', async () => {
      const store = await make();
      await store.set(dailySettings({ guildId: 'g1' }));
      await makeInvalid('g-bad');
      expect(await store.get('g-bad')).toBeUndefined();
      expect((await store.all()).map((s) => s.guildId)).toEqual(['g1']);
    });
  });
}

/** Daily claims: exactly one winner per key, marks and stale takeovers, on every connection. */
export function claimStoreSuite(make: StoreFactory<ClaimStore>): void {
  const at = new Date('2026-06-10T05:00:00Z');
  const later = new Date('2026-06-10T05:05:00Z');
  describe('daily claims', () => {
    test('GIVEN one key claimed on two connections THEN only the first wins; posting, failing and missing are recorded', async () => {
      const [a, b] = [await make(), await make()];
      expect(await a.claim('g1:2026-06-10', 'a', at)).toBe(true);
      expect(await b.claim('g1:2026-06-10', 'b', at)).toBe(false);
      expect(await a.markPosted('g1:2026-06-10', 'a', 'm1', at)).toBe(true);
      expect(await b.get('g1:2026-06-10')).toEqual({ key: 'g1:2026-06-10', status: 'posted', owner: 'a', claimedAt: at.toISOString(), postedAt: at.toISOString(), messageId: 'm1' });
      expect(await b.recordMissed('g1:2026-06-10', 'late', at)).toBe(false);
      expect(await b.recordMissed('g2:2026-06-10', 'late', at)).toBe(true);
      expect(await a.claim('g2:2026-06-10', 'a', at)).toBe(false);
      expect(await a.get('g2:2026-06-10')).toMatchObject({ status: 'missed', note: 'late' });
      await a.claim('g3:2026-06-10', 'a', at);
      expect(await a.markFailed('g3:2026-06-10', 'a', 'Unknown Channel', later)).toBe(true);
      expect(await b.get('g3:2026-06-10')).toMatchObject({ status: 'failed', owner: 'a', note: 'Unknown Channel', postedAt: later.toISOString() });
      expect(await b.get('g9:2026-06-10')).toBeUndefined();
    });

    test('GIVEN many connections claiming the same keys at once THEN every key is won exactly once', async () => {
      const stores = await Promise.all([make(), make(), make()]);
      const keys = Array.from({ length: 60 }, (_, i) => `g${i}:2026-06-10`);
      const won = await Promise.all(stores.map(async (store, n) => (await Promise.all(keys.map((key) => store.claim(key, `p${n}`, at)))).filter(Boolean).length));
      expect(won.reduce((sum, count) => sum + count, 0)).toBe(keys.length);
    });

    test('GIVEN a claim left unmarked THEN only a stale one is taken over, by exactly one of two callers, and never a posted one', async () => {
      const [a, b] = [await make(), await make()];
      await a.claim('g1:2026-06-10', 'dead', at);
      expect(await b.reclaimStale('g1:2026-06-10', 'b', at, later)).toBe(false);
      const staleBefore = new Date('2026-06-10T05:03:00Z');
      const [byB, byC] = await Promise.all([a.reclaimStale('g1:2026-06-10', 'b', staleBefore, later), b.reclaimStale('g1:2026-06-10', 'c', staleBefore, later)]);
      expect([byB, byC].filter(Boolean)).toHaveLength(1);
      expect(await a.get('g1:2026-06-10')).toMatchObject({ status: 'claimed', owner: byB ? 'b' : 'c', claimedAt: later.toISOString() });
      expect(await a.markPosted('g1:2026-06-10', byB ? 'b' : 'c', 'm1', later)).toBe(true);
      expect(await b.reclaimStale('g1:2026-06-10', 'd', new Date('2026-06-11T00:00:00Z'), later)).toBe(false);
      expect(await b.reclaimStale('g9:2026-06-10', 'd', new Date('2026-06-11T00:00:00Z'), later)).toBe(false);
    });

    test('GIVEN a claim taken over from a stalled owner THEN the late owner\'s marks change nothing and say so', async () => {
      const [stalled, taker] = [await make(), await make()];
      await stalled.claim('g1:2026-06-10', 'slow', at);
      expect(await taker.reclaimStale('g1:2026-06-10', 'taker', new Date('2026-06-10T05:03:00Z'), later)).toBe(true);
      expect(await taker.markPosted('g1:2026-06-10', 'taker', 'm-taker', later)).toBe(true);
      expect(await stalled.markFailed('g1:2026-06-10', 'slow', 'timed out', later)).toBe(false);
      expect(await stalled.markPosted('g1:2026-06-10', 'slow', 'm-slow', later)).toBe(false);
      expect(await stalled.renew('g1:2026-06-10', 'slow', later)).toBe(false);
      expect(await taker.get('g1:2026-06-10')).toMatchObject({ status: 'posted', owner: 'taker', messageId: 'm-taker' });
      expect(await stalled.markPosted('g9:2026-06-10', 'slow', 'm', later)).toBe(false);
    });

    test('GIVEN the owner renews its claim THEN it is not stale, a stranger cannot renew it, and a marked claim is never renewed', async () => {
      const [owner, other] = [await make(), await make()];
      await owner.claim('g1:2026-06-10', 'owner', at);
      expect(await other.renew('g1:2026-06-10', 'other', later)).toBe(false);
      expect(await owner.renew('g1:2026-06-10', 'owner', later)).toBe(true);
      expect(await other.get('g1:2026-06-10')).toMatchObject({ status: 'claimed', owner: 'owner', claimedAt: later.toISOString() });
      // Stale before 05:03 would have taken the 05:00 claim; the renewal at 05:05 keeps it.
      expect(await other.reclaimStale('g1:2026-06-10', 'other', new Date('2026-06-10T05:03:00Z'), later)).toBe(false);
      await owner.markPosted('g1:2026-06-10', 'owner', 'm1', later);
      expect(await owner.renew('g1:2026-06-10', 'owner', new Date('2026-06-10T06:00:00Z'))).toBe(false);
      expect(await other.get('g1:2026-06-10')).toMatchObject({ status: 'posted', claimedAt: later.toISOString() });
    });

    test('GIVEN a release by another owner or after posting THEN the claim stays; the owner can release an unposted claim', async () => {
      const [a, b] = [await make(), await make()];
      await a.claim('k', 'a', at);
      await b.release('k', 'b');
      expect(await b.claim('k', 'b', at)).toBe(false);
      await a.release('k', 'a');
      expect(await b.claim('k', 'b', at)).toBe(true);
      await b.markPosted('k', 'b', 'm', at);
      await b.release('k', 'b');
      expect((await a.get('k'))?.status).toBe('posted');
    });
  });
}

/** Locks: one holder at a time across connections, freed by its token or by its expiry, never by a stale token. */
export function lockStoreSuite(make: StoreFactory<LockStore>): void {
  describe('locks', () => {
    test('GIVEN a lock held on one connection THEN another cannot take it until the holder releases it; a wrong token frees nothing', async () => {
      const [a, b] = [await make(), await make()];
      const token = await a.acquire('session:m1:s1', 5000);
      expect(token).toEqual(expect.any(String));
      expect(await b.acquire('session:m1:s1', 5000)).toBeUndefined();
      expect(await b.acquire('session:m1:s2', 5000)).toEqual(expect.any(String));
      await b.release('session:m1:s1', 'not-the-token');
      expect(await b.acquire('session:m1:s1', 5000)).toBeUndefined();
      await a.release('session:m1:s1', token as string);
      expect(await b.acquire('session:m1:s1', 5000)).toEqual(expect.any(String));
    });

    test('GIVEN a holder that died THEN its lock frees itself after its time, and its late release cannot free the next holder\'s', async () => {
      const [dead, next] = [await make(), await make()];
      const stale = await dead.acquire('k', 40);
      await new Promise((resolve) => setTimeout(resolve, 80));
      const token = await next.acquire('k', 5000);
      expect(token).toEqual(expect.any(String));
      await dead.release('k', stale as string);
      expect(await dead.acquire('k', 5000)).toBeUndefined();
    });

    test('GIVEN ten connections racing for one lock THEN exactly one holds it', async () => {
      const stores = await Promise.all(Array.from({ length: 10 }, () => make()));
      const tokens = await Promise.all(stores.map((store) => store.acquire('race', 5000)));
      expect(tokens.filter(Boolean)).toHaveLength(1);
    });

    test('GIVEN read-modify-writes of one record from two processes\' shared queues THEN none is lost', async () => {
      // Two "processes": each its own connection and its own local queue, over one slow shared record.
      const [a, b] = [createSharedQueue(await make(), { namespace: 'counter' }), createSharedQueue(await make(), { namespace: 'counter' })];
      let record = 0;
      const increment = async () => {
        const seen = record;
        await new Promise((resolve) => setTimeout(resolve, 2));
        record = seen + 1;
      };
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b)('r1', increment)));
      expect(record).toBe(20);
    });
  });
}

/** Button clicks on one /workout through two processes, each with its own workout service over its own connection. */
export function workoutClicksAcrossProcessesSuite(make: StoreFactory<{ sessions: WorkoutSessionStore; locks: LockStore }>): void {
  describe('workout clicks across processes', () => {
    test('GIVEN two swaps picked at the same moment through two processes THEN both are kept', async () => {
      const knowledge = loadPlanKnowledge();
      const clock = { now: () => new Date('2026-03-02T10:00:00Z') };
      const noProfiles = { get: async () => undefined, set: async () => undefined, delete: async () => false };
      const services = await Promise.all(
        [0, 1].map(async () => {
          const { sessions, locks } = await make();
          return createWorkoutService({ sessions, profiles: noProfiles, knowledge, clock, serial: createSharedQueue(locks, { namespace: 'workout-session' }) });
        }),
      );
      const [one, two] = services as [WorkoutService, WorkoutService];
      const started = await one.start('m1', { group: 'legs' });
      if (started.kind !== 'ok') throw new Error('could not start a workout');
      // A session swapped once already is stored, and changes in place: the case two processes could race on.
      await (await make()).sessions.save({ ...started.session, id: 's1' });
      const swaps = swapOptions(started.plan, knowledge).filter((o, i, all) => all.findIndex((x) => x.from === o.from) === i);
      const rounds = swaps.slice(0, 2);
      if (rounds.length < 2) throw new Error('need swaps for two different exercises');
      const ref = { ownerId: 'm1', sessionId: 's1' };
      const results = await Promise.all(rounds.map((swap, i) => (i ? two : one).swap('m1', ref, swap.from, swap.to, `click${i}`)));
      expect(results.map((r) => r.kind)).toEqual(['ok', 'ok']);
      const stored = await (await make()).sessions.get('m1', 's1');
      expect(new Set(stored?.swaps.map(([from, to]) => `${from}>${to}`))).toEqual(new Set(rounds.map((swap) => `${swap.from}>${swap.to}`)));
    });
  });
}

/** Runs every store suite on one backend; `open` connects to the test's data afresh on every call. */
export function runStoreContract(open: () => Promise<OpenStore>): void {
  let opened: OpenStore[] = [];
  let claimStores: ClaimStore[] = [];
  afterEach(async () => {
    for (const claims of claimStores) await claims.close().catch(() => undefined);
    for (const store of opened) await store.close().catch(() => undefined);
    opened = [];
    claimStores = [];
  });
  const connect = async () => {
    const store = await open();
    opened.push(store);
    return store;
  };
  profileStoreSuite(async () => keyvProfileStore(await connect()));
  voteStoreSuite(async () => keyvVoteStore(await connect()));
  sessionStoreSuite(async () => keyvSessionStore(await connect()));
  hitStoreSuite(async () => openHitStore(await connect()));
  dailySettingsStoreSuite(
    async () => openDailySettingsStore(await connect()),
    async (guildId) => void (await (await connect()).namespace('daily').set(`guild:${guildId}`, { guildId, time: 'soon' })),
  );
  lockStoreSuite(async () => openLockStore(await connect()));
  workoutClicksAcrossProcessesSuite(async () => {
    const store = await connect();
    return { sessions: keyvSessionStore(store), locks: await openLockStore(store) };
  });
  claimStoreSuite(async () => {
    const claims = await openClaimStore(await connect());
    claimStores.push(claims);
    return claims;
  });
  trainingLogStoreBehaviour('this backend', open);
}
