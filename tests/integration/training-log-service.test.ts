/** The training-log use cases over the real keyv store (SQLite in memory): /log, the workout form, history, records, streak, forget. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { keyvProfileStore } from '../../src/adapters/keyv/keyv-member-stores.ts';
import { openStore, type OpenStore } from '../../src/adapters/keyv/open-store.ts';
import { keyvTrainingLogStore } from '../../src/adapters/keyv/training-log-store.ts';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { createTrainingLogService, HISTORY_PAGE_SIZE, type LogRequest, type TrainingLogService } from '../../src/app/training-log-service.ts';
import type { ProfileStore, TrainingLogStore } from '../../src/app/ports.ts';
import { generatePlan } from '../../src/core/plan-generator.ts';
import { ManualClock } from '../fakes/daily-fakes.ts';

const knowledge = loadPlanKnowledge();
const squat = (over: Partial<LogRequest> = {}): LogRequest => ({ exercise: 'back squat', sets: 3, reps: 8, weight: 100, unit: 'kg', rpe: null, note: null, ...over });

let store: OpenStore;
let logStore: TrainingLogStore;
let profiles: ProfileStore;
let clock: ManualClock;
let service: TrainingLogService;
let ids = 0;
const log = (request: LogRequest, member = 'm1') => service.log(member, `i${++ids}`, request);

beforeEach(async () => {
  store = await openStore('sqlite://:memory:');
  logStore = keyvTrainingLogStore(store);
  profiles = keyvProfileStore(store);
  // Wednesday 2026-03-11, 18:00 UTC.
  clock = new ManualClock('2026-03-11T18:00:00Z');
  service = createTrainingLogService({ store: logStore, profiles, exercises: knowledge.exercises, clock });
});
afterEach(async () => {
  await store.close();
});

describe('/log', () => {
  test('GIVEN a first entry THEN it is stored as logged and sets a baseline, not a record', async () => {
    const outcome = await log(squat({ rpe: 8, note: 'felt @everyone strong' }));
    expect(outcome).toMatchObject({ kind: 'logged', first: true, broken: [], unit: 'kg', streak: { weeks: 1, thisWeek: true } });
    const [entry] = await logStore.range('m1', 0, 1);
    expect(entry).toMatchObject({ seq: 0, exerciseId: 'barbell-back-squat', exerciseName: 'Barbell back squat', sets: 3, reps: 8, weight: 100, unit: 'kg', rpe: 8, note: 'felt @everyone strong' });
  });

  test('GIVEN a heavier set THEN it is announced as a record, with the record it beat', async () => {
    await log(squat());
    const outcome = await log(squat({ weight: 105, reps: 8 }));
    expect(outcome).toMatchObject({ kind: 'logged', first: false, broken: ['weight', 'e1rm'], before: { bestWeight: { weight: 100 } } });
  });

  test('GIVEN no unit THEN the profile\'s unit is used, and loads in the other unit still compare exactly', async () => {
    await profiles.set('m1', { units: 'lb', updatedAt: 'x' });
    expect(await log(squat({ unit: null, weight: 225 }))).toMatchObject({ kind: 'logged', entry: { unit: 'lb', weight: 225 }, unit: 'lb' });
    // 102 kg is 224.87 lb: lighter, no record; 102.1 kg is 225.09 lb: heavier.
    expect(await log(squat({ unit: 'kg', weight: 102 }))).toMatchObject({ broken: [] });
    expect(await log(squat({ unit: 'kg', weight: 102.1 }))).toMatchObject({ broken: ['weight', 'e1rm'] });
  });

  test.each([
    [{ exercise: 'bak squatt' }, 'exercise'],
    [{ sets: 25 }, 'sets'],
    [{ reps: 0 }, 'reps'],
    [{ weight: 1200 }, 'weight'],
    [{ unit: 'stone' }, 'unit'],
    [{ rpe: 11 }, 'rpe'],
    [{ note: 'n'.repeat(201) }, 'note'],
  ])('GIVEN %j THEN nothing is stored and the problem names %s', async (over, field) => {
    const outcome = await log(squat(over));
    expect(outcome.kind).toBe('invalid');
    expect(outcome.kind === 'invalid' && outcome.problems.map((p) => p.field)).toEqual([field]);
    expect((await logStore.read('m1', [])).head).toBeUndefined();
  });

  test('GIVEN an unknown exercise THEN the problem offers the three nearest names', async () => {
    const outcome = await log(squat({ exercise: 'bak squatt' }));
    expect(outcome.kind === 'invalid' && outcome.problems[0]).toMatchObject({ field: 'exercise', given: 'bak squatt', nearest: expect.arrayContaining(['Barbell back squat']) });
    expect(outcome.kind === 'invalid' && outcome.problems[0]?.field === 'exercise' && outcome.problems[0].nearest).toHaveLength(3);
  });

  test('GIVEN twenty /log calls at once THEN all twenty are stored, in order, none lost', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => log(squat({ reps: i + 1 }))));
    expect((await logStore.read('m1', [])).head?.count).toBe(20);
    expect((await logStore.range('m1', 0, 20)).map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe('the "Log this workout" form', () => {
  const plan = generatePlan({ group: 'legs', goal: 'hypertrophy', level: 'intermediate', equipment: 'gym', minutes: 60 }, { date: '2026-03-11', seed: 1 }, knowledge);
  const [a, b, c] = plan.exercises;

  test('GIVEN filled and empty lines THEN the filled ones are stored as one session and the rest reported as skipped', async () => {
    const outcome = await service.logSession('m1', 'form-1', [
      { exerciseId: a!.id, text: '3x10 @ 60 kg' },
      { exerciseId: b!.id, text: '' },
      { exerciseId: c!.id, text: '4x12 @ 40 rpe 9' },
    ]);
    expect(outcome).toMatchObject({ kind: 'logged', skipped: [{ exerciseId: b!.id, reason: 'empty' }] });
    const entries = await logStore.range('m1', 0, 5);
    expect(entries.map((e) => [e.exerciseId, e.sessionId])).toEqual([
      [a!.id, 'form-1'],
      [c!.id, 'form-1'],
    ]);
    expect(entries[1]).toMatchObject({ sets: 4, reps: 12, weight: 40, unit: 'kg', rpe: 9 });
  });

  test('GIVEN one bad line THEN nothing is stored and each bad line is named with its problem', async () => {
    const outcome = await service.logSession('m1', 'form-2', [
      { exerciseId: a!.id, text: '3x10 @ 60 kg' },
      { exerciseId: b!.id, text: 'three sets of ten' },
      { exerciseId: c!.id, text: '3x10 @ 60 kg rpe 12' },
    ]);
    expect(outcome).toEqual({
      kind: 'invalid',
      lines: [
        { position: 2, exerciseName: b!.name, text: 'three sets of ten', problems: [] },
        { position: 3, exerciseName: c!.name, text: '3x10 @ 60 kg rpe 12', problems: [{ field: 'rpe', given: '12' }] },
      ],
    });
    expect((await logStore.read('m1', [])).head).toBeUndefined();
  });

  test('GIVEN history THEN the form is prefilled with the next target; without it, with the prescription awaiting a weight', async () => {
    await log(squat({ exercise: a!.id, sets: a!.sets, reps: a!.reps.max, weight: 100 }));
    const form = await service.formFor('m1', plan);
    expect(form[0]).toMatchObject({ exerciseId: a!.id, value: expect.stringMatching(new RegExp(`^${a!.sets}x${a!.reps.min} @ 10[0-9.]+ kg$`)) });
    expect(form[1]?.value).toMatch(new RegExp(`^${b!.sets}x${b!.reps.min} @ `));
    const progress = await service.progress('m1', plan);
    expect(progress.items.map((p) => p.exerciseId)).toEqual([a!.id]);
  });
});

describe('/history, export and records', () => {
  test('GIVEN 25 entries THEN pages run newest first, ten at a time, and say when older ones exist', async () => {
    for (let i = 0; i < 25; i++) {
      await log(squat({ exercise: i % 2 ? 'romanian deadlift' : 'back squat', reps: (i % 10) + 1 }));
      clock.advanceMinutes(60 * 6);
    }
    const first = await service.history('m1', {}, 0);
    expect(first.entries.map((e) => e.seq)).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15]);
    expect(first).toMatchObject({ hasOlder: true, total: 25, page: 0 });
    const last = await service.history('m1', {}, 2);
    expect(last.entries.map((e) => e.seq)).toEqual([4, 3, 2, 1, 0]);
    expect(last.hasOlder).toBe(false);
    const rdl = await service.history('m1', { exerciseId: 'romanian-deadlift' }, 0);
    expect(rdl.entries.every((e) => e.exerciseId === 'romanian-deadlift')).toBe(true);
    expect(rdl.entries).toHaveLength(HISTORY_PAGE_SIZE);
    // The last two days: 25 entries six hours apart end at the clock, so eight are inside 48 hours.
    const recent = await service.history('m1', { days: 2 }, 0);
    expect(recent.entries.map((e) => e.seq)).toEqual([24, 23, 22, 21, 20, 19, 18, 17]);
    expect(recent.hasOlder).toBe(false);
  });

  test('GIVEN a time zone THEN history dates and the export\'s dates are the member\'s local dates', async () => {
    await profiles.set('m1', { timezone: 'Pacific/Auckland', updatedAt: 'x' });
    clock.set('2026-03-11T20:00:00Z');
    await log(squat({ note: 'late, "heavy"' }));
    const page = await service.history('m1', {}, 0);
    expect(page.entries[0]?.localDate).toBe('2026-03-12');
    const { csv, rows } = await service.exportCsv('m1', {});
    expect(rows).toBe(1);
    expect(csv).toBe('date,exercise,sets,reps,weight,unit,rpe,note\r\n2026-03-12,Barbell back squat,3,8,100,kg,,"late, ""heavy"""\r\n');
  });

  test('GIVEN a log THEN /prs computes from every entry and agrees with the summary /log keeps', async () => {
    for (const [weight, reps] of [[100, 8], [105, 5], [95, 12], [100, 9]] as const) await log(squat({ weight, reps }));
    const view = await service.records('m1');
    const { summaries } = await logStore.read('m1', ['barbell-back-squat']);
    expect(view.exercises).toHaveLength(1);
    expect(view.exercises[0]?.records).toEqual(summaries['barbell-back-squat']?.records);
    expect(view.exercises[0]?.records.repRecords.map((p) => [p.weight, p.reps])).toEqual([[105, 5], [100, 9], [95, 12]]);
  });
});

describe('a write that never committed', () => {
  test('GIVEN a summary stored without its head THEN /workout leaves it out and the next /log rebuilds it from the entries', async () => {
    await log(squat());
    const { summaries } = await logStore.read('m1', ['barbell-back-squat']);
    const committed = summaries['barbell-back-squat']!;
    // The summary of a lost write (a 300 kg single) landed; its entry and head did not.
    await logStore.save('m1', { summaries: [{ ...committed, count: 2, throughSeq: 1, records: { ...committed.records, bestWeight: { weight: 300, unit: 'kg', reps: 1, at: 'x' } } }] });
    const base = generatePlan({ group: 'legs', goal: 'pump', level: 'beginner', equipment: 'gym', minutes: 60 }, { date: '2026-03-11', seed: 1 }, knowledge);
    const plan = { ...base, exercises: [{ ...base.exercises[0]!, id: 'barbell-back-squat', name: 'Barbell back squat' }] };
    expect((await service.progress('m1', plan)).items).toEqual([]);
    expect(await log(squat({ weight: 105 }))).toMatchObject({ broken: ['weight', 'e1rm'], before: { bestWeight: { weight: 100 } } });
    expect((await logStore.read('m1', ['barbell-back-squat'])).summaries['barbell-back-squat']).toMatchObject({ count: 2, throughSeq: 1 });
    expect((await service.progress('m1', plan)).items[0]?.last).toEqual([{ sets: 3, reps: 8, weight: 105, unit: 'kg' }]);
  });
});

describe('streak and forget', () => {
  test('GIVEN sessions on three consecutive weeks THEN the streak is three; changing the time zone recomputes the weeks', async () => {
    // Sunday evenings 22:30 UTC: Sundays in UTC, but Monday mornings in Auckland.
    for (const at of ['2026-02-22T22:30:00Z', '2026-03-01T22:30:00Z', '2026-03-08T22:30:00Z']) {
      clock.set(at);
      await log(squat());
    }
    clock.set('2026-03-11T18:00:00Z');
    expect((await service.overview('m1')).streak).toEqual({ weeks: 3, thisWeek: false });
    await profiles.set('m1', { timezone: 'Pacific/Auckland', updatedAt: 'x' });
    // In Auckland the last session was on Monday 9 March: this week.
    expect((await service.overview('m1')).streak).toEqual({ weeks: 3, thisWeek: true });
    expect((await logStore.read('m1', [])).head?.zone).toBe('Pacific/Auckland');
  });

  test('GIVEN /profile forget THEN the whole log is gone', async () => {
    for (let i = 0; i < 60; i++) await log(squat());
    await service.forget('m1');
    expect((await logStore.read('m1', [])).head).toBeUndefined();
    expect(await logStore.range('m1', 0, 60)).toEqual([]);
    expect((await service.overview('m1')).entries).toBe(0);
  });
});
