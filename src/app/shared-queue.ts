/**
 * A KeyedQueue across processes: work on one key runs in turn within this process (the local queue), and each turn
 * also holds a short lock on the shared store, so another process's work on the same key waits for it.
 */
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.ts';
import type { LockStore } from './ports.ts';

/** How long a lock lives if its holder dies mid-work: far longer than a read-modify-write takes. @default 5000 */
export const LOCK_TTL_MS = 5000;
/** How long to wait for another process's lock before giving up: inside Discord's 3 s to answer a click. @default 2500 */
export const LOCK_WAIT_MS = 2500;

/** Another process held the lock for longer than the wait: the member is told to try again. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

/** Options of a shared queue. */
export interface SharedQueueOptions {
  /** Prefixed to every key, so queues of different records never share a lock. */
  namespace: string;
  /** @default LOCK_TTL_MS */
  ttlMs?: number;
  /** @default LOCK_WAIT_MS */
  waitMs?: number;
}

/** A queue whose turns hold a lock in `locks` for their key. */
export function createSharedQueue(locks: LockStore, options: SharedQueueOptions): KeyedQueue {
  const local = createKeyedQueue();
  const ttlMs = options.ttlMs ?? LOCK_TTL_MS;
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;

  async function acquire(key: string): Promise<string> {
    const deadline = Date.now() + waitMs;
    // Short, growing pauses: a holder normally finishes within milliseconds.
    for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
      const token = await locks.acquire(key, ttlMs);
      if (token !== undefined) return token;
      if (Date.now() + pause > deadline) throw new LockTimeoutError(`${key} stayed locked by another process for ${waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  return <T>(key: string, work: () => Promise<T>): Promise<T> =>
    local(key, async () => {
      const lockKey = `${options.namespace}:${key}`;
      const token = await acquire(lockKey);
      try {
        return await work();
      } finally {
        // A failed release only delays the next holder until the lock expires.
        await locks.release(lockKey, token).catch(() => undefined);
      }
    });
}
