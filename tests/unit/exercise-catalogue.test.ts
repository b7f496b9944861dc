/** The exercise catalogue: every exercise the sources name, home substitutes for every group, honest citations. */
import { describe, expect, test } from 'vitest';
import { candidatesFor, generatePlan } from '../../src/core/plan-generator.ts';
import { EQUIPMENT_LEVELS, GROUPS } from '../../src/core/plan-types.ts';
import { fitsEquipment } from '../../src/core/exercise.ts';
import { loadLibrary } from '../../src/adapters/knowledge/load-library.ts';
import { knowledge, request } from './plan-fixtures.ts';

const k = knowledge();
const byId = new Map(k.exercises.map((e) => [e.id, e]));

// Every exercise the four source articles name (the brief's list), by catalogue id.
const NAMED_BY_SOURCES = [
  'barbell-back-squat', 'barbell-front-squat', 'goblet-squat', 'romanian-deadlift', 'conventional-deadlift',
  'walking-lunge', 'reverse-lunge', 'lateral-lunge', 'leg-press', 'leg-extension', 'seated-leg-curl', 'lying-leg-curl',
  'standing-leg-curl', 'standing-calf-raise', 'seated-calf-raise', 'barbell-hip-thrust', 'glute-bridge',
  'kettlebell-swing', 'cable-kickback', 'diagonal-cable-kickback', 'hip-abduction-machine', 'banded-seated-abduction',
  'banded-lateral-walk', 'banded-forward-walk', 'banded-backward-walk', 'banded-clam-shell', 'bird-dog',
  'glute-hyperextension', 'single-leg-romanian-deadlift', 'banded-glute-bridge', 'wide-grip-lat-pulldown',
  'close-grip-lat-pulldown', 'neutral-grip-lat-pulldown', 'straight-arm-pulldown', 'seated-cable-row', 'machine-row',
  'chest-supported-row', 'incline-dumbbell-row', 'back-extension',
];

// Gym staples the sources do not name, added for strength anchors and focus sessions (issue 10).
const STAPLES = ['barbell-row', 'pull-up', 'chin-up', 'barbell-shrug', 'dumbbell-shrug', 'banded-shrug', 'cable-face-pull'];

// Home substitutes the brief asks for by name.
const HOME_SUBSTITUTES = [
  'dumbbell-romanian-deadlift', 'bulgarian-split-squat', 'band-pull-apart', 'banded-row', 'banded-lat-pulldown',
  'single-leg-hip-thrust', 'prone-y-t-raise', 'superman', 'sliding-leg-curl', 'step-up',
];

describe('exercise catalogue', () => {
  test.each([...NAMED_BY_SOURCES, ...HOME_SUBSTITUTES])('GIVEN the catalogue THEN it holds %s', (id) => {
    expect(byId.has(id)).toBe(true);
  });

  test('GIVEN the catalogue THEN ids are unique and every entry has cues and sources', () => {
    expect(new Set(k.exercises.map((e) => e.id)).size).toBe(k.exercises.length);
    for (const e of k.exercises) {
      expect(e.cues.length, e.id).toBeGreaterThan(0);
      expect(e.sources.length, e.id).toBeGreaterThan(0);
    }
  });

  test('GIVEN every cited passage id in the catalogue and rules THEN it exists in loadLibrary()', () => {
    const library = loadLibrary();
    const cited = [
      ...k.exercises.flatMap((e) => e.sources),
      ...JSON.stringify(k.rules).match(/"[a-z0-9-]+#[a-z0-9-]+"/g)!.map((s) => s.slice(1, -1)),
    ];
    expect(cited.length).toBeGreaterThan(50);
    expect(cited.filter((id) => !library.byId.has(id))).toEqual([]);
  });

  test('GIVEN the activation drills THEN they are warm-up only and never slotted as working sets', () => {
    for (const id of ['banded-clam-shell', 'clam-shell', 'bird-dog']) expect(byId.get(id)?.role).toBe('warm-up');
    for (const group of GROUPS) {
      for (const equipment of EQUIPMENT_LEVELS) {
        const ids = candidatesFor(request({ group, equipment }), k).map((e) => e.id);
        expect(ids).not.toContain('bird-dog');
      }
    }
  });

  test.each(GROUPS.flatMap((group) => EQUIPMENT_LEVELS.map((equipment) => [group, equipment] as const)))(
    'GIVEN %s with %s THEN a full session exists: ≥ 4 exercises including a compound, all within the kit',
    (group, equipment) => {
      const candidates = candidatesFor(request({ group, equipment }), k);
      expect(candidates.length).toBeGreaterThanOrEqual(4);
      expect(candidates.some((e) => e.mechanics === 'compound')).toBe(true);
      const plan = generatePlan(request({ group, equipment, minutes: 90 }), { date: '2026-11-23', seed: 1 }, k);
      expect(plan.exercises.length).toBeGreaterThanOrEqual(4);
      expect(plan.exercises[0]?.sets).toBeGreaterThanOrEqual(3);
      expect(plan.exercises.some((e) => byId.get(e.id)?.mechanics === 'compound')).toBe(true);
      const allowed = k.rules.equipmentLevels[equipment].items;
      for (const e of plan.exercises) expect(fitsEquipment(e, allowed), e.id).toBe(true);
    },
  );

  test('GIVEN the bodyweight level THEN no catalogue exercise it may use needs any item', () => {
    for (const group of GROUPS) {
      for (const e of candidatesFor(request({ group, equipment: 'bodyweight' }), k)) expect(e.equipment, e.id).toEqual([]);
    }
  });

  test('GIVEN a heavy barbell deadlift THEN it is not marked for pump work', () => {
    expect(byId.get('conventional-deadlift')?.pump).toBe(false);
  });

  test.each(STAPLES)('GIVEN the staple %s THEN it is marked as not named by the sources and cites only back-pump passages on its principle', (id) => {
    const staple = byId.get(id)!;
    expect(staple.substitute).toBe(true);
    expect(staple.sources.every((source) => source.startsWith('back-pump#'))).toBe(true);
  });

  test('GIVEN complex barbell, balance-heavy and ballistic lifts THEN beginners never get them', () => {
    for (const id of ['barbell-back-squat', 'barbell-front-squat', 'conventional-deadlift', 'romanian-deadlift', 'single-leg-romanian-deadlift', 'kettlebell-swing', 'lateral-lunge', 'barbell-row', 'pull-up']) {
      expect(byId.get(id)?.minLevel, id).toBe('intermediate');
    }
    for (const id of ['goblet-squat', 'leg-press', 'seated-cable-row', 'chest-supported-row', 'barbell-hip-thrust']) expect(byId.get(id)?.minLevel, id).toBeUndefined();
  });

  test('GIVEN every working exercise THEN it is counted in reps (no timed holds) and lists the techniques that suit it', () => {
    for (const e of k.exercises.filter((x) => x.role !== 'warm-up')) {
      expect(e.name, e.id).not.toMatch(/\bhold\b/i);
      expect(Array.isArray(e.techniques), e.id).toBe(true);
      // Rest-pause and myo-reps need a set taken close to failure under a real load.
      if (e.techniques.includes('rest-pause') || e.techniques.includes('myo-reps')) expect(e.equipment.some((i) => k.rules.loadedItems.includes(i as never)), e.id).toBe(true);
    }
  });

  test('GIVEN the deadlifts THEN the lower back is a primary muscle, as the leg source says', () => {
    for (const id of ['conventional-deadlift', 'romanian-deadlift']) expect(byId.get(id)!.primary).toContain('lower-back');
  });
});
