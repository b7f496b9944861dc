/** A server's daily-post settings: the zod schema stored values are checked against, and its defaults. */
import { z } from 'zod';
import { EQUIPMENT_LEVELS, GOALS, GROUPS, LEVELS, type Group } from './plan-types.ts';

/** The rotation used when an admin names none. @default legs, back, glutes */
export const DEFAULT_DAILY_SPLIT: readonly Group[] = ['legs', 'back', 'glutes'];

/** Local post time, 24-hour `HH:MM`. */
export const DAILY_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Why a schedule stopped posting (channel deleted, permission lost) and since when. */
export const dailyPauseSchema = z.object({
  reason: z.string().min(1),
  /** ISO instant the pause began. */
  at: z.string().min(1),
});

/** One server's daily-post settings, as stored. */
export const dailySettingsSchema = z.object({
  guildId: z.string().min(1),
  channelId: z.string().min(1),
  /** Local `HH:MM`. */
  time: z.string().regex(DAILY_TIME_PATTERN),
  /** IANA zone name, e.g. Europe/Berlin. */
  timezone: z.string().min(1),
  /** Rotation of groups, one per local day, repeats allowed (e.g. legs, back, legs, glutes). */
  split: z.array(z.enum(GROUPS)).min(1).max(14),
  goal: z.enum(GOALS).optional(),
  level: z.enum(LEVELS).optional(),
  equipment: z.enum(EQUIPMENT_LEVELS).optional(),
  /** Open a thread under each post for the day's discussion. @default false */
  thread: z.boolean().default(false),
  /** ISO instant from which slots count: slots before it are neither posted nor recorded as missed. */
  activeFrom: z.string().min(1),
  /** Set when posting failed for a reason a retry cannot fix; cleared by the next `/daily set`. */
  paused: dailyPauseSchema.optional(),
});

/** A server's daily-post settings after validation. */
export type DailySettings = z.infer<typeof dailySettingsSchema>;

/** Why a schedule is paused. */
export type DailyPause = z.infer<typeof dailyPauseSchema>;
