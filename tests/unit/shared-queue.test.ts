import { describe, expect, test } from 'vitest';
import type { LockStore } from '../../src/app/ports.ts';
import { createSharedQueue, LockTimeoutError } from '../../src/app/shared-queue.ts';

describe('a queue shared across processes through a lock store', () => {
  test('GIVEN another process holds the lock past the wait THEN the work does not run and a LockTimeoutError says which key', async () => {
    const heldElsewhere: LockStore = { acquire: async () => undefined, release: async () => undefined };
    const queue = createSharedQueue(heldElsewhere, { namespace: 'workout-session', waitMs: 30 });
    let ran = false;
    await expect(queue('m1:s1', async () => (ran = true))).rejects.toThrow(LockTimeoutError);
    await expect(queue('m1:s1', async () => (ran = true))).rejects.toThrow(/workout-session:m1:s1/);
    expect(ran).toBe(false);
  });

  test('GIVEN work that throws THEN the lock is released all the same and the next turn runs', async () => {
    const held = new Set<string>();
    const locks: LockStore = {
      acquire: async (key) => (held.has(key) ? undefined : (held.add(key), 'token')),
      release: async (key) => void held.delete(key),
    };
    const queue = createSharedQueue(locks, { namespace: 'n', waitMs: 30 });
    await expect(queue('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue('k', async () => 'second')).toBe('second');
    expect(held.size).toBe(0);
  });
});
