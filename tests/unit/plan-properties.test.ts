/** Property tests over the whole request space: every invariant of the generator holds for every input. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fitsEquipment } from '../../src/core/exercise.ts';
import { doseGoal, generatePlan } from '../../src/core/plan-generator.ts';
import { EQUIPMENT_LEVELS, FOCUSES, FOCUS_GROUP, GOALS, LEVELS, MAX_MINUTES, MIN_MINUTES, TECHNIQUES, type Plan, type PlanRequest } from '../../src/core/plan-types.ts';
import { knowledge } from './plan-fixtures.ts';

const k = knowledge();
const byId = new Map(k.exercises.map((e) => [e.id, e]));

/** A group, or one of its focuses. */
const targetArb = fc.constantFrom<Pick<PlanRequest, 'group' | 'focus'>>(
  { group: 'legs' },
  { group: 'glutes' },
  { group: 'back' },
  ...FOCUSES.map((focus) => ({ group: FOCUS_GROUP[focus], focus })),
);
const requestArb = fc
  .record({
    target: targetArb,
    goal: fc.constantFrom(...GOALS),
    level: fc.constantFrom(...LEVELS),
    equipment: fc.constantFrom(...EQUIPMENT_LEVELS),
    minutes: fc.integer({ min: MIN_MINUTES, max: MAX_MINUTES }),
  })
  .map(({ target, ...rest }): PlanRequest => ({ ...target, ...rest }));
const dateArb = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2100, 0, 1) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const ctxArb = fc.record({ date: dateArb, seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }) });
const RUNS = { numRuns: 1000 };

/** The superset partner of exercise i (pairs are read left to right), or -1. */
function partnerOf(plan: Plan, i: number): number {
  for (let j = 0; j < plan.exercises.length - 1; j++) {
    if (plan.exercises[j]!.technique === 'superset' && plan.exercises[j + 1]!.technique === 'superset') {
      if (i === j) return j + 1;
      if (i === j + 1) return j;
      j++;
    }
  }
  return -1;
}

/** Technique applications: a superset pair counts once. */
function techniqueCount(plan: Plan): number {
  const singles = plan.exercises.filter((e) => e.technique && e.technique !== 'superset').length;
  const supersetted = plan.exercises.filter((e) => e.technique === 'superset').length;
  return singles + supersetted / 2;
}

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

  test('GIVEN any request THEN sets stay within 3–5 (and within the level range from 30 minutes up) and reps within the dosed goal range', () => {
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const plan = generatePlan(req, ctx, k);
        const level = k.rules.sets.byLevel[req.level];
        plan.exercises.forEach((e, i) => {
          expect(e.sets).toBeGreaterThanOrEqual(3);
          expect(e.sets).toBeLessThanOrEqual(5);
          // Only a session whose warm-up had to shrink goes below the level's floor.
          if (req.minutes >= 30 && !plan.notes.some((n) => n.text === k.rules.shortSession.note)) {
            expect(e.sets).toBeGreaterThanOrEqual(level.floor);
            expect(e.sets).toBeLessThanOrEqual(Math.max(level.compound, level.isolation));
          }
          const mechanics = byId.get(e.id)!.mechanics;
          const dose = k.rules.prescriptions[doseGoal(req, k.rules)][req.group][mechanics];
          expect([e.reps.min, e.reps.max]).toEqual(dose.reps);
          // Superset partners rest once, after the pair: the longer of their two rests.
          const partner = partnerOf(plan, i);
          if (partner === -1) expect(e.restSeconds).toBe(dose.restSeconds);
          else expect(e.restSeconds).toBeGreaterThanOrEqual(dose.restSeconds);
          expect(e.perSide).toBe(byId.get(e.id)!.unilateral);
        });
      }),
      RUNS,
    );
  });

  test('GIVEN any request THEN the main lift opens (a compound, unless a focus with none of its own leads) and compounds come before isolations', () => {
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const plan = generatePlan(req, ctx, k);
        const entries = plan.exercises.map((e) => byId.get(e.id)!);
        const focusHasCompound = !req.focus || k.exercises.some((e) => e.mechanics === 'compound' && k.rules.focuses[req.focus!].muscles.includes(e.primary[0]!));
        if (focusHasCompound) expect(entries[0]!.mechanics).toBe('compound');
        // After the main lift, its focus work and a superset partner paired to fit a short session, compounds lead.
        const muscles = req.focus ? k.rules.focuses[req.focus].muscles : [];
        let start = 1;
        while (start < entries.length && (entries[start]!.primary.some((m) => muscles.includes(m)) || plan.exercises[start]!.technique === 'superset')) start++;
        const rest = entries.slice(start).map((e) => e.mechanics);
        const firstIsolation = rest.indexOf('isolation');
        if (firstIsolation !== -1) expect(rest.slice(firstIsolation)).not.toContain('compound');
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

  test('GIVEN any request THEN techniques respect the level: no intensity technique for beginners or strength, at most 1 intermediate / 2 advanced, never BFR', () => {
    const cap = { beginner: 0, intermediate: 1, advanced: 2 } as const;
    const pairNote = k.rules.shortSession.superset.note;
    fc.assert(
      fc.property(requestArb, ctxArb, (req, ctx) => {
        const plan = generatePlan(req, ctx, k);
        const forTime = plan.notes.some((n) => n.text === pairNote);
        // A superset paired to fit a short session is not an intensity technique.
        expect(techniqueCount(plan) - (forTime ? 1 : 0)).toBeLessThanOrEqual(cap[req.level]);
        if (req.level === 'beginner' || req.goal === 'strength') {
          expect(plan.exercises.every((e) => e.technique === null || (e.technique === 'superset' && forTime))).toBe(true);
        }
        for (const e of plan.exercises) {
          if (e.technique) {
            expect(TECHNIQUES).toContain(e.technique);
            expect(e.techniqueNote).toBeTruthy();
            expect(byId.get(e.id)!.techniques).toContain(e.technique);
          } else expect(e.techniqueNote).toBeNull();
          expect(`${e.technique} ${e.techniqueNote}`).not.toMatch(/blood flow|bfr|occlusion|restriction/i);
        }
        // A superset always has its partner right beside it in the plan, and there is one at most.
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
          ...plan.notes.flatMap((n) => n.sources),
          ...plan.progression.sources,
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
          plan.exercises.reduce((sum, e, i) => {
            const work = ((e.reps.min + e.reps.max) / 2) * tempo * (e.perSide ? 2 : 1);
            const extra = e.technique ? k.rules.techniques.definitions[e.technique].extraSeconds : 0;
            // The first of a superset pair goes straight to its partner: its rest is not taken.
            const firstOfPair = e.technique === 'superset' && plan.exercises[i + 1]?.technique === 'superset';
            return sum + e.sets * (work + (firstOfPair ? 0 : e.restSeconds)) + extra;
          }, 0) + [...plan.warmup, ...plan.cooldown].reduce((sum, a) => sum + a.minutes * 60, 0);
        expect(plan.estimatedMinutes).toBe(Math.ceil(seconds / 60 - 1e-9));
      }),
      RUNS,
    );
  });
});
