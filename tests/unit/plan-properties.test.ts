/** Property tests over the whole request space: every invariant of the generator holds for every input. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fitsEquipment } from '../../src/core/exercise.ts';
import { generatePlan } from '../../src/core/plan-generator.ts';
import { EQUIPMENT_LEVELS, GOALS, GROUPS, LEVELS, MAX_MINUTES, MIN_MINUTES, TECHNIQUES, type Plan } from '../../src/core/plan-types.ts';
import { knowledge } from './plan-fixtures.ts';

const k = knowledge();
const byId = new Map(k.exercises.map((e) => [e.id, e]));

const requestArb = fc.record({
  group: fc.constantFrom(...GROUPS),
  goal: fc.constantFrom(...GOALS),
  level: fc.constantFrom(...LEVELS),
  equipment: fc.constantFrom(...EQUIPMENT_LEVELS),
  minutes: fc.integer({ min: MIN_MINUTES, max: MAX_MINUTES }),
});
const dateArb = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2100, 0, 1) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const ctxArb = fc.record({ date: dateArb, seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }) });
const RUNS = { numRuns: 1000 };

/** Technique applications: a superset pair counts once. */
function techniqueCount(plan: Plan): number {
  const singles = plan.exercises.filter((e) => e.technique && e.technique !== 'superset').length;
  const supersetted = plan.exercises.filter((e) => e.technique === 'superset').length;
  return singles + supersetted / 2;
}

describe('generatePlan budget, exhaustively', () => {
  test('GIVEN every group × goal × level × equipment × minute from 15 to 120 THEN the plan fits the budget with ≥ 1 exercise', () => {
    const misses: string[] = [];
    for (const group of GROUPS)
      for (const goal of GOALS)
        for (const level of LEVELS)
          for (const equipment of EQUIPMENT_LEVELS)
            for (let minutes = MIN_MINUTES; minutes <= MAX_MINUTES; minutes++) {
              // The seed varies with the budget so the rotation is exercised too.
              const ctx = { date: ['2026-11-23', '2026-11-24', '2027-06-30'][minutes % 3]!, seed: minutes };
              {
                const plan = generatePlan({ group, goal, level, equipment, minutes }, ctx, k);
                if (plan.estimatedMinutes > minutes || plan.exercises.length === 0) misses.push(`${group}/${goal}/${level}/${equipment}/${minutes}`);
              }
            }
    expect(misses).toEqual([]);
  });
});

describe('generatePlan invariants (fast-check)', () => {
  test('GIVEN any request THEN the estimate never exceeds the budget and at least one exercise remains', () => {
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const plan = generatePlan(req, ctx, k);
        expect(plan.estimatedMinutes).toBeLessThanOrEqual(req.minutes);
        expect(plan.exercises.length).toBeGreaterThanOrEqual(1);
        expect(plan.exercises.length).toBeLessThanOrEqual(k.rules.exerciseCount.max);
      }),
      RUNS,
    );
  });

  test('GIVEN any request THEN sets stay within 3–5 (and within the level range from 30 minutes up) and reps within the goal range', () => {
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const plan = generatePlan(req, ctx, k);
        const level = k.rules.sets.byLevel[req.level];
        for (const e of plan.exercises) {
          expect(e.sets).toBeGreaterThanOrEqual(3);
          expect(e.sets).toBeLessThanOrEqual(5);
          if (req.minutes >= 30) {
            expect(e.sets).toBeGreaterThanOrEqual(level.floor);
            expect(e.sets).toBeLessThanOrEqual(Math.max(level.compound, level.isolation));
          }
          const mechanics = byId.get(e.id)!.mechanics;
          const dose = k.rules.prescriptions[req.goal][req.group][mechanics];
          expect([e.reps.min, e.reps.max]).toEqual(dose.reps);
          expect(e.restSeconds).toBe(dose.restSeconds);
          expect(e.perSide).toBe(byId.get(e.id)!.unilateral);
        }
      }),
      RUNS,
    );
  });

  test('GIVEN any request THEN compound exercises come before isolation ones, and from 30 minutes the session opens with a compound', () => {
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const mechanics = generatePlan(req, ctx, k).exercises.map((e) => byId.get(e.id)!.mechanics);
        // Below that, legs keep their documented 10-minute warm-up even when it leaves room for isolation work only.
        if (req.minutes >= 30) expect(mechanics[0]).toBe('compound');
        const firstIsolation = mechanics.indexOf('isolation');
        if (firstIsolation !== -1) expect(mechanics.slice(firstIsolation)).not.toContain('compound');
      }),
      RUNS,
    );
  });

  test('GIVEN any equipment level THEN no exercise needs an item outside it, and the catalogue agrees', () => {
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const allowed = k.rules.equipmentLevels[req.equipment].items;
        for (const e of generatePlan(req, ctx, k).exercises) {
          expect(fitsEquipment(e, allowed)).toBe(true);
          expect(e.equipment).toEqual(byId.get(e.id)!.equipment);
          if (req.equipment === 'bodyweight') expect(e.equipment).toEqual([]);
          if (req.equipment === 'bands') expect(e.equipment.every((item) => item === 'band')).toBe(true);
          if (req.equipment === 'dumbbells') expect(e.equipment.every((item) => item === 'dumbbell' || item === 'bench')).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test('GIVEN any request THEN techniques respect the level: none for beginners, at most 1 intermediate / 2 advanced, never BFR', () => {
    const cap = { beginner: 0, intermediate: 1, advanced: 2 } as const;
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const plan = generatePlan(req, ctx, k);
        expect(techniqueCount(plan)).toBeLessThanOrEqual(cap[req.level]);
        if (req.level === 'beginner' || req.goal === 'strength') expect(plan.exercises.every((e) => e.technique === null)).toBe(true);
        for (const e of plan.exercises) {
          if (e.technique) {
            expect(TECHNIQUES).toContain(e.technique);
            expect(e.techniqueNote).toBeTruthy();
          } else expect(e.techniqueNote).toBeNull();
          expect(`${e.technique} ${e.techniqueNote}`).not.toMatch(/blood flow|bfr|occlusion|restriction/i);
        }
        // A superset always has its partner right beside it in the plan.
        const supersets = plan.exercises.map((e, i) => (e.technique === 'superset' ? i : -1)).filter((i) => i >= 0);
        expect(supersets.length === 0 || (supersets.length === 2 && supersets[1]! - supersets[0]! === 1)).toBe(true);
        expect(JSON.stringify(plan)).not.toMatch(/blood-flow-restriction|blood flow restriction/i);
      }),
      RUNS,
    );
  });

  test('GIVEN any request THEN warm-up and cool-down are present and every source id exists', () => {
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const plan = generatePlan(req, ctx, k);
        expect(plan.warmup.length).toBeGreaterThan(0);
        expect(plan.cooldown.length).toBeGreaterThan(0);
        for (const a of [...plan.warmup, ...plan.cooldown]) {
          expect(a.minutes).toBeGreaterThan(0);
          expect(a.sources.length).toBeGreaterThan(0);
        }
        const all = [
          ...plan.sources,
          ...plan.exercises.flatMap((e) => e.sources),
          ...[...plan.warmup, ...plan.cooldown].flatMap((a) => a.sources),
        ];
        expect(all.filter((id) => !k.library.byId.has(id))).toEqual([]);
        // plan.sources covers every part's sources, without duplicates.
        expect(new Set(plan.sources).size).toBe(plan.sources.length);
        const listed = new Set(plan.sources);
        expect(all.filter((id) => !listed.has(id))).toEqual([]);
      }),
      RUNS,
    );
  });

  test('GIVEN the same inputs twice THEN the plans are byte-for-byte identical', () => {
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        expect(JSON.stringify(generatePlan(req, ctx, k))).toBe(JSON.stringify(generatePlan({ ...req }, { ...ctx }, k)));
      }),
      RUNS,
    );
  });

  test('GIVEN any request THEN the estimate is the documented formula over the plan', () => {
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const plan = generatePlan(req, ctx, k);
        const tempo = k.rules.tempo.secondsPerRep;
        const seconds =
          plan.exercises.reduce((sum, e) => {
            const work = ((e.reps.min + e.reps.max) / 2) * tempo * (e.perSide ? 2 : 1);
            const extra = e.technique ? k.rules.techniques.definitions[e.technique].extraSeconds : 0;
            return sum + e.sets * (work + e.restSeconds) + extra;
          }, 0) + [...plan.warmup, ...plan.cooldown].reduce((sum, a) => sum + a.minutes * 60, 0);
        expect(plan.estimatedMinutes).toBe(Math.ceil(seconds / 60 - 1e-9));
      }),
      RUNS,
    );
  });
});
