/** The plan generator: pinned examples, rotation, budgets, techniques and the rules it must never break. */
import { describe, expect, test } from 'vitest';
import { dayNumber, isLocalDate as isIsoDate } from '../../src/core/dates.ts';
import { generatePlan, isVariant } from '../../src/core/plan-generator.ts';
import type { Pattern } from '../../src/core/exercise.ts';
import { EQUIPMENT_LEVELS, GOALS, GROUPS, LEVELS } from '../../src/core/plan-types.ts';
import { knowledge, request } from './plan-fixtures.ts';

const k = knowledge();
const ctx = { date: '2026-11-23', seed: 1 };
const ids = (plan: { exercises: { id: string }[] }) => plan.exercises.map((e) => e.id);

describe('pinned examples', () => {
  test('GIVEN legs, pump, intermediate, gym, 60 min THEN a loaded main lift opens a full leg day and the drop set lands on an accessory', () => {
    const plan = generatePlan(request(), ctx, k);
    expect(ids(plan)).toEqual(['leg-press', 'kettlebell-swing', 'reverse-lunge', 'leg-extension', 'seated-leg-curl', 'seated-calf-raise']);
    expect(plan.estimatedMinutes).toBe(57);
    expect(plan.warmup.map((a) => a.minutes)).toEqual([6, 4, 3]);
    expect(plan.cooldown.map((a) => a.minutes)).toEqual([8]);
    expect(plan.exercises[0]).toMatchObject({ sets: 3, reps: { min: 10, max: 15 }, restSeconds: 60, technique: null, perSide: false });
    expect(plan.exercises[3]).toMatchObject({ reps: { min: 15, max: 25 } });
    expect(plan.exercises[5]).toMatchObject({ technique: 'drop set' });
    expect(plan.exercises[5]!.techniqueNote).toContain('20–30%');
    expect(plan.exercises[5]!.sources).toContain('leg-training#drop-sets');
    expect(plan.exercises[2]!.perSide).toBe(true);
    expect(plan.focus).toBeNull();
    expect(plan.notes).toEqual([]);
    expect(plan.progression.sources).toContain('leg-training#progressive-overload');
  });

  test.each([
    // group, equipment, goal, level, minutes → exercise count, estimate, first exercise, its reps, rest
    ['glutes', 'gym', 'pump', 'beginner', 45, 4, 39, 'barbell-hip-thrust', [12, 20], 60],
    ['back', 'gym', 'pump', 'advanced', 60, 6, 57, 'neutral-grip-lat-pulldown', [12, 15], 60],
    ['back', 'bodyweight', 'hypertrophy', 'intermediate', 40, 4, 34, 'inverted-table-row', [8, 12], 90],
    ['legs', 'gym', 'strength', 'advanced', 15, 2, 14, 'conventional-deadlift', [6, 10], 120],
  ] as const)(
    'GIVEN %s / %s / %s / %s / %i min THEN %i exercises, about %i min, opening with %s at %j reps and %i s rest',
    (group, equipment, goal, level, minutes, count, estimate, first, reps, rest) => {
      const plan = generatePlan(request({ group, equipment, goal, level, minutes }), ctx, k);
      expect(plan.exercises).toHaveLength(count);
      expect(plan.estimatedMinutes).toBe(estimate);
      expect(plan.exercises[0]!.id).toBe(first);
      expect(plan.exercises[0]!.reps).toEqual({ min: reps[0], max: reps[1] });
      expect(plan.exercises[0]!.restSeconds).toBe(rest);
    },
  );

  test('GIVEN back, pump, advanced, gym THEN two different techniques, none on the main lift, and the rest-pause note carries its figures', () => {
    const plan = generatePlan(request({ group: 'back', level: 'advanced' }), ctx, k);
    const techniques = plan.exercises.map((e) => e.technique).filter(Boolean);
    expect(new Set(techniques).size).toBe(2);
    expect(plan.exercises[0]!.technique).toBeNull();
    const restPause = plan.exercises.find((e) => e.technique === 'rest-pause');
    expect(restPause?.techniqueNote).toContain('10–20 s');
    expect(restPause?.sources).toContain('back-pump#rest-pause');
  });

  test('GIVEN a superset THEN both partners name each other, share a set count and one rest', () => {
    const plan = generatePlan(request({ group: 'back', equipment: 'bodyweight', goal: 'hypertrophy', minutes: 40 }), ctx, k);
    const pair = plan.exercises.filter((e) => e.technique === 'superset');
    expect(pair).toHaveLength(2);
    expect(pair[0]!.techniqueNote).toContain(pair[1]!.name);
    expect(pair[1]!.techniqueNote).toContain(pair[0]!.name);
    expect(pair[0]!.sets).toBe(pair[1]!.sets);
    expect(pair[0]!.restSeconds).toBe(pair[1]!.restSeconds);
  });

  test('GIVEN 15 minutes of strength at the gym THEN the barbell staple is paired with an accessory, and notes say why with their sources', () => {
    const plan = generatePlan(request({ goal: 'strength', level: 'advanced', minutes: 15 }), ctx, k);
    expect(plan.exercises.map((e) => e.technique)).toEqual(['superset', 'superset']);
    expect(plan.notes.map((n) => n.text)).toEqual([k.rules.shortSession.note, k.rules.shortSession.superset.note]);
    expect(plan.notes[1]!.sources).toEqual(['leg-training#supersets-and-giant-sets']);
  });
});

describe('rules', () => {
  test.each(GROUPS.flatMap((group) => EQUIPMENT_LEVELS.map((equipment) => [group, equipment] as const)))(
    'GIVEN %s with %s on two consecutive dates THEN the exercise choice differs',
    (group, equipment) => {
      for (const seed of [0, 1, 99]) {
        const today = generatePlan(request({ group, equipment }), { date: '2026-11-23', seed }, k);
        const tomorrow = generatePlan(request({ group, equipment }), { date: '2026-11-24', seed }, k);
        expect(ids(tomorrow)).not.toEqual(ids(today));
      }
    },
  );

  test('GIVEN the next seed on the same date THEN the variation differs (the "Another variation" button)', () => {
    for (const group of GROUPS) {
      const a = generatePlan(request({ group }), { date: '2026-11-23', seed: 1 }, k);
      const b = generatePlan(request({ group }), { date: '2026-11-23', seed: 2 }, k);
      expect(ids(b)).not.toEqual(ids(a));
    }
  });

  test('GIVEN a seed one higher THEN it equals the plan of the next day (day number + seed rotates)', () => {
    const a = generatePlan(request(), { date: '2026-11-23', seed: 2 }, k);
    const b = generatePlan(request(), { date: '2026-11-24', seed: 1 }, k);
    expect(ids(a)).toEqual(ids(b));
  });

  test.each(GOALS.flatMap((goal) => EQUIPMENT_LEVELS.map((equipment) => [goal, equipment] as const)))(
    'GIVEN a beginner (%s, %s) THEN no intensity technique is prescribed',
    (goal, equipment) => {
      for (const group of GROUPS) {
        const plan = generatePlan(request({ group, goal, equipment, level: 'beginner', minutes: 120 }), ctx, k);
        expect(plan.exercises.every((e) => e.technique === null && e.techniqueNote === null)).toBe(true);
      }
    },
  );

  test('GIVEN every group, level and equipment THEN blood flow restriction is never prescribed, though the library names it', () => {
    expect(k.library.byId.has('leg-training#blood-flow-restriction')).toBe(true);
    expect(k.rules.neverPrescribed.map((n) => n.name)).toContain('blood flow restriction');
    for (const group of GROUPS)
      for (const level of LEVELS)
        for (const equipment of EQUIPMENT_LEVELS)
          for (const seed of [0, 1, 2, 3]) {
            const text = JSON.stringify(generatePlan(request({ group, level, equipment, minutes: 120 }), { date: '2026-11-23', seed }, k));
            expect(text).not.toMatch(/blood[ -]flow|\bbfr\b|occlusion|cuff/i);
          }
  });

  test('GIVEN 15 minutes for legs THEN warm-up and cool-down shrink to the short-session floors and two exercises fit', () => {
    const plan = generatePlan(request({ minutes: 15 }), ctx, k);
    expect(plan.exercises.length).toBeGreaterThanOrEqual(2);
    expect(plan.warmup.reduce((s, a) => s + a.minutes, 0)).toBe(k.rules.shortSession.warmupFloorMinutes);
    expect(plan.cooldown.reduce((s, a) => s + a.minutes, 0)).toBe(k.rules.shortSession.cooldownFloorMinutes);
    expect(plan.estimatedMinutes).toBeLessThanOrEqual(15);
    expect(plan.notes.map((n) => n.text)).toContain(k.rules.shortSession.note);
  });

  test('GIVEN 20 minutes of heavy legs for a beginner THEN the warm-up shrinks to a share of the session so the main lift and two more fit', () => {
    const plan = generatePlan(request({ goal: 'hypertrophy', level: 'beginner', minutes: 20 }), ctx, k);
    expect(plan.warmup.reduce((s, a) => s + a.minutes, 0)).toBe(4);
    expect(ids(plan)).toEqual(['leg-press', 'cable-pull-through', 'leg-extension']);
    expect(plan.estimatedMinutes).toBeLessThanOrEqual(20);
  });

  test('GIVEN 120 minutes THEN warm-up and cool-down take their documented maximum', () => {
    const legs = generatePlan(request({ minutes: 120 }), ctx, k);
    expect(legs.warmup.reduce((s, a) => s + a.minutes, 0)).toBe(15);
    expect(legs.cooldown.reduce((s, a) => s + a.minutes, 0)).toBe(10);
    const back = generatePlan(request({ group: 'back', minutes: 120 }), ctx, k);
    expect(back.warmup.reduce((s, a) => s + a.minutes, 0)).toBe(10);
  });

  test('GIVEN a shorter budget THEN exercises are dropped rather than crammed (sets and reps never shrink below the rules)', () => {
    const long = generatePlan(request({ minutes: 90 }), ctx, k);
    const short = generatePlan(request({ minutes: 40 }), ctx, k);
    expect(short.exercises.length).toBeLessThan(long.exercises.length);
    for (const e of short.exercises) {
      expect(e.sets).toBeGreaterThanOrEqual(3);
      expect(e.reps).toEqual(long.exercises.find((l) => l.id === e.id)?.reps ?? e.reps);
    }
    expect(short.exercises[0]!.id).toBe(long.exercises[0]!.id);
  });

  test('GIVEN home equipment THEN warm-up items needing gym kit are swapped for their home version', () => {
    const plan = generatePlan(request({ equipment: 'bodyweight' }), ctx, k);
    const names = plan.warmup.map((a) => a.name).join(' | ');
    expect(names).not.toMatch(/bike|elliptical|band/i);
    expect(names).toMatch(/march or jog/);
  });

  test('GIVEN a gym plan THEN every exercise the sources do not name uses gym kit (no home substitutes where a slot has gym work)', () => {
    const byId = new Map(k.exercises.map((e) => [e.id, e]));
    const gymKit = k.rules.equipmentLevels.gym.prefer as readonly string[];
    for (const seed of [0, 1, 2, 3, 4, 5]) {
      const legs = generatePlan(request({ minutes: 120 }), { date: '2026-11-23', seed }, k);
      const homeOnly = legs.exercises.filter((e) => byId.get(e.id)!.substitute && !e.equipment.some((item) => gymKit.includes(item)));
      expect(homeOnly.map((e) => e.id)).toEqual([]);
    }
  });

  test('GIVEN a bands plan THEN home substitutes it uses need the bands or are the sources\' own', () => {
    const byId = new Map(k.exercises.map((e) => [e.id, e]));
    for (const group of GROUPS) {
      const plan = generatePlan(request({ group, equipment: 'bands', minutes: 120 }), ctx, k);
      for (const e of plan.exercises) {
        const entry = byId.get(e.id)!;
        if (!entry.substitute || entry.equipment.includes('band')) continue;
        // A bodyweight substitute only where its pattern has nothing banded or named left that fits.
        const better = k.exercises.filter(
          (x) =>
            x.pattern === entry.pattern &&
            x.role !== 'warm-up' &&
            !plan.exercises.some((p) => p.id === x.id) &&
            x.equipment.every((i) => i === 'band') &&
            (!x.substitute || x.equipment.includes('band')),
        );
        expect(better.map((x) => x.id), e.id).toEqual([]);
      }
    }
  });

  test('GIVEN a plan THEN its sources cite the group\'s own document and the rules it used', () => {
    const plan = generatePlan(request(), ctx, k);
    expect(plan.sources).toEqual(expect.arrayContaining(['leg-training#warm-up', 'leg-training#rep-ranges', 'leg-training#sets-and-rest', 'leg-training#cool-down']));
    expect(plan.sources.some((id) => id.startsWith('back-pump#'))).toBe(false);
  });
});

describe('dates', () => {
  test.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2026-11-23', 20780],
  ])('GIVEN %s THEN day number %i', (date, day) => {
    expect(dayNumber(date)).toBe(day);
  });

  test.each(['2026-02-30', '2026-13-01', '26-11-23', 'today', ''])('GIVEN "%s" THEN it is not a date', (date) => {
    expect(isIsoDate(date)).toBe(false);
    expect(() => generatePlan(request(), { date, seed: 1 }, k)).toThrow(RangeError);
  });
});

describe('no movement twice', () => {
  test.each([
    ['Romanian deadlift', 'Single-leg Romanian deadlift', 'hinge', true],
    ['Romanian deadlift', 'Dumbbell Romanian deadlift', 'hinge', true],
    ['Glute bridge', 'Banded glute bridge', 'hip-thrust', true],
    ['Romanian deadlift', 'Conventional deadlift', 'hinge', false],
    ['Seated cable row', 'Machine row', 'horizontal-pull', false],
    ['Walking lunge', 'Reverse lunge', 'lunge', false],
  ] as Array<[string, string, Pattern, boolean]>)('GIVEN "%s" and "%s" (%s) THEN variant is %s', (a, b, pattern, expected) => {
    expect(isVariant({ name: a, pattern }, { name: b, pattern })).toBe(expected);
  });

  test('GIVEN every group, goal, level, equipment, length and a few seeds THEN no session holds two versions of one movement', () => {
    for (const group of GROUPS)
      for (const goal of GOALS)
        for (const level of LEVELS)
          for (const equipment of EQUIPMENT_LEVELS)
            for (const minutes of [30, 60, 90])
              for (const seed of [1, 2, 3, 7]) {
                const plan = generatePlan(request({ group, goal, level, equipment, minutes }), { date: '2026-11-23', seed }, k);
                const chosen = plan.exercises.map((e) => k.exercises.find((x) => x.id === e.id)!);
                chosen.forEach((a, i) => chosen.slice(i + 1).forEach((b) => expect(isVariant(a, b), `${a.name} / ${b.name}`).toBe(false)));
              }
  });
});
