/**
 * What every training-log store must do, written against an OpenStore so the same tests run on any keyv backend:
 * `open` must return a new connection to the same data each time it is called (a reopen is a restart). Each test
 * uses member ids of its own, so the backend may be shared by every test and by other suites.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { OpenStore } from '../../src/adapters/keyv/open-store.ts';
import { keyvTrainingLogStore, MAX_ENTRIES_PER_WRITE, TRAINING_LOG_NAMESPACE } from '../../src/adapters/keyv/training-log-store.ts';
import type { TrainingLogStore } from '../../src/app/ports.ts';
import { emptyHead, foldLog, type ExerciseSummary, type LogEntry, type TrainingLogHead } from '../../src/core/training-log.ts';

/** Entry `seq` of a member's log. */
export function logEntry(seq: number, over: Partial<LogEntry> = {}): LogEntry {
  return {
    seq,
    at: new Date(Date.UTC(2026, 0, 1) + seq * 60_000).toISOString(),
    sessionId: `s${seq}`,
    exerciseId: seq % 3 ? 'romanian-deadlift' : 'barbell-back-squat',
    exerciseName: seq % 3 ? 'Romanian deadlift' : 'Barbell back squat',
    sets: 3,
    reps: 8,
    weight: 100 + (seq % 10),
    unit: 'kg',
    ...over,
  };
}

/** A member's log as the use case keeps it: the head and every summary. */
interface LogState {
  head: TrainingLogHead;
  summaries: Record<string, ExerciseSummary>;
}

/** Folds and stores one write, as the use case does; returns the new state. */
export async function writeEntries(log: TrainingLogStore, memberId: string, state: LogState, entries: LogEntry[]): Promise<LogState> {
  const update = foldLog(state.head, state.summaries, entries, () => 0);
  await log.append(memberId, entries, Object.values(update.summaries), update.head);
  return { head: update.head, summaries: { ...state.summaries, ...update.summaries } };
}

/** Declares the training-log store tests for one backend. */
export function trainingLogStoreBehaviour(backend: string, open: () => Promise<OpenStore>): void {
  describe(`training-log store on ${backend}`, () => {
    const opened: OpenStore[] = [];
    let run = 0;
    let prefix = '';
    beforeEach(() => {
      prefix = `t${Date.now().toString(36)}${++run}-`;
    });
    /** A member id unique to this test. */
    const m = (name: string) => `${prefix}${name}`;
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close().catch(() => undefined);
    });
    const connect = async (options?: Parameters<typeof keyvTrainingLogStore>[1]) => {
      const store = await open();
      opened.push(store);
      return { store, log: keyvTrainingLogStore(store, options), kv: store.namespace(TRAINING_LOG_NAMESPACE) };
    };

    /** Appends `count` entries in writes of `batch`, as a member logging session after session would. */
    const fill = async (log: TrainingLogStore, memberId: string, count: number, batch = 7) => {
      let state: LogState = { head: emptyHead('UTC'), summaries: {} };
      for (let from = 0; from < count; from += batch) {
        state = await writeEntries(log, memberId, state, Array.from({ length: Math.min(batch, count - from) }, (_, i) => logEntry(from + i)));
      }
      return state;
    };

    test('GIVEN a member with no log THEN there is no head, no summary and no entry', async () => {
      const { log } = await connect();
      expect(await log.read(m('nobody'), ['barbell-back-squat'])).toEqual({ head: undefined, summaries: {} });
      expect(await log.range(m('nobody'), 0, 10)).toEqual([]);
    });

    test('GIVEN many writes THEN head, summaries and every range read back, also after a reopen', async () => {
      const { log } = await connect();
      const state = await fill(log, m('m1'), 130);
      const { log: again } = await connect();
      expect(await again.read(m('m1'), ['barbell-back-squat', 'romanian-deadlift', 'leg-press'])).toEqual({
        head: state.head,
        summaries: { 'barbell-back-squat': state.summaries['barbell-back-squat'], 'romanian-deadlift': state.summaries['romanian-deadlift'] },
      });
      expect((await again.range(m('m1'), 0, 130)).map((e) => e.seq)).toEqual(Array.from({ length: 130 }, (_, i) => i));
      expect(await again.range(m('m1'), 47, 54)).toEqual(Array.from({ length: 7 }, (_, i) => logEntry(47 + i)));
      expect(await again.range(m('m1'), 130, 140)).toEqual([]);
    });

    test('GIVEN a write whose head never landed THEN the next write replaces its entries and summary', async () => {
      const { log } = await connect();
      const state = await fill(log, m('m1'), 10);
      // Entries and summary written, head still at 10: the process died before the commit.
      const lost = foldLog(state.head, state.summaries, [logEntry(10, { reps: 1 }), logEntry(11, { reps: 1 })], () => 0);
      await log.save(m('m1'), { summaries: Object.values(lost.summaries) });
      await log.append(m('m1'), [logEntry(10, { reps: 1 }), logEntry(11, { reps: 1 })], [], state.head);
      expect((await log.read(m('m1'), [])).head).toEqual(state.head);
      const next = logEntry(10, { reps: 12 });
      const after = await writeEntries(log, m('m1'), state, [next]);
      expect((await log.range(m('m1'), 0, after.head.count)).map((e) => [e.seq, e.reps])).toEqual([...Array.from({ length: 10 }, (_, i) => [i, 8]), [10, 12]]);
      expect((await log.read(m('m1'), ['romanian-deadlift'])).summaries['romanian-deadlift']).toEqual(after.summaries['romanian-deadlift']);
    });

    test('GIVEN more entries in one write than a form can have THEN the write is refused', async () => {
      const { log } = await connect();
      const entries = Array.from({ length: MAX_ENTRIES_PER_WRITE + 1 }, (_, i) => logEntry(i));
      await expect(log.append(m('m1'), entries, [], emptyHead('UTC'))).rejects.toThrow(/at most/);
    });

    test('GIVEN two members THEN deleting one removes all of its log (an interrupted write included) and none of the other\'s', async () => {
      const { log, kv } = await connect();
      const state = await fill(log, m('m1'), 60);
      await log.append(m('m1'), [logEntry(60), logEntry(61)], [], state.head);
      // A member id that is a prefix of another's must not widen the delete.
      const other = await fill(log, m('m10'), 3);
      await log.deleteMember(m('m1'));
      expect(await log.read(m('m1'), Object.keys(state.summaries))).toEqual({ head: undefined, summaries: {} });
      for (let seq = 0; seq < 62; seq++) expect(await kv.get(`${m('m1')}:e:${seq}`)).toBeUndefined();
      expect(await log.read(m('m10'), ['barbell-back-squat'])).toEqual({ head: other.head, summaries: { 'barbell-back-squat': other.summaries['barbell-back-squat'] } });
      expect(await log.range(m('m10'), 0, 3)).toHaveLength(3);
    });

    test('GIVEN keys without a head (an interrupted first write) THEN deleting the member removes them too', async () => {
      const { log, kv } = await connect();
      const update = foldLog(emptyHead('UTC'), {}, [logEntry(0)], () => 0);
      await log.append(m('m2'), [logEntry(0)], Object.values(update.summaries), update.head);
      await kv.delete(`${m('m2')}:head`);
      await log.deleteMember(m('m2'));
      expect(await kv.get(`${m('m2')}:e:0`)).toBeUndefined();
      expect(await kv.get(`${m('m2')}:x:barbell-back-squat`)).toBeUndefined();
    });

    test('GIVEN stored values that fail their checks THEN they are skipped and reported; an unreadable head fails loudly', async () => {
      const problems: string[] = [];
      const { log, kv } = await connect({ onInvalid: (memberId, key) => problems.push(key.slice(memberId.length)) });
      await fill(log, m('m3'), 3);
      await kv.set(`${m('m3')}:e:1`, { ...logEntry(1), sets: 'three' });
      await kv.set(`${m('m3')}:x:romanian-deadlift`, { id: 'romanian-deadlift' });
      expect((await log.range(m('m3'), 0, 3)).map((e) => e.seq)).toEqual([0, 2]);
      expect((await log.read(m('m3'), ['romanian-deadlift'])).summaries).toEqual({});
      expect(problems).toEqual([':e:1', ':x:romanian-deadlift']);
      await kv.set(`${m('m3')}:head`, { v: 99 });
      await expect(log.read(m('m3'), [])).rejects.toThrow(/unreadable/);
    });
  });
}
