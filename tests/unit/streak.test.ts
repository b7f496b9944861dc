/** Weekly streaks in the member's own time zone, across daylight-saving changes. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { weekIn } from '../../src/app/training-log-service.ts';
import { localDateIn } from '../../src/app/daily-schedule.ts';
import { dateOfDay, dayNumber } from '../../src/core/dates.ts';
import { streakOf, weekOf } from '../../src/core/streak.ts';

const monday = (date: string) => dayNumber(date);
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

describe('weeks', () => {
  test.each([
    ['2026-03-02', '2026-03-02'],
    ['2026-03-08', '2026-03-02'],
    ['2026-03-09', '2026-03-09'],
    ['2026-01-01', '2025-12-29'],
    ['1970-01-01', '1969-12-29'],
  ])('GIVEN %s THEN its week starts on Monday %s', (date, start) => {
    expect(dateOfDay(weekOf(date))).toBe(start);
  });

  test.each([
    // Berlin springs forward on Sunday 2026-03-29: 23:30 that night is still Sunday, 00:30 is Monday.
    { at: '2026-03-29T21:30:00Z', zone: 'Europe/Berlin', week: '2026-03-23' },
    { at: '2026-03-29T22:30:00Z', zone: 'Europe/Berlin', week: '2026-03-30' },
    { at: '2026-03-29T22:30:00Z', zone: 'UTC', week: '2026-03-23' },
    // New York falls back on Sunday 2026-11-01: the repeated hour is Sunday, and Monday starts at 05:00Z.
    { at: '2026-11-02T04:30:00Z', zone: 'America/New_York', week: '2026-10-26' },
    { at: '2026-11-02T05:30:00Z', zone: 'America/New_York', week: '2026-11-02' },
    { at: '2026-11-01T06:30:00Z', zone: 'America/New_York', week: '2026-10-26' },
    // Auckland (UTC+13 in its summer) is already on Monday while UTC is on Sunday.
    { at: '2026-01-04T19:00:00Z', zone: 'Pacific/Auckland', week: '2026-01-05' },
    { at: '2026-01-04T19:00:00Z', zone: 'UTC', week: '2025-12-29' },
    // Kolkata is UTC+05:30: a half-hour offset.
    { at: '2026-03-08T18:29:00Z', zone: 'Asia/Kolkata', week: '2026-03-02' },
    { at: '2026-03-08T18:31:00Z', zone: 'Asia/Kolkata', week: '2026-03-09' },
  ])('GIVEN $at in $zone THEN it falls in the week of $week', ({ at, zone, week }) => {
    expect(weekIn(at, zone)).toBe(monday(week));
  });

  test('GIVEN any instant and zone THEN its week starts on a Monday no more than six days before its local date', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
        const at = new Date(ms).toISOString();
        const week = weekIn(at, zone);
        const local = dayNumber(localDateIn(new Date(ms), zone));
        expect(new Date(week * 86_400_000).getUTCDay()).toBe(1);
        expect(local - week).toBeGreaterThanOrEqual(0);
        expect(local - week).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('streaks', () => {
  const weeksOf = (...dates: string[]) => dates.map(weekOf);
  test.each([
    { what: 'no sessions', weeks: [], today: '2026-03-11', streak: { weeks: 0, thisWeek: false } },
    { what: 'a session this week only', weeks: weeksOf('2026-03-10'), today: '2026-03-11', streak: { weeks: 1, thisWeek: true } },
    { what: 'three weeks in a row to this week', weeks: weeksOf('2026-02-24', '2026-03-04', '2026-03-09'), today: '2026-03-15', streak: { weeks: 3, thisWeek: true } },
    { what: 'two weeks to last week, none yet this week', weeks: weeksOf('2026-02-24', '2026-03-04'), today: '2026-03-09', streak: { weeks: 2, thisWeek: false } },
    { what: 'a gap of one whole week', weeks: weeksOf('2026-02-17', '2026-03-04'), today: '2026-03-16', streak: { weeks: 0, thisWeek: false } },
    { what: 'a gap earlier on', weeks: weeksOf('2026-02-03', '2026-02-24', '2026-03-04', '2026-03-10'), today: '2026-03-10', streak: { weeks: 3, thisWeek: true } },
    { what: 'a run across New Year', weeks: weeksOf('2025-12-23', '2025-12-30', '2026-01-06'), today: '2026-01-07', streak: { weeks: 3, thisWeek: true } },
  ])('GIVEN $what THEN the streak is $streak.weeks', ({ weeks, today, streak }) => {
    expect(streakOf(weeks, today)).toEqual(streak);
  });

  test('GIVEN any set of weeks THEN the streak is the run of weeks ending this week, or last week while this one is empty', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 30 }), fc.integer({ min: 0, max: 6 }), (ago, weekday) => {
        const thisMonday = weekOf('2026-06-15');
        const weeks = ago.map((n) => thisMonday - 7 * n);
        const today = dateOfDay(thisMonday + weekday);
        let expected = 0;
        const start = ago.includes(0) ? 0 : 1;
        while (ago.includes(start + expected)) expected += 1;
        expect(streakOf(weeks, today)).toEqual({ weeks: expected, thisWeek: ago.includes(0) });
      }),
    );
  });

  test('GIVEN sessions every Sunday at 23:30 Berlin time through the spring DST change THEN each is its own week and the streak counts them all', () => {
    // 23:30 local is 22:30Z before the change and 21:30Z after it.
    const instants = ['2026-03-15T22:30:00Z', '2026-03-22T22:30:00Z', '2026-03-29T21:30:00Z', '2026-04-05T21:30:00Z'];
    const weeks = instants.map((at) => weekIn(at, 'Europe/Berlin'));
    expect(new Set(weeks).size).toBe(4);
    expect(streakOf(weeks, '2026-04-06')).toEqual({ weeks: 4, thisWeek: false });
    // Seen from Auckland the same instants are Monday mornings: still four weeks, each a week later.
    expect(instants.map((at) => weekIn(at, 'Pacific/Auckland'))).toEqual(weeks.map((week) => week + 7));
  });
});
