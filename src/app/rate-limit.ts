/**
 * A sliding-window rate limit per member: the pure semantics every HitStore implements (recordHit), the decision
 * drawn from a store's answer, and a limiter that asks the store in one atomic step, so N processes share one budget.
 */
import type { Clock, HitResult, HitStore, RateDecision, RateLimiter, RateWindow } from './ports.ts';

/** How many requests a member may make per window. */
export interface RatePolicy extends RateWindow {
  /** @default 5 */
  limit: number;
  /** @default 10 minutes */
  windowMs: number;
}

/**
 * The step a HitStore performs atomically, as a pure function: hits at or before `nowMs - windowMs` are dropped,
 * hits later than `nowMs` (kept while the clock ran ahead, before it was stepped back) count as made at `nowMs`,
 * and `nowMs` is recorded when fewer than `limit` remain. So a clock step never gives a spent budget back, and
 * never makes anyone wait longer than one window.
 */
export function recordHit(hits: readonly number[], nowMs: number, window: RateWindow): HitResult {
  const recent = hits.filter((t) => t > nowMs - window.windowMs).map((t) => Math.min(t, nowMs)).sort((a, b) => a - b);
  if (recent.length >= window.limit) return { recorded: false, hits: recent };
  return { recorded: true, hits: [...recent, nowMs].sort((a, b) => a - b) };
}

/** The member's answer from a store's step: how many are left, or how long until the oldest counted hit leaves the window. */
export function rateDecision(result: HitResult, nowMs: number, window: RateWindow): RateDecision {
  if (result.recorded) return { allowed: true, remaining: Math.max(0, window.limit - result.hits.length) };
  const oldest = result.hits[result.hits.length - window.limit] ?? nowMs;
  return { allowed: false, retryAfterMs: Math.max(1, oldest + window.windowMs - nowMs) };
}

/** Decides one request against the member's earlier hits; returns the hits to keep. */
export function decideRate(hits: readonly number[], nowMs: number, policy: RatePolicy): { decision: RateDecision; hits: number[] } {
  const result = recordHit(hits, nowMs, policy);
  return { decision: rateDecision(result, nowMs, policy), hits: result.hits };
}

/** Whole minutes to tell a member to wait (never "0 minutes"). */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}

/** A RateLimiter over a HitStore: each request is one atomic step on the store, shared by every process. */
export function createRateLimiter(store: HitStore, clock: Clock, policy: RatePolicy, prefix = 'ask'): RateLimiter {
  return {
    async take(memberId) {
      const now = clock.now().getTime();
      return rateDecision(await store.hit(`${prefix}:${memberId}`, now, policy), now, policy);
    },
    forget: (memberId) => store.delete(`${prefix}:${memberId}`),
  };
}
