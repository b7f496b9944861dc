/**
 * Which day of its split a server is on for a local date: a pure function of the split, the date the split started
 * and that date, so any day can be previewed.
 */
import type { SplitDay } from './daily-settings.ts';
import { resolveTarget } from './group-aliases.ts';
import { dayNumber } from './dates.ts';
import { FOCUS_GROUP, type Group } from './plan-types.ts';


/**
 * How many days `localDate` is after the split started (negative before it). Without a start date the count runs
 * from 1970-01-01, as schedules did before the start was kept.
 */
function daysIn(localDate: string, startDate: string | undefined): number {
  return dayNumber(localDate) - (startDate === undefined ? 0 : dayNumber(startDate));
}

/** The rotation position of a local date: days since the split started, modulo its length. */
function rotationIndex(split: readonly unknown[], localDate: string, startDate?: string): number {
  if (split.length === 0) throw new RangeError('split is empty');
  const days = daysIn(localDate, startDate);
  return ((days % split.length) + split.length) % split.length;
}

/** The day of a split on a local date; the start date is day one. */
export function splitDayFor<T extends SplitDay>(split: readonly T[], localDate: string, startDate?: string): T {
  return split[rotationIndex(split, localDate, startDate)] as T;
}

/** The group a split of whole groups trains on a local date (counted from 1970 without a start date). */
export function groupForDate(split: readonly Group[], localDate: string, startDate?: string): Group {
  return splitDayFor(split, localDate, startDate);
}

/** The group a split day trains (a focus trains its group), or null on a rest day. */
export function groupOfDay(day: SplitDay): Group | null {
  if (day === 'rest') return null;
  return day in FOCUS_GROUP ? FOCUS_GROUP[day as keyof typeof FOCUS_GROUP] : (day as Group);
}

/**
 * How many times the rotation has come round to this date's slot before: used to walk the tips
 * of a group in order, so the same group does not repeat yesterday's tip.
 */
export function rotationCycle(split: readonly unknown[], localDate: string, startDate?: string): number {
  if (split.length === 0) throw new RangeError('split is empty');
  return Math.floor(daysIn(localDate, startDate) / split.length);
}

/** A stable 32-bit seed for a local date (FNV-1a), so the day's plan is the same on every run. */
export function seedForDate(localDate: string, salt = ''): number {
  let hash = 0x811c9dc5;
  for (const char of `${salt}|${localDate}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Words that name a rest day in a split. */
const REST_WORDS: ReadonlySet<string> = new Set(['rest', 'off', 'rest day', 'recovery']);

/**
 * Parses `legs, back, rest, hamstrings` into a split: group and focus words (with their aliases) and rest days.
 * Days are separated by commas, or by spaces when there is no comma. Says which word is not a day: `unknown` is
 * empty for an empty day (two commas in a row, or one at either end).
 */
export function parseSplit(text: string): { ok: true; split: SplitDay[] } | { ok: false; unknown: string } {
  const names = text
    .trim()
    .split(text.includes(',') ? ',' : /\s+/)
    .map((name) => name.trim());
  if (names.includes('')) return { ok: false, unknown: '' };
  const split: SplitDay[] = [];
  for (const name of names) {
    if (REST_WORDS.has(name.toLowerCase().replace(/[-_\s]+/g, ' '))) {
      split.push('rest');
      continue;
    }
    const target = resolveTarget(name);
    if (!target) return { ok: false, unknown: name.toLowerCase() };
    split.push(target.focus ?? target.group);
  }
  if (split.length === 0) return { ok: false, unknown: text };
  return { ok: true, split };
}
