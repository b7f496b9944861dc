/**
 * Weekly streaks on calendar dates: weeks run Monday to Sunday in the member's own time zone. The zone is applied
 * before this module (an instant becomes a local `YYYY-MM-DD` in app/), so the arithmetic here is on dates only
 * and daylight-saving changes cannot shift a week.
 */
import { dayNumber } from './dates.ts';

/** The week a date falls in, as the day number of its Monday. */
export function weekOf(date: string): number {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return day - weekday;
}

/** A member's streak: consecutive weeks with at least one logged session. */
export interface Streak {
  /** Weeks in a row, counting back from this week (or from last week while this one has no session yet). */
  weeks: number;
  /** Whether this week already has a session. */
  thisWeek: boolean;
}

/**
 * The streak ending at `today` (a local date): this week counts once it has a session; until then the streak
 * that ended last week is still alive, and it breaks only when a whole week passes without one.
 */
export function streakOf(weeks: readonly number[], today: string): Streak {
  const logged = new Set(weeks);
  const current = weekOf(today);
  const thisWeek = logged.has(current);
  let week = thisWeek ? current : current - 7;
  let count = 0;
  while (logged.has(week)) {
    count += 1;
    week -= 7;
  }
  return { weeks: count, thisWeek };
}
