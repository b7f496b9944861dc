/** Calendar dates as `YYYY-MM-DD` text: the one place that turns instants and text into days. */

/** The UTC calendar date of an instant (a member's date when Discord does not tell us their zone). */
export function localDateUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}
