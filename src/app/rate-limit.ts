/** A sliding-window rate limit per member: pure decision logic plus a limiter over any HitStore. */
import { createKeyedQueue } from './keyed-queue.ts';
import type { Clock, HitStore, RateDecision, RateLimiter } from './ports.ts';

/** How many requests a member may make per window. */
export interface RatePolicy {
  /** @default 5 */
  limit: number;
  /** @default 10 minutes */
  windowMs: number;
}

/** Decides one request against the member's earlier hits; returns the hits to keep. */
export function decideRate(hits: readonly number[], nowMs: number, policy: RatePolicy): { decision: RateDecision; hits: number[] } {
  const recent = hits.filter((t) => t > nowMs - policy.windowMs && t <= nowMs).sort((a, b) => a - b);
  if (recent.length >= policy.limit) {
    // The oldest hit still inside the window decides when a slot frees up.
    const oldest = recent[recent.length - policy.limit] ?? nowMs;
    return { decision: { allowed: false, retryAfterMs: Math.max(1, oldest + policy.windowMs - nowMs) }, hits: recent };
  }
  recent.push(nowMs);
  return { decision: { allowed: true, remaining: policy.limit - recent.length }, hits: recent };
}

/** Whole minutes to tell a member to wait (never "0 minutes"). */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

/** A RateLimiter over a HitStore; requests for one member are serialised so concurrent ones cannot both slip in. */
export function createRateLimiter(store: HitStore, clock: Clock, policy: RatePolicy, prefix = 'ask'): RateLimiter {
  const serial = createKeyedQueue();
  return {
    take: (memberId) =>
      serial(`${prefix}:${memberId}`, async () => {
        const key = `${prefix}:${memberId}`;
        const { decision, hits } = decideRate((await store.get(key)) ?? [], clock.now().getTime(), policy);
        if (decision.allowed) await store.set(key, hits, policy.windowMs);
        return decision;
      }),
    forget: (memberId) => serial(`${prefix}:${memberId}`, () => store.delete(`${prefix}:${memberId}`)),
  };
}
