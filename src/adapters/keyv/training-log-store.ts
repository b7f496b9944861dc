/**
 * The training log in one keyv namespace, with plain keys only, so it behaves the same on SQLite and Redis:
 * `<member>:head` (the summary /workout and /log read) and `<member>:c:<n>` (chunks of LOG_CHUNK_SIZE entries).
 * A write touches one or two chunks and the head, whatever the size of the log; the head goes last and is the commit.
 */
import type { TrainingLogStore } from '../../app/ports.ts';
import { logEntrySchema, type LogEntry, type TrainingLogHead } from '../../core/training-log.ts';
import type { OpenStore } from './open-store.ts';

/** The namespace the training log lives in. */
export const TRAINING_LOG_NAMESPACE = 'training-log';
/** Entries per stored chunk: small enough that a write rewrites little, large enough that an export reads few keys. @default 50 */
export const LOG_CHUNK_SIZE = 50;

const headKey = (memberId: string) => `${memberId}:head`;
const chunkKey = (memberId: string, index: number) => `${memberId}:c:${index}`;
const chunkOf = (seq: number) => Math.floor(seq / LOG_CHUNK_SIZE);

/** A stored head, checked enough that a damaged one fails loudly rather than starting the log over (which would overwrite it). */
function checkedHead(memberId: string, value: unknown): TrainingLogHead {
  const head = value as Partial<TrainingLogHead> | null;
  if (head?.v === 1 && Number.isInteger(head.count) && Array.isArray(head.weeks) && typeof head.zone === 'string' && head.exercises && typeof head.exercises === 'object') {
    return head as TrainingLogHead;
  }
  throw new Error(`the training log head of member ${memberId} is unreadable`);
}

/** The training-log store over an open keyv store; `onInvalid` hears of stored entries that fail the schema (they are skipped). */
export function keyvTrainingLogStore(store: OpenStore, options: { onInvalid?: (memberId: string, key: string, problem: string) => void } = {}): TrainingLogStore {
  const kv = store.namespace<unknown>(TRAINING_LOG_NAMESPACE);

  /** The entries of a chunk that pass the schema. */
  const entriesOf = (memberId: string, key: string, value: unknown): LogEntry[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      options.onInvalid?.(memberId, key, 'not a list of entries');
      return [];
    }
    return value.flatMap((raw: unknown) => {
      const parsed = logEntrySchema.safeParse(raw);
      if (parsed.success) return [parsed.data as LogEntry];
      options.onInvalid?.(memberId, key, parsed.error.message);
      return [];
    });
  };

  const readChunks = async (memberId: string, indexes: number[]): Promise<Map<number, unknown>> => {
    const keys = indexes.map((i) => chunkKey(memberId, i));
    const values = keys.length ? await kv.getMany(keys) : [];
    return new Map(indexes.map((index, i) => [index, values[i]]));
  };

  return {
    async head(memberId) {
      const value = await kv.get(headKey(memberId));
      return value === undefined || value === null ? undefined : checkedHead(memberId, value);
    },

    async append(memberId, entries, head) {
      const first = entries[0];
      if (!first) return;
      const indexes = [...new Set(entries.map((e) => chunkOf(e.seq)))];
      const stored = await readChunks(memberId, indexes);
      await Promise.all(
        indexes.map((index) => {
          // Entries at or after this write's first seq were written by a write that never committed its head: drop them.
          const kept = entriesOf(memberId, chunkKey(memberId, index), stored.get(index)).filter((e) => e.seq < first.seq);
          return kv.set(chunkKey(memberId, index), [...kept, ...entries.filter((e) => chunkOf(e.seq) === index)]);
        }),
      );
      await kv.set(headKey(memberId), head);
    },

    async saveHead(memberId, head) {
      await kv.set(headKey(memberId), head);
    },

    async range(memberId, from, to) {
      if (to <= from) return [];
      const indexes: number[] = [];
      for (let index = chunkOf(from); index <= chunkOf(to - 1); index++) indexes.push(index);
      const stored = await readChunks(memberId, indexes);
      return indexes.flatMap((index) => entriesOf(memberId, chunkKey(memberId, index), stored.get(index)).filter((e) => e.seq >= from && e.seq < to));
    },

    async deleteMember(memberId) {
      const value = (await kv.get(headKey(memberId))) as Partial<TrainingLogHead> | null | undefined;
      const count = value?.count;
      if (typeof count !== 'number' || !Number.isInteger(count)) {
        // No readable head: an interrupted first write may still have left a chunk. Rare, so a prefix walk is fine.
        await store.deletePrefix(TRAINING_LOG_NAMESPACE, `${memberId}:`);
        return;
      }
      // The keys follow from the count, so deleting costs the member's own keys, not a walk of the namespace (Redis);
      // one chunk past the count covers entries of an interrupted write.
      const keys = [headKey(memberId)];
      for (let index = 0; index <= chunkOf(count) + 1; index++) keys.push(chunkKey(memberId, index));
      await kv.deleteMany(keys);
    },
  };
}
