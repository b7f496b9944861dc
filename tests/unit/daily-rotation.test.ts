import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { groupForDate, parseSplit, rotationCycle, seedForDate, splitDayFor } from '../../src/core/daily-rotation.ts';
import { parseLocalDate as dayNumber, isLocalDate } from '../../src/core/dates.ts';
import { GROUPS, type Group } from '../../src/core/plan-types.ts';

const split: Group[] = ['legs', 'back', 'glutes'];

function addDays(localDate: string, days: number): string {
  const ms = Date.UTC(Number(localDate.slice(0, 4)), Number(localDate.slice(5, 7)) - 1, Number(localDate.slice(8, 10))) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

describe('daily rotation', () => {
  test.each([
    ['1970-01-01', 'legs'],
    ['1970-01-02', 'back'],
    ['1970-01-03', 'glutes'],
    ['1970-01-04', 'legs'],
    ['1969-12-31', 'glutes'],
  ] as const)('GIVEN the default split on %s THEN the group is %s', (date, group) => {
    expect(groupForDate(split, date)).toBe(group);
  });

  test('GIVEN any date THEN consecutive days walk the split in order and wrap around', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 60_000 }), fc.array(fc.constantFrom(...GROUPS), { minLength: 1, maxLength: 7 }), (day, s) => {
        const date = addDays('1970-01-01', day);
        const index = s.indexOf(groupForDate(s, date));
        expect(index).toBeGreaterThanOrEqual(0);
        for (let k = 1; k <= s.length; k += 1) {
          expect(groupForDate(s, addDays(date, k))).toBe(s[(((day + k) % s.length) + s.length) % s.length]);
        }
        expect(groupForDate(s, addDays(date, s.length))).toBe(groupForDate(s, date));
      }),
    );
  });

  test('GIVEN the same date and split THEN the group, cycle and seed never change between runs', () => {
    expect(groupForDate(split, '2026-03-29')).toBe(groupForDate([...split], '2026-03-29'));
    expect(rotationCycle(split, '2026-03-29')).toBe(Math.floor((dayNumber('2026-03-29') as number) / 3));
    expect(seedForDate('2026-03-29')).toBe(seedForDate('2026-03-29'));
    expect(seedForDate('2026-03-29')).not.toBe(seedForDate('2026-03-30'));
  });

  test.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', 'tomorrow'])('GIVEN "%s" THEN it is not a date', (text) => {
    expect(isLocalDate(text)).toBe(false);
    expect(() => groupForDate(split, text)).toThrow(RangeError);
  });

  test.each([
    ['legs,back,glutes', ['legs', 'back', 'glutes']],
    ['Glutes, legs', ['glutes', 'legs']],
    ['back legs back', ['back', 'legs', 'back']],
    ['legs,back,rest,hamstrings', ['legs', 'back', 'rest', 'hamstrings']],
    ['hammies, upper back, off, glute med', ['hamstrings', 'upper-back', 'rest', 'glute-medius']],
    ['quads Rest traps', ['quads', 'rest', 'upper-back']],
  ])('GIVEN split text "%s" THEN it parses in order', (text, expected) => {
    expect(parseSplit(text)).toEqual({ ok: true, split: expected });
  });

  test('GIVEN an unknown group in the split THEN the unknown word is named', () => {
    expect(parseSplit('legs,arms')).toEqual({ ok: false, unknown: 'arms' });
  });

  test('GIVEN a start date THEN that date is the split\'s first day, whatever the calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -30, max: 30 }), fc.array(fc.constantFrom(...GROUPS), { minLength: 1, maxLength: 7 }), (day, offset, s) => {
        const start = addDays('1970-01-01', day);
        expect(splitDayFor(s, start, start)).toBe(s[0]);
        const index = ((offset % s.length) + s.length) % s.length;
        expect(splitDayFor(s, addDays(start, offset), start)).toBe(s[index]);
        expect(rotationCycle(s, addDays(start, s.length), start)).toBe(1);
      }),
    );
  });
});
