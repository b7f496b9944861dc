/** The training log's domain: input limits, the "3x10 @ 60 kg" line, the head fold and the CSV export. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { recordsOf } from '../../src/core/records.ts';
import { csvField, emptyHead, entriesCsv, foldLog, parseSetLine, summaryIds, validateSet, type ExerciseSummary, type LogEntry, type SetInput, type TrainingLogHead } from '../../src/core/training-log.ts';
import { loggableExercises, nearestExercises, resolveExercise, suggestExercises } from '../../src/core/exercise-lookup.ts';
import { knowledge } from './plan-fixtures.ts';

const input = (over: Partial<SetInput> = {}): SetInput => ({ sets: 3, reps: 8, weight: 100, unit: null, rpe: null, note: null, ...over });

describe('validateSet', () => {
  test('GIVEN values in range THEN they are kept, the unit defaults and the note is tidied', () => {
    expect(validateSet(input({ rpe: 8.5, note: '  felt   strong ' }), 'lb')).toEqual({ ok: true, value: { sets: 3, reps: 8, weight: 100, unit: 'lb', rpe: 8.5, note: 'felt strong' } });
    expect(validateSet(input({ unit: 'KGS', weight: 62.5 }), 'lb')).toMatchObject({ ok: true, value: { unit: 'kg', weight: 62.5 } });
  });

  test.each([
    [{ sets: 0 }, 'sets'],
    [{ sets: 21 }, 'sets'],
    [{ sets: 2.5 }, 'sets'],
    [{ reps: 0 }, 'reps'],
    [{ reps: 101 }, 'reps'],
    [{ weight: -1 }, 'weight'],
    [{ weight: 1000.5 }, 'weight'],
    [{ unit: 'stone' }, 'unit'],
    [{ rpe: 5.5 }, 'rpe'],
    [{ rpe: 10.5 }, 'rpe'],
    [{ rpe: 8.3 }, 'rpe'],
    [{ note: 'x'.repeat(201) }, 'note'],
  ])('GIVEN %j THEN the problem names %s', (over, field) => {
    const checked = validateSet(input(over), 'kg');
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems.map((p) => p.field)).toEqual([field]);
  });

  test('GIVEN several bad values THEN every one is reported', () => {
    const checked = validateSet(input({ sets: 0, reps: 500, unit: 'st', rpe: 3 }), 'kg');
    expect(!checked.ok && checked.problems.map((p) => p.field)).toEqual(['sets', 'reps', 'unit', 'rpe']);
  });
});

describe('parseSetLine', () => {
  test.each([
    ['3x10 @ 60 kg', { sets: 3, reps: 10, weight: 60, unit: 'kg' }],
    ['3x10@60', { sets: 3, reps: 10, weight: 60, unit: 'lb' }],
    ['4 × 8 @ 102,5kg rpe 8', { sets: 4, reps: 8, weight: 102.5, unit: 'kg', rpe: 8 }],
    ['5*5 @ 225 lbs @9.5', { sets: 5, reps: 5, weight: 225, unit: 'lb', rpe: 9.5 }],
    ['3x15 @ bodyweight', { sets: 3, reps: 15, weight: 0, unit: 'lb' }],
    ['3X20 @ band', { sets: 3, reps: 20, weight: 0, unit: 'lb' }],
  ])('GIVEN %j THEN it reads %j', (line, value) => {
    expect(parseSetLine(line, 'lb')).toEqual({ kind: 'ok', value });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-', 'empty'],
    ['3x10 @ ', 'no-weight'],
    ['3x10', 'no-weight'],
  ])('GIVEN %j THEN the line is skipped (%s)', (line, reason) => {
    expect(parseSetLine(line, 'kg')).toEqual({ kind: 'skipped', reason });
  });

  test.each(['ten sets', '3x @ 100', '3x10 @ heavy', '3x10 @ 100 stone kg', '100 kg'])('GIVEN %j THEN the line is malformed', (line) => {
    expect(parseSetLine(line, 'kg')).toEqual({ kind: 'malformed' });
  });

  test.each([
    ['30x10 @ 60', ['sets']],
    ['3x0 @ 60', ['reps']],
    ['3x10 @ 2000 kg', ['weight']],
    ['3x10 @ 60 st', ['unit']],
    ['3x10 @ 60 kg rpe 4', ['rpe']],
  ])('GIVEN %j THEN the problem names %j', (line, fields) => {
    const parsed = parseSetLine(line, 'kg');
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.problems.map((p) => p.field)).toEqual(fields);
  });

  test('GIVEN any valid line THEN it parses back to its numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 4000 }), fc.constantFrom('kg', 'lb'), (sets, reps, quarter, unit) => {
        const weight = quarter / 4;
        expect(parseSetLine(`${sets}x${reps} @ ${weight} ${unit}`, 'kg')).toEqual({ kind: 'ok', value: { sets, reps, weight, unit } });
      }),
    );
  });
});

const entry = (seq: number, exerciseId: string, sets: number, reps: number, weight: number, sessionId = `s${seq}`, unit: 'kg' | 'lb' = 'kg'): LogEntry => ({
  seq,
  at: new Date(Date.UTC(2026, 0, 1) + seq * 3_600_000).toISOString(),
  sessionId,
  exerciseId,
  exerciseName: exerciseId,
  sets,
  reps,
  weight,
  unit,
});

/** Folds a write into a head and the summaries kept so far, as the use case does. */
function write(state: { head: TrainingLogHead; summaries: Record<string, ExerciseSummary> }, entries: LogEntry[], weekOf: (at: string) => number = () => 0) {
  const update = foldLog(state.head, state.summaries, entries, weekOf);
  return { head: update.head, summaries: { ...state.summaries, ...update.summaries }, effects: update.effects };
}
const start = () => ({ head: emptyHead('UTC'), summaries: {} as Record<string, ExerciseSummary> });

describe('the head and summaries kept beside the log', () => {
  test('GIVEN entries of one session THEN "last" holds all of them, and a later session replaces it', () => {
    let state = write(start(), [entry(0, 'squat', 3, 8, 100, 'a'), entry(1, 'squat', 1, 6, 100, 'a')]);
    expect(state.summaries.squat?.last.groups).toEqual([
      { sets: 3, reps: 8, weight: 100, unit: 'kg' },
      { sets: 1, reps: 6, weight: 100, unit: 'kg' },
    ]);
    expect(state.effects.map((e) => e.first)).toEqual([true, false]);
    state = write(state, [entry(2, 'squat', 3, 9, 100, 'b')]);
    expect(state.summaries.squat).toMatchObject({ count: 3, throughSeq: 2, last: { sessionId: 'b', groups: [{ sets: 3, reps: 9 }] } });
    expect(state.head).toMatchObject({ count: 3, exercises: { squat: 'squat' } });
    expect(state.effects[0]).toMatchObject({ first: false, broken: ['e1rm', 'reps'], before: { bestWeight: { weight: 100, reps: 8 } } });
  });

  test('GIVEN an exercise logged under an id the catalogue no longer has THEN its summary is found by name', () => {
    const head = { ...emptyHead('UTC'), exercises: { 'old-squat': 'Barbell back squat', rdl: 'Romanian deadlift' } };
    expect(summaryIds(head, 'barbell-back-squat', 'Barbell back squat')).toEqual(['barbell-back-squat', 'old-squat']);
    expect(summaryIds(undefined, 'x', 'X')).toEqual(['x']);
  });

  const entriesArb = fc
    .array(
      fc.record({ exercise: fc.constantFrom('squat', 'rdl', 'row'), sets: fc.integer({ min: 1, max: 5 }), reps: fc.integer({ min: 1, max: 20 }), weight: fc.integer({ min: 0, max: 80 }), lb: fc.boolean() }),
      { maxLength: 60 },
    )
    .map((list) => list.map((e, i) => entry(i, e.exercise, e.sets, e.reps, e.weight * 2.5, `s${Math.floor(i / 3)}`, e.lb ? 'lb' : 'kg')));

  test('GIVEN any entries written in any batches THEN head and summaries are the same as one write of all, and the records are the log\'s', () => {
    fc.assert(
      fc.property(entriesArb, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }), (entries, sizes) => {
        const weekOf = (at: string) => Number(at.slice(8, 10));
        const once = write(start(), entries, weekOf);
        let batched = start();
        for (let from = 0, i = 0; from < entries.length; i++) {
          const size = sizes[i % sizes.length]!;
          batched = write(batched, entries.slice(from, from + size), weekOf);
          from += size;
        }
        expect(batched.head).toEqual(once.head);
        expect(batched.summaries).toEqual(once.summaries);
        expect(once.head.count).toBe(entries.length);
        for (const [id, summary] of Object.entries(once.summaries)) {
          const mine = entries.filter((e) => e.exerciseId === id);
          expect(summary.records).toEqual(recordsOf(mine.map(({ weight, unit, reps, at }) => ({ weight, unit, reps, at }))));
          expect(summary.count).toBe(mine.length);
          expect(summary.throughSeq).toBe(mine.at(-1)!.seq);
        }
      }),
    );
  });
});

describe('CSV export', () => {
  test('GIVEN entries THEN the CSV has the header and one line each, with notes quoted and formulas defused', () => {
    const entries: LogEntry[] = [
      { ...entry(0, 'squat', 3, 8, 100), exerciseName: 'Barbell back squat', rpe: 8 },
      { ...entry(1, 'row', 3, 12, 135, 's1', 'lb'), exerciseName: 'Seated cable row', note: 'grip, "v-bar"' },
      { ...entry(2, 'row', 1, 10, 62.25), exerciseName: 'Seated cable row', note: '=HYPERLINK("x")' },
    ];
    expect(entriesCsv(entries, (at) => at.slice(0, 10))).toBe(
      [
        'date,exercise,sets,reps,weight,unit,rpe,note',
        '2026-01-01,Barbell back squat,3,8,100,kg,8,',
        '2026-01-01,Seated cable row,3,12,135,lb,,"grip, ""v-bar"""',
        '2026-01-01,Seated cable row,1,10,62.25,kg,,"\'=HYPERLINK(""x"")"',
        '',
      ].join('\r\n'),
    );
  });

  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['+1', "'+1"],
    ['@everyone', "'@everyone"],
  ])('GIVEN %j THEN the field is %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('finding exercises', () => {
  const exercises = loggableExercises(knowledge().exercises);

  test.each([
    ['back squat', 'barbell-back-squat'],
    ['Barbell Back Squat', 'barbell-back-squat'],
    ['barbell-back-squat', 'barbell-back-squat'],
    ['RDL', 'romanian-deadlift'],
    ['lat pulldown', 'wide-grip-lat-pulldown'],
  ])('GIVEN %j THEN it names %s', (text, id) => {
    expect(resolveExercise(text, exercises)?.id).toBe(id);
  });

  test('GIVEN a warm-up drill THEN it is not loggable', () => {
    expect(resolveExercise('bird dog', exercises)).toBeUndefined();
  });

  test('GIVEN a typo THEN the three nearest names start with the one meant', () => {
    const nearest = nearestExercises('bak squatt', exercises);
    expect(nearest).toHaveLength(3);
    expect(nearest[0]).toBe('Barbell back squat');
  });

  test('GIVEN text being typed THEN suggestions match names first, then aliases (shown with the alias), at most 25', () => {
    const suggestions = suggestExercises('squat', exercises);
    expect(suggestions[0]).toEqual({ name: 'Barbell back squat', value: 'barbell-back-squat' });
    expect(suggestions.every((s) => /squat/i.test(s.name))).toBe(true);
    expect(suggestExercises('rdl', exercises)[0]).toEqual({ name: 'Romanian deadlift (rdl)', value: 'romanian-deadlift' });
    expect(suggestExercises('', exercises)).toHaveLength(25);
  });
});
