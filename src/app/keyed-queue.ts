/** Serialises async work per key within this process, for read-modify-write on one stored record. */

/** Runs `work` after every earlier piece of work on the same key has settled; different keys run side by side. */
export type KeyedQueue = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/** A new queue; an idle key's entry is dropped, so the map does not grow with every key ever seen. */
export function createKeyedQueue(): KeyedQueue {
  const queues = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  };
}
