/**
 * What every training-log store must do, written against an OpenStore so the same tests run on any keyv backend:
 * `open` must return a new connection to the same data each time it is called (a reopen is a restart). Each test
 * uses member ids of its own, so the backend may be shared by every test and by other suites.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { OpenStore } from '../../src/adapters/keyv/open-store.ts';
import { keyvTrainingLogStore, LOG_CHUNK_SIZE, TRAINING_LOG_NAMESPACE } from '../../src/adapters/keyv/training-log-store.ts';
import { emptyHead, foldHead, type LogEntry, type TrainingLogHead } from '../../src/core/training-log.ts';

/** Entry `seq` of a member's log. */
export function logEntry(seq: number, over: Partial<LogEntry> = {}): LogEntry {
  return {
    seq,
    at: new Date(Date.UTC(2026, 0, 1) + seq * 60_000).toISOString(),
    sessionId: `s${seq}`,
    exerciseId: 'barbell-back-squat',
    exerciseName: 'Barbell back squat',
    sets: 3,
    reps: 8,
    weight: 100 + (seq % 10),
    unit: 'kg',
    ...over,
  };
}

/** The head after `entries`, as the use case would write it. */
export function headAfter(head: TrainingLogHead, entries: LogEntry[]): TrainingLogHead {
  return foldHead(head, entries, () => 0).head;
}

/** Declares the training-log store tests for one backend. */
export function trainingLogStoreBehaviour(backend: string, open: () => Promise<OpenStore>): void {
  describe(`training-log store on ${backend}`, () => {
    const opened: OpenStore[] = [];
    const connect = async (options?: Parameters<typeof keyvTrainingLogStore>[1]) => {
      const store = await open();
      opened.push(store);
      return { store, log: keyvTrainingLogStore(store, options) };
    };
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

    /** Appends `count` entries in batches of `batch`, as a member logging session after session would. */
    const fill = async (log: ReturnType<typeof keyvTrainingLogStore>, memberId: string, count: number, batch = 7) => {
      let head = emptyHead('UTC');
      for (let from = 0; from < count; from += batch) {
        const entries = Array.from({ length: Math.min(batch, count - from) }, (_, i) => logEntry(from + i));
        head = headAfter(head, entries);
        await log.append(memberId, entries, head);
      }
      return head;
    };

    test('GIVEN a member with no log THEN there is no head and no entries', async () => {
      const { log } = await connect();
      expect(await log.head(m('nobody'))).toBeUndefined();
      expect(await log.range(m('nobody'), 0, 10)).toEqual([]);
    });

    test('GIVEN entries appended across chunk boundaries THEN every range reads back in order, also after a reopen', async () => {
      const { log } = await connect();
      const count = LOG_CHUNK_SIZE * 2 + 13;
      const head = await fill(log, m('m1'), count);
      const { log: again } = await connect();
      expect(await again.head(m('m1'))).toEqual(head);
      expect((await again.range(m('m1'), 0, count)).map((e) => e.seq)).toEqual(Array.from({ length: count }, (_, i) => i));
      const across = await again.range(m('m1'), LOG_CHUNK_SIZE - 3, LOG_CHUNK_SIZE + 4);
      expect(across.map((e) => e.seq)).toEqual(Array.from({ length: 7 }, (_, i) => LOG_CHUNK_SIZE - 3 + i));
      expect(across[0]).toEqual(logEntry(LOG_CHUNK_SIZE - 3));
      expect(await again.range(m('m1'), count, count + 10)).toEqual([]);
    });

    test('GIVEN a write whose head never landed THEN the next write replaces its entries instead of keeping them', async () => {
      const { log } = await connect();
      const head = await fill(log, m('m1'), 10);
      // Entries written, head still at 10: the process died between the two writes.
      await log.append(m('m1'), [logEntry(10, { reps: 1 }), logEntry(11, { reps: 1 })], head);
      expect(await log.head(m('m1'))).toEqual(head);
      const next = logEntry(10, { reps: 12 });
      await log.append(m('m1'), [next], headAfter(head, [next]));
      expect((await log.range(m('m1'), 0, 12)).map((e) => [e.seq, e.reps])).toEqual([...Array.from({ length: 10 }, (_, i) => [i, 8]), [10, 12]]);
    });

    test('GIVEN two members THEN deleting one removes all of its log (an interrupted write included) and none of the other\'s', async () => {
      const { store, log } = await connect();
      const head = await fill(log, m('m1'), LOG_CHUNK_SIZE + 5);
      await log.append(m('m1'), [logEntry(LOG_CHUNK_SIZE + 5)], head);
      // A member id that is a prefix of another's must not widen the delete.
      const other = await fill(log, m('m10'), 3);
      await log.deleteMember(m('m1'));
      expect(await log.head(m('m1'))).toBeUndefined();
      expect(await log.range(m('m1'), 0, LOG_CHUNK_SIZE * 3)).toEqual([]);
      const kv = store.namespace(TRAINING_LOG_NAMESPACE);
      for (let chunk = 0; chunk < 4; chunk++) expect(await kv.get(`${m('m1')}:c:${chunk}`)).toBeUndefined();
      expect(await log.head(m('m10'))).toEqual(other);
      expect(await log.range(m('m10'), 0, 3)).toHaveLength(3);
    });

    test('GIVEN only a chunk without a head (an interrupted first write) THEN deleting the member removes it too', async () => {
      const { store, log } = await connect();
      await log.append(m('m2'), [logEntry(0)], emptyHead('UTC'));
      await store.namespace(TRAINING_LOG_NAMESPACE).delete(`${m('m2')}:head`);
      await log.deleteMember(m('m2'));
      expect(await store.namespace(TRAINING_LOG_NAMESPACE).get(`${m('m2')}:c:0`)).toBeUndefined();
    });

    test('GIVEN a stored entry that fails the schema THEN it is skipped and reported; an unreadable head fails loudly', async () => {
      const problems: string[] = [];
      const { store, log } = await connect({ onInvalid: (memberId, key) => problems.push(`${memberId} ${key}`) });
      const head = await fill(log, m('m3'), 3);
      const kv = store.namespace(TRAINING_LOG_NAMESPACE);
      const chunk = (await kv.get(`${m('m3')}:c:0`)) as LogEntry[];
      await kv.set(`${m('m3')}:c:0`, [chunk[0], { ...chunk[1], sets: 'three' }, chunk[2]]);
      expect((await log.range(m('m3'), 0, head.count)).map((e) => e.seq)).toEqual([0, 2]);
      expect(problems).toEqual([`${m('m3')} ${m('m3')}:c:0`]);
      await kv.set(`${m('m3')}:head`, { v: 99 });
      await expect(log.head(m('m3'))).rejects.toThrow(/unreadable/);
    });
  });
}
