import { describe, expect, test } from 'vitest';
import { canonicalTimeZone, latestSlot, localDateIn, nextSlot, slotState, suggestTimeZones } from '../../src/app/daily-schedule.ts';

const at = (iso: string) => new Date(iso);

describe('daily slot instants across daylight saving', () => {
  test.each([
    // 07:00 local on both sides of each change: the UTC instant moves by the hour, the local time does not.
    ['Europe/Berlin', '07:00', '2026-03-28T00:00:00Z', '2026-03-28T06:00:00.000Z'],
    ['Europe/Berlin', '07:00', '2026-03-29T00:00:00Z', '2026-03-29T05:00:00.000Z'],
    ['Europe/Berlin', '07:00', '2026-10-24T00:00:00Z', '2026-10-24T05:00:00.000Z'],
    ['Europe/Berlin', '07:00', '2026-10-25T00:00:00Z', '2026-10-25T06:00:00.000Z'],
    ['America/New_York', '07:00', '2026-03-07T06:00:00Z', '2026-03-07T12:00:00.000Z'],
    ['America/New_York', '07:00', '2026-03-08T06:00:00Z', '2026-03-08T11:00:00.000Z'],
    ['America/New_York', '07:00', '2026-10-31T06:00:00Z', '2026-10-31T11:00:00.000Z'],
    ['America/New_York', '07:00', '2026-11-01T06:00:00Z', '2026-11-01T12:00:00.000Z'],
    // Inside the spring-forward gap: the next valid minute (03:00 local).
    ['Europe/Berlin', '02:30', '2026-03-28T23:00:00Z', '2026-03-29T01:00:00.000Z'],
    ['America/New_York', '02:30', '2026-03-08T05:00:00Z', '2026-03-08T07:00:00.000Z'],
    // Repeated at fall-back: the first occurrence only.
    ['Europe/Berlin', '02:30', '2026-10-24T22:00:00Z', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '01:30', '2026-11-01T04:00:00Z', '2026-11-01T05:30:00.000Z'],
    // Southern hemisphere: NZDT (+13) ends on 5 April, NZST (+12) → NZDT on 27 September.
    ['Pacific/Auckland', '07:00', '2026-04-03T12:00:00Z', '2026-04-03T18:00:00.000Z'],
    ['Pacific/Auckland', '07:00', '2026-04-04T12:00:00Z', '2026-04-04T19:00:00.000Z'],
    ['Pacific/Auckland', '02:30', '2026-09-26T12:00:00Z', '2026-09-26T14:00:00.000Z'],
    // Half-hour offset all year.
    ['Asia/Kolkata', '07:00', '2026-06-01T00:00:00Z', '2026-06-01T01:30:00.000Z'],
    ['Asia/Kolkata', '06:45', '2026-06-01T00:00:00Z', '2026-06-01T01:15:00.000Z'],
  ])('GIVEN %s at %s after %s THEN the next slot is %s', (timezone, time, after, expected) => {
    expect(nextSlot({ time, timezone }, at(after)).toISOString()).toBe(expected);
  });

  test('GIVEN a fall-back night in New York THEN 01:30 happens once, not twice', () => {
    const spec = { time: '01:30', timezone: 'America/New_York' };
    const first = nextSlot(spec, at('2026-11-01T04:00:00Z'));
    const second = nextSlot(spec, first);
    expect(second.toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });

  test.each([
    ['Pacific/Auckland', '2026-04-04T19:00:00Z', '2026-04-05'],
    ['Asia/Kolkata', '2026-06-01T19:00:00Z', '2026-06-02'],
    ['America/New_York', '2026-11-01T03:59:00Z', '2026-10-31'],
    ['Europe/Berlin', '2026-03-28T23:00:00Z', '2026-03-29'],
  ])('GIVEN %s at %s THEN the local date is %s', (timezone, instant, date) => {
    expect(localDateIn(at(instant), timezone)).toBe(date);
  });
});

describe('due, missed and waiting', () => {
  const spec = { time: '07:00', timezone: 'Europe/Berlin' };
  test.each([
    // Just before today's slot the latest slot is yesterday's, long out of its window.
    ['2026-06-10T04:59:59.999Z', 'missed', '2026-06-09'],
    ['2026-06-10T05:00:00.000Z', 'due', '2026-06-10'],
    ['2026-06-10T07:59:59.999Z', 'due', '2026-06-10'],
    ['2026-06-10T08:00:00.000Z', 'missed', '2026-06-10'],
  ])('GIVEN a 07:00 Berlin slot and a 180-minute window at %s THEN it is %s for %s', (now, kind, localDate) => {
    expect(slotState(spec, at(now), 180)).toMatchObject({ kind, localDate });
  });

  test('GIVEN a due slot THEN it carries the local date and the next slot is tomorrow', () => {
    const state = slotState(spec, at('2026-06-10T05:30:00Z'), 180);
    expect(state).toMatchObject({ kind: 'due', localDate: '2026-06-10' });
    expect(state.next.toISOString()).toBe('2026-06-11T05:00:00.000Z');
  });

  test('GIVEN a late-evening slot THEN its catch-up window runs past local midnight under the slot\'s own date', () => {
    const late = { time: '23:30', timezone: 'Asia/Kolkata' };
    const state = slotState(late, at('2026-06-10T19:30:00Z'), 180);
    expect(state).toMatchObject({ kind: 'due', localDate: '2026-06-10' });
  });

  test('GIVEN a schedule set after today\'s slot THEN today is neither due nor missed and the first slot is tomorrow', () => {
    const fresh = { ...spec, activeFrom: '2026-06-10T06:00:00.000Z' };
    const state = slotState(fresh, at('2026-06-10T06:00:00Z'), 180);
    expect(state.kind).toBe('waiting');
    expect(state.next.toISOString()).toBe('2026-06-11T05:00:00.000Z');
  });

  test('GIVEN a slot exactly now THEN it is the latest slot', () => {
    expect(latestSlot(spec, at('2026-06-10T05:00:00Z'))?.toISOString()).toBe('2026-06-10T05:00:00.000Z');
  });
});

describe('time zone names', () => {
  test.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['America/New_York', 'America/New_York'],
    ['UTC', 'UTC'],
  ])('GIVEN "%s" THEN it is stored as %s', (typed, stored) => {
    expect(canonicalTimeZone(typed)).toBe(stored);
  });

  test.each(['Mars/Base', '+01:00', 'Berlin time', '', 'Europe/'])('GIVEN "%s" THEN it is not a zone', (typed) => {
    expect(canonicalTimeZone(typed)).toBeUndefined();
  });

  test('GIVEN a partial name THEN autocomplete offers matching zones, at most 25', () => {
    expect(suggestTimeZones('berl')).toContain('Europe/Berlin');
    expect(suggestTimeZones('new_y')[0]).toBe('America/New_York');
    expect(suggestTimeZones('kolk')).toContain('Asia/Kolkata');
    expect(suggestTimeZones('a').length).toBeLessThanOrEqual(25);
    expect(suggestTimeZones('').length).toBeGreaterThan(0);
  });
});
