import { describe, expect, test } from 'vitest';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { applySwap, FIRST_SEED, isUnstoredId, MAX_SWAP_OPTIONS, nextVariation, sessionPlan, startWorkout, swapOptions, unstoredId, unstoredSession } from '../../src/app/workout-session.ts';
import { localDateUtc } from '../../src/core/dates.ts';
import { createWorkoutService } from '../../src/app/workout-service.ts';
import { mergeProfile, withProfileDefaults } from '../../src/app/profile-service.ts';
import { FOCUSES, FOCUS_GROUP, GROUPS, GOALS, LEVELS, EQUIPMENT_LEVELS, type PlanRequest } from '../../src/core/plan-types.ts';
import fc from 'fast-check';

const knowledge = loadPlanKnowledge();
const origin = { ownerId: 'm1', date: '2026-03-02' };

describe('workout sessions', () => {
  test('GIVEN a valid request THEN the session starts at the first seed with no swaps and rebuilds the same plan', () => {
    const started = startWorkout({ group: 'hammies', level: 'beginner' }, origin, knowledge);
    if (!started.ok) throw new Error(started.message);
    expect(started.session).toMatchObject({ ...origin, seed: FIRST_SEED, swaps: [], request: { group: 'legs', level: 'beginner' } });
    expect(sessionPlan(started.session, knowledge)).toEqual(started.plan);
    // Not stored: its id is its whole state, and reads back as the same session.
    expect(isUnstoredId(started.session.id)).toBe(true);
    expect(unstoredSession('m1', started.session.id)).toEqual(started.session);
  });

  test('GIVEN any request, date and seed THEN the unstored id reads back as the same session, and fits a custom id with the owner', () => {
    const request = fc.record({
      group: fc.constantFrom(...GROUPS),
      goal: fc.constantFrom(...GOALS),
      level: fc.constantFrom(...LEVELS),
      equipment: fc.constantFrom(...EQUIPMENT_LEVELS),
      minutes: fc.integer({ min: 15, max: 120 }),
      focus: fc.option(fc.constantFrom(...FOCUSES), { nil: undefined }),
    }).filter((r) => !r.focus || FOCUS_GROUP[r.focus] === r.group);
    const day = fc.integer({ min: 0, max: 365 * 80 }).map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(request, day, fc.integer({ min: 1, max: 1_000_000 }), (raw, date, seed) => {
        const { focus, ...rest } = raw;
        const planRequest: PlanRequest = focus ? { ...rest, focus } : rest;
        const id = unstoredId({ date, seed, request: planRequest });
        const session = unstoredSession('1400000000000000001', id);
        expect(session).toEqual({ id, ownerId: '1400000000000000001', date, seed, request: planRequest, swaps: [] });
        expect(`workout:logged:1400000000000000001:${id}`.length).toBeLessThanOrEqual(100);
      }),
    );
  });

  test.each([
    ['a stored session id', '1450000000000000001'],
    ['a date that does not exist', '~20260230.1.00000.1o'],
    ['a choice past the list', '~20260302.1.90000.1o'],
    ['a focus of another group', '~20260302.1.04000.1o'],
    ['minutes out of range', '~20260302.1.00000.5'],
    ['seed zero', '~20260302.0.00000.1o'],
    ['trailing junk', '~20260302.1.00000.1o.x'],
  ])('GIVEN %s THEN it is not read as an unstored session', (_label, id) => {
    expect(unstoredSession('m1', id)).toBeUndefined();
  });

  test('GIVEN a focus THEN the session keeps it and the plan leads with it', () => {
    const started = startWorkout({ group: 'legs', focus: 'hamstrings' }, origin, knowledge);
    if (!started.ok) throw new Error(started.message);
    expect(started.session.request).toMatchObject({ group: 'legs', focus: 'hamstrings' });
    expect(started.plan.focus).toBe('hamstrings');
    expect(sessionPlan(started.session, knowledge)).toEqual(started.plan);
  });

  test('GIVEN a session stored before focus existed THEN it still rebuilds as a whole-group plan', () => {
    const old = { ...origin, id: 's1', request: { group: 'legs', goal: 'pump', level: 'intermediate', equipment: 'gym', minutes: 60 } as const, seed: FIRST_SEED, swaps: [] };
    expect(sessionPlan(old, knowledge).focus).toBeNull();
  });

  test('GIVEN the /workout definition THEN focus is an optional choice of every focus', async () => {
    const { workout } = await import('../../src/commands/workout.ts');
    const focus = workout.data.options?.find((o) => o.name === 'focus');
    expect(focus?.required ?? false).toBe(false);
    expect(focus?.choices?.map((c) => c.value)).toEqual([...FOCUSES]);
  });

  test('GIVEN an unknown group THEN the error is a value naming the valid groups', () => {
    const started = startWorkout({ group: 'chest' }, origin, knowledge);
    expect(started.ok).toBe(false);
    expect(!started.ok && started.message).toMatch(/legs/);
  });

  test('GIVEN "Another variation" THEN the seed moves on and swaps are cleared', () => {
    const started = startWorkout({ group: 'back' }, origin, knowledge);
    if (!started.ok) throw new Error(started.message);
    const next = nextVariation({ ...started.session, swaps: [['a', 'b']] });
    expect(next.seed).toBe(FIRST_SEED + 1);
    expect(next.swaps).toEqual([]);
  });

  test.each(GROUPS.flatMap((group) => EQUIPMENT_LEVELS.map((equipment) => [group, equipment] as const)))(
    'GIVEN %s with %s THEN every swap option replaces an exercise in the plan with one not yet in it, the menu is the same on every call, and applying it works',
    (group, equipment) => {
      const started = startWorkout({ group, equipment }, origin, knowledge);
      if (!started.ok) throw new Error(started.message);
      const options = swapOptions(started.plan, knowledge);
      expect(options.length).toBeLessThanOrEqual(MAX_SWAP_OPTIONS);
      expect(swapOptions(started.plan, knowledge)).toEqual(options);
      const inPlan = new Set(started.plan.exercises.map((e) => e.id));
      for (const option of options) {
        expect(inPlan.has(option.from)).toBe(true);
        expect(inPlan.has(option.to)).toBe(false);
      }
      const first = options[0];
      if (!first) return;
      const swapped = applySwap(started.session, first.from, first.to, knowledge);
      if (!swapped.ok) throw new Error('swap refused');
      const ids = swapped.plan.exercises.map((e) => e.id);
      expect(ids).toContain(first.to);
      expect(ids).not.toContain(first.from);
      expect(sessionPlan(swapped.session, knowledge)).toEqual(swapped.plan);
    },
  );

  test('GIVEN a swap that was never offered THEN it is refused', () => {
    const started = startWorkout({ group: 'legs' }, origin, knowledge);
    if (!started.ok) throw new Error(started.message);
    expect(applySwap(started.session, 'not-there', 'nor-this', knowledge)).toEqual({ ok: false });
  });

  test('GIVEN a time late in the UTC day THEN the plan date is that UTC date', () => {
    expect(localDateUtc(new Date('2026-03-02T23:59:00Z'))).toBe('2026-03-02');
  });
});

describe('profiles', () => {
  test('GIVEN a saved profile THEN it fills only what the member left out', () => {
    const profile = { level: 'beginner', equipment: 'bands', goal: 'strength', updatedAt: 'x' } as const;
    expect(withProfileDefaults({ group: 'legs', level: 'advanced' }, profile)).toEqual({
      group: 'legs',
      level: 'advanced',
      equipment: 'bands',
      goal: 'strength',
      minutes: undefined,
    });
  });

  test('GIVEN a partial change THEN earlier fields are kept and the timestamp moves', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const merged = mergeProfile({ level: 'beginner', units: 'kg', updatedAt: 'old' }, { equipment: 'gym', level: undefined }, now);
    expect(merged).toEqual({ level: 'beginner', units: 'kg', equipment: 'gym', updatedAt: now.toISOString() });
  });
});

describe('the buttons of a workout that was never stored', () => {
  const sessionsNever = { get: async () => undefined, save: async () => { throw new Error('nothing should be stored'); }, deleteOwner: async () => undefined };
  const noProfiles = { get: async () => undefined, set: async () => undefined, delete: async () => false };
  const serviceOn = (today: string) => createWorkoutService({ sessions: sessionsNever, profiles: noProfiles, knowledge, clock: { now: () => new Date(`${today}T12:00:00Z`) } });

  test.each([
    ['the same day', '2026-03-02', 'ok'],
    ['30 days on', '2026-04-01', 'ok'],
    ['31 days on', '2026-04-02', 'expired'],
  ])('GIVEN a press %s THEN the session is %s, as a stored one would be', async (_label, today, kind) => {
    const started = await serviceOn('2026-03-02').start('m1', { group: 'legs' });
    if (started.kind !== 'ok') throw new Error('no workout');
    expect((await serviceOn(today).variation('m1', { ownerId: 'm1', sessionId: started.session.id })).kind).toBe(kind);
    expect((await serviceOn(today).plan({ ownerId: 'm1', sessionId: started.session.id })).kind).toBe(kind);
  });

  test('GIVEN a garbled unstored id THEN a press says the workout expired, and nothing is stored', async () => {
    expect(await serviceOn('2026-03-02').variation('m1', { ownerId: 'm1', sessionId: '~2026xx02.1.00000.1o' })).toEqual({ kind: 'expired' });
  });
});
