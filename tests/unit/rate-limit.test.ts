import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import type { HitStore } from '../../src/app/ports.ts';
import { createRateLimiter, decideRate, minutesToWait, recordHit } from '../../src/app/rate-limit.ts';
import { hitStoreSuite } from '../integration/store-contract.ts';

const policy = { limit: 5, windowMs: 10 * 60_000 };

/** A HitStore in a Map, doing the pure step each real store does atomically. */
function memoryHits(): HitStore & { map: Map<string, number[]> } {
  const map = new Map<string, number[]>();
  return {
    map,
    async hit(key, nowMs, window) {
      const result = recordHit(map.get(key) ?? [], nowMs, window);
      map.set(key, result.hits);
      return result;
    },
    delete: async (key) => void map.delete(key),
  };
}

describe('decideRate', () => {
  test('GIVEN fewer hits than the limit THEN the request is allowed and recorded', () => {
    const { decision, hits } = decideRate([1000, 2000], 3000, policy);
    expect(decision).toEqual({ allowed: true, remaining: 2 });
    expect(hits).toEqual([1000, 2000, 3000]);
  });

  test('GIVEN five hits inside the window THEN the sixth waits until the oldest leaves it', () => {
    const now = 5 * 60_000;
    const hits = [0, 60_000, 120_000, 180_000, 240_000];
    const { decision } = decideRate(hits, now, policy);
    expect(decision).toEqual({ allowed: false, retryAfterMs: 5 * 60_000 });
    expect(minutesToWait(5 * 60_000)).toBe(5);
  });

  test('GIVEN hits older than the window THEN they no longer count', () => {
    const { decision, hits } = decideRate([0, 1, 2, 3, 4], policy.windowMs + 10, policy);
    expect(decision.allowed).toBe(true);
    expect(hits).toEqual([policy.windowMs + 10]);
  });

  test('GIVEN any request history THEN no window ever admits more than the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3_600_000 }), { maxLength: 200 }), (times) => {
        let kept: number[] = [];
        const admitted: number[] = [];
        for (const now of [...times].sort((a, b) => a - b)) {
          const result = decideRate(kept, now, policy);
          kept = result.hits;
          if (result.decision.allowed) admitted.push(now);
          else expect(result.decision.retryAfterMs).toBeGreaterThan(0);
        }
        for (const t of admitted) expect(admitted.filter((u) => u >= t && u < t + policy.windowMs).length).toBeLessThanOrEqual(policy.limit);
      }),
    );
  });

  test.each([
    [1, 1],
    [59_999, 1],
    [60_001, 2],
    [9 * 60_000 + 1, 10],
  ])('GIVEN %i ms to wait THEN the member is told %i minute(s)', (ms, minutes) => {
    expect(minutesToWait(ms)).toBe(minutes);
  });
});

describe('createRateLimiter', () => {
  test('GIVEN twenty concurrent requests from one member THEN exactly the limit get through', async () => {
    const store = memoryHits();
    const limiter = createRateLimiter(store, { now: () => new Date(1_000_000) }, policy);
    const decisions = await Promise.all(Array.from({ length: 20 }, () => limiter.take('m1')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  test('GIVEN a member who is limited THEN forget clears their history', async () => {
    const store = memoryHits();
    const limiter = createRateLimiter(store, { now: () => new Date(1_000_000) }, { limit: 1, windowMs: 60_000 });
    expect((await limiter.take('m1')).allowed).toBe(true);
    expect((await limiter.take('m1')).allowed).toBe(false);
    await limiter.forget('m1');
    expect(store.map.size).toBe(0);
    expect((await limiter.take('m1')).allowed).toBe(true);
  });
});

describe('the in-memory hit store used by these tests', () => {
  let shared = memoryHits();
  beforeEach(() => {
    shared = memoryHits();
  });
  hitStoreSuite(async () => shared);
});
