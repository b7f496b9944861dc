import { describe, expect, test } from 'vitest';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { applySwap, FIRST_SEED, MAX_SWAP_OPTIONS, nextVariation, sessionPlan, startWorkout, swapOptions } from '../../src/app/workout-session.ts';
import { localDateUtc } from '../../src/core/dates.ts';
import { mergeProfile, withProfileDefaults } from '../../src/app/profile-service.ts';
import { FOCUSES, GROUPS, EQUIPMENT_LEVELS } from '../../src/core/plan-types.ts';

const knowledge = loadPlanKnowledge();
const origin = { id: 's1', ownerId: 'm1', date: '2026-03-02' };

describe('workout sessions', () => {
  test('GIVEN a valid request THEN the session starts at the first seed with no swaps and rebuilds the same plan', () => {
    const started = startWorkout({ group: 'hammies', level: 'beginner' }, origin, knowledge);
    if (!started.ok) throw new Error(started.message);
    expect(started.session).toMatchObject({ ...origin, seed: FIRST_SEED, swaps: [], request: { group: 'legs', level: 'beginner' } });
    expect(sessionPlan(started.session, knowledge)).toEqual(started.plan);
  });

  test('GIVEN a focus THEN the session keeps it and the plan leads with it', () => {
    const started = startWorkout({ group: 'legs', focus: 'hamstrings' }, origin, knowledge);
    if (!started.ok) throw new Error(started.message);
    expect(started.session.request).toMatchObject({ group: 'legs', focus: 'hamstrings' });
    expect(started.plan.focus).toBe('hamstrings');
    expect(sessionPlan(started.session, knowledge)).toEqual(started.plan);
  });

  test('GIVEN a session stored before focus existed THEN it still rebuilds as a whole-group plan', () => {
    const old = { ...origin, request: { group: 'legs', goal: 'pump', level: 'intermediate', equipment: 'gym', minutes: 60 } as const, seed: FIRST_SEED, swaps: [] };
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
