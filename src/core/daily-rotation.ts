/** Which group a server trains on a local date: a pure function of its split and that date, so any day can be previewed. */
import type { Group } from './plan-types.ts';

/** Strict `YYYY-MM-DD`. */
export const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a local calendar date, or undefined when the text is not a real date. */
export function dayNumber(localDate: string): number | undefined {
  const match = LOCAL_DATE_PATTERN.exec(localDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC is used only as a calendar: no clock is read and no zone is involved.
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(text: string): boolean {
  return dayNumber(text) !== undefined;
}

/**
 * The rotation position of a local date: day number modulo the split length.
 * Anchored at 1970-01-01 rather than at the day the schedule was set, so the CLI reproduces a
 * server's post from the date and the split alone.
 */
function rotationIndex(split: readonly unknown[], localDate: string): number {
  const days = dayNumber(localDate);
  if (days === undefined) throw new RangeError(`not a calendar date: ${localDate}`);
  if (split.length === 0) throw new RangeError('split is empty');
  return ((days % split.length) + split.length) % split.length;
}

/** The group a split trains on a local date. */
export function groupForDate(split: readonly Group[], localDate: string): Group {
  return split[rotationIndex(split, localDate)] as Group;
}

/**
 * How many times the rotation has come round to this date's slot before: used to walk the tips
 * of a group in order, so the same group does not repeat yesterday's tip.
 */
export function rotationCycle(split: readonly unknown[], localDate: string): number {
  const days = dayNumber(localDate);
  if (days === undefined) throw new RangeError(`not a calendar date: ${localDate}`);
  return Math.floor(days / split.length);
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

/** Parses `legs,back,glutes` into a split, or says which name is not a group. */
export function parseSplit(
  text: string,
  groups: readonly Group[],
): { ok: true; split: Group[] } | { ok: false; unknown: string } {
  const names = text
    .split(/[\s,]+/)
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const split: Group[] = [];
  for (const name of names) {
    const group = groups.find((g) => g === name);
    if (!group) return { ok: false, unknown: name };
    split.push(group);
  }
  if (split.length === 0) return { ok: false, unknown: text };
  return { ok: true, split };
}
