/** Calendar dates as `YYYY-MM-DD` text: the one place that turns instants and text into day numbers and back. */

/** Strict `YYYY-MM-DD`. */
export const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a calendar date, or undefined when the text is not a real `YYYY-MM-DD` date (for input checks). */
export function parseLocalDate(text: string): number | undefined {
  const match = LOCAL_DATE_PATTERN.exec(text);
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
  return parseLocalDate(text) !== undefined;
}

/** Days from 1970-01-01 to a date already known to be valid; a malformed one is a bug and throws. */
export function dayNumber(date: string): number {
  const days = parseLocalDate(date);
  if (days !== undefined) return days;
  throw new RangeError(LOCAL_DATE_PATTERN.test(date) ? `"${date}" is not a calendar date` : `date must be YYYY-MM-DD, got "${date}"`);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant (a member's date when Discord does not tell us their zone). */
export function localDateUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}
