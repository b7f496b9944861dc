import { describe, expect, test } from 'vitest';
import { ACK_GUARD_MS, GUARD_STEP_MS, guardTimerMs, guardWaitMs } from '../../src/discord/interaction-adapters.ts';

describe('the acknowledgement guard of an interaction', () => {
  test('GIVEN interactions created 0, 130 and 2,000 ms ago THEN their handlers may take 800, 670 and 0 ms before the guard defers', () => {
    const now = 1_000_000;
    expect([0, 130, 2000].map((age) => guardWaitMs(now - age, now))).toEqual([ACK_GUARD_MS, ACK_GUARD_MS - 130, 0]);
  });

  test('GIVEN a burst whose waits differ by a millisecond each THEN their timers share a handful of durations, none longer than the wait', () => {
    const waits = Array.from({ length: 200 }, (_, i) => ACK_GUARD_MS - i);
    const timers = waits.map(guardTimerMs);
    expect(new Set(timers).size).toBeLessThanOrEqual(Math.ceil(200 / GUARD_STEP_MS) + 1);
    timers.forEach((timer, i) => {
      expect(timer).toBeLessThanOrEqual(waits[i] as number);
      expect(timer % GUARD_STEP_MS).toBe(0);
    });
  });

  test('GIVEN a wait shorter than one step THEN the timer is 0 (the guard defers at once)', () => {
    expect([GUARD_STEP_MS - 1, 1, 0, -5].map(guardTimerMs)).toEqual([0, 0, 0, 0]);
  });
});
