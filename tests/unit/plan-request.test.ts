/** Resolving what members type into a PlanRequest: aliases, defaults and one-line errors naming the valid values. */
import { describe, expect, test } from 'vitest';
import { resolveGroup } from '../../src/core/group-aliases.ts';
import { resolvePlanRequest } from '../../src/core/plan-request.ts';

describe('resolvePlanRequest', () => {
  test.each([
    ['legs', 'legs'],
    ['Legs', 'legs'],
    ['hamstrings', 'legs'],
    ['HAMMIES', 'legs'],
    ['quads', 'legs'],
    ['calves', 'legs'],
    ['glutes', 'glutes'],
    ['glute', 'glutes'],
    ['butt', 'glutes'],
    ['Booty', 'glutes'],
    ['back', 'back'],
    ['lats', 'back'],
    ['upper-back', 'back'],
    ['  traps ', 'back'],
  ])('GIVEN "%s" THEN the group is %s', (typed, group) => {
    expect(resolveGroup(typed)).toBe(group);
    const resolved = resolvePlanRequest({ group: typed });
    expect(resolved).toEqual({ ok: true, request: { group, goal: 'pump', level: 'intermediate', equipment: 'gym', minutes: 60 } });
  });

  test('GIVEN every option THEN they are resolved case-insensitively, with aliases', () => {
    expect(resolvePlanRequest({ group: 'back', goal: 'Hypertrophy', level: 'ADVANCED', equipment: 'dumbbell', minutes: '45' })).toEqual({
      ok: true,
      request: { group: 'back', goal: 'hypertrophy', level: 'advanced', equipment: 'dumbbells', minutes: 45 },
    });
    expect(resolvePlanRequest({ group: 'legs', goal: 'growth', equipment: 'body weight', minutes: 15 })).toMatchObject({
      ok: true,
      request: { goal: 'hypertrophy', equipment: 'bodyweight', minutes: 15 },
    });
    expect(resolvePlanRequest({ group: 'legs', equipment: 'band', minutes: 120 })).toMatchObject({ request: { equipment: 'bands', minutes: 120 } });
  });

  test.each([
    [{ group: 'arms' }, /Unknown muscle group "arms".*legs.*glutes.*back/],
    [{}, /Name a muscle group: legs .*glutes .*back/],
    [{ group: '' }, /Name a muscle group/],
    [{ group: 'legs', goal: 'bulk' }, /Unknown goal "bulk".*pump, hypertrophy, strength/],
    [{ group: 'legs', level: 'pro' }, /Unknown level "pro".*beginner, intermediate, advanced/],
    [{ group: 'legs', equipment: 'barbell' }, /Unknown equipment "barbell".*gym, dumbbells, bands, bodyweight/],
    [{ group: 'legs', minutes: '14' }, /15 to 120/],
    [{ group: 'legs', minutes: '121' }, /15 to 120/],
    [{ group: 'legs', minutes: '45.5' }, /15 to 120/],
    [{ group: 'legs', minutes: 'soon' }, /15 to 120, not "soon"/],
    [{ group: 'legs', minutes: 30.5 }, /15 to 120/],
  ])('GIVEN %j THEN a one-line message names the valid values', (input, message) => {
    const resolved = resolvePlanRequest(input);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) {
      expect(resolved.message).toMatch(message);
      expect(resolved.message).not.toContain('\n');
    }
  });

  test('GIVEN typed text with a newline THEN the echo stays on one line', () => {
    const resolved = resolvePlanRequest({ group: 'arms\n@everyone' });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.message).not.toContain('\n');
  });
});
