/** Resolving what members type into a PlanRequest: aliases, defaults and one-line errors naming the valid values. */
import { describe, expect, test } from 'vitest';
import { resolveGroup } from '../../src/core/group-aliases.ts';
import { resolvePlanRequest } from '../../src/core/plan-request.ts';

describe('resolvePlanRequest', () => {
  test.each([
    ['legs', 'legs', undefined],
    ['Legs', 'legs', undefined],
    ['thighs', 'legs', undefined],
    ['hamstrings', 'legs', 'hamstrings'],
    ['HAMMIES', 'legs', 'hamstrings'],
    ['quads', 'legs', 'quads'],
    ['quadriceps', 'legs', 'quads'],
    ['calves', 'legs', 'calves'],
    ['glutes', 'glutes', undefined],
    ['glute', 'glutes', undefined],
    ['butt', 'glutes', undefined],
    ['Booty', 'glutes', undefined],
    ['glute med', 'glutes', 'glute-medius'],
    ['abductors', 'glutes', 'glute-medius'],
    ['back', 'back', undefined],
    ['lats', 'back', 'lats'],
    ['upper-back', 'back', 'upper-back'],
    ['  traps ', 'back', 'upper-back'],
    ['lower back', 'back', 'lower-back'],
  ] as const)('GIVEN "%s" THEN the group is %s and the focus %s', (typed, group, focus) => {
    expect(resolveGroup(typed)).toBe(group);
    const resolved = resolvePlanRequest({ group: typed });
    const request = { group, goal: 'pump', level: 'intermediate', equipment: 'gym', minutes: 60, ...(focus ? { focus } : {}) };
    expect(resolved).toStrictEqual({ ok: true, request });
  });

  test.each([
    [{ group: 'legs', focus: 'hamstrings' }, { group: 'legs', focus: 'hamstrings' }],
    [{ focus: 'hammies' }, { group: 'legs', focus: 'hamstrings' }],
    [{ group: 'back', focus: 'traps' }, { group: 'back', focus: 'upper-back' }],
    [{ group: 'hamstrings', focus: 'quads' }, { group: 'legs', focus: 'quads' }],
    [{ group: 'glutes', focus: 'Glute-Medius' }, { group: 'glutes', focus: 'glute-medius' }],
  ])('GIVEN %j THEN the request is %j', (input, expected) => {
    expect(resolvePlanRequest(input)).toMatchObject({ ok: true, request: expected });
  });

  test.each([
    [{ group: 'back', focus: 'hamstrings' }, /^hamstrings is part of legs, not back\. Focuses for back: lats, upper back, lower back\.$/],
    [{ group: 'legs', focus: 'biceps' }, /^Unknown focus "biceps"\. Choose one of: legs: hamstrings, quads, calves; glutes: glute medius; back: lats, upper back, lower back\.$/],
    [{ group: 'legs', focus: 'glutes' }, /^Unknown focus "glutes"/],
  ])('GIVEN %j THEN a one-line message names the valid focuses', (input, message) => {
    const resolved = resolvePlanRequest(input);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.message).toMatch(message);
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
