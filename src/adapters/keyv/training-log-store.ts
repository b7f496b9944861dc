/**
 * The training log in one keyv namespace, with plain keys only, so it behaves the same on SQLite and Redis:
 * `<member>:e:<seq>` (one entry), `<member>:x:<exercise id>` (that exercise's summary) and `<member>:head`.
 * A write sets one key per entry, one per exercise it touches and the head, whatever the size of the log; the head
 * goes last and is the commit point.
 */
import type { TrainingLogStore } from '../../app/ports.ts';
import { logEntrySchema, type ExerciseSummary, type LogEntry, type TrainingLogHead } from '../../core/training-log.ts';
import type { OpenStore } from './open-store.ts';

/** The namespace the training log lives in. */
export const TRAINING_LOG_NAMESPACE = 'training-log';
/** Most entries one write may add (a form has a line per exercise of a plan). @default 25 */
export const MAX_ENTRIES_PER_WRITE = 25;
/** Keys read or deleted per request, so a 10,000-entry export is a few requests and no single one is huge. @default 1000 */
const BATCH = 1000;

const headKey = (memberId: string) => `${memberId}:head`;
const summaryKey = (memberId: string, exerciseId: string) => `${memberId}:x:${exerciseId}`;
const entryKey = (memberId: string, seq: number) => `${memberId}:e:${seq}`;

/** A stored head, checked enough that a damaged one fails loudly rather than starting the log over (which would overwrite it). */
function checkedHead(memberId: string, value: unknown): TrainingLogHead {
  const head = value as Partial<TrainingLogHead> | null;
  if (head?.v === 2 && Number.isInteger(head.count) && Array.isArray(head.weeks) && typeof head.zone === 'string' && head.exercises && typeof head.exercises === 'object') {
    return head as TrainingLogHead;
  }
  throw new Error(`the training log head of member ${memberId} is unreadable`);
}

/** A stored summary, if it has the shape the use cases rely on. */
function isSummary(value: unknown): value is ExerciseSummary {
  const summary = value as Partial<ExerciseSummary> | null;
  return Boolean(summary && typeof summary.id === 'string' && Number.isInteger(summary.throughSeq) && Array.isArray(summary.last?.groups) && Array.isArray(summary.records?.repRecords));
}

/** Splits a list into runs of at most `size`. */
function batches<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

/** The training-log store over an open keyv store; `onInvalid` hears of stored values that fail their check (they are skipped). */
export function keyvTrainingLogStore(store: OpenStore, options: { onInvalid?: (memberId: string, key: string, problem: string) => void } = {}): TrainingLogStore {
  const kv = store.namespace<unknown>(TRAINING_LOG_NAMESPACE);
  const getMany = async (keys: string[]): Promise<unknown[]> => (await Promise.all(batches(keys, BATCH).map((run) => kv.getMany(run)))).flat();
  const setAll = (values: [string, unknown][]) => Promise.all(values.map(([key, value]) => kv.set(key, value)));

  return {
    async read(memberId, exerciseIds) {
      // The head alone (is there a log at all, asked on every /workout) is one plain read.
      const [head, ...values] = exerciseIds.length ? await kv.getMany([headKey(memberId), ...exerciseIds.map((id) => summaryKey(memberId, id))]) : [await kv.get(headKey(memberId))];
      const summaries: Record<string, ExerciseSummary> = {};
      exerciseIds.forEach((id, i) => {
        const value = values[i];
        if (value === undefined || value === null) return;
        if (isSummary(value)) summaries[id] = value;
        else options.onInvalid?.(memberId, summaryKey(memberId, id), 'not an exercise summary');
      });
      return { head: head === undefined || head === null ? undefined : checkedHead(memberId, head), summaries };
    },

    async append(memberId, entries, summaries, head) {
      if (entries.length > MAX_ENTRIES_PER_WRITE) throw new Error(`one write may add at most ${MAX_ENTRIES_PER_WRITE} entries, not ${entries.length}`);
      // An entry or summary left by a write that never committed its head is overwritten here (same seq, same exercise).
      await setAll([...entries.map((e): [string, unknown] => [entryKey(memberId, e.seq), e]), ...summaries.map((s): [string, unknown] => [summaryKey(memberId, s.id), s])]);
      await kv.set(headKey(memberId), head);
    },

    async save(memberId, changes) {
      await setAll((changes.summaries ?? []).map((s) => [summaryKey(memberId, s.id), s]));
      if (changes.head) await kv.set(headKey(memberId), changes.head);
    },

    async range(memberId, from, to) {
      if (to <= from) return [];
      const seqs = Array.from({ length: to - from }, (_, i) => from + i);
      const values = await getMany(seqs.map((seq) => entryKey(memberId, seq)));
      return values.flatMap((value, i) => {
        if (value === undefined || value === null) return [];
        const parsed = logEntrySchema.safeParse(value);
        if (parsed.success) return [parsed.data as LogEntry];
        options.onInvalid?.(memberId, entryKey(memberId, seqs[i] ?? 0), parsed.error.message);
        return [];
      });
    },

    async deleteMember(memberId) {
      const value = (await kv.get(headKey(memberId))) as Partial<TrainingLogHead> | null | undefined;
      const count = value?.count;
      if (typeof count !== 'number' || !Number.isInteger(count) || !value?.exercises || typeof value.exercises !== 'object') {
        // No readable head: an interrupted first write may still have left keys. Rare, so a prefix walk is fine.
        await store.deletePrefix(TRAINING_LOG_NAMESPACE, `${memberId}:`);
        return;
      }
      // The keys follow from the head, so deleting costs the member's own keys, not a walk of the namespace (Redis);
      // past the count lie at most the entries of one interrupted write.
      const keys = [
        ...Array.from({ length: count + MAX_ENTRIES_PER_WRITE }, (_, seq) => entryKey(memberId, seq)),
        ...Object.keys(value.exercises).map((id) => summaryKey(memberId, id)),
      ];
      for (const run of batches(keys, BATCH)) await kv.deleteMany(run);
      // The head last: until it is gone, a retried forget can still find every key.
      await kv.delete(headKey(memberId));
    },
  };
}
