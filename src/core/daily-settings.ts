/** A server's daily-post settings: the zod schema stored values are checked against, and its defaults. */
import { z } from 'zod';
import { EQUIPMENT_LEVELS, FOCUSES, GOALS, GROUPS, LEVELS, type Focus, type Group } from './plan-types.ts';

/** A day of a split: a whole group, a focus (a leg day that leads with hamstrings), or a rest day. */
export const SPLIT_DAYS = [...GROUPS, ...FOCUSES, 'rest'] as const;
/** One day of a server's rotation. */
export type SplitDay = Group | Focus | 'rest';

/** What a rest day posts: nothing, or a short cited recovery tip. @default 'quiet' */
export const REST_DAY_POSTS = ['quiet', 'tip'] as const;
/** What a rest day posts. */
export type RestDayPost = (typeof REST_DAY_POSTS)[number];

/** The rotation used when an admin names none. @default legs, back, glutes */
export const DEFAULT_DAILY_SPLIT: readonly SplitDay[] = ['legs', 'back', 'glutes'];

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
  /** Rotation of days, one per local day, repeats allowed (e.g. legs, back, rest, hamstrings). */
  split: z.array(z.enum(SPLIT_DAYS)).min(1).max(14),
  /** What a rest day posts. @default 'quiet' */
  restDays: z.enum(REST_DAY_POSTS).optional(),
  /**
   * The local date (YYYY-MM-DD) of the first post after `/daily set`: the split's first day. Settings saved before
   * it existed fall back to the first slot at or after `activeFrom`.
   */
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  goal: z.enum(GOALS).optional(),
  level: z.enum(LEVELS).optional(),
  equipment: z.enum(EQUIPMENT_LEVELS).optional(),
  /** Open a thread under each post for the day's discussion. @default false */
  thread: z.boolean().default(false),
  /** ISO instant from which slots count: slots before it are neither posted nor recorded as missed. */
  activeFrom: z.string().min(1),
  /** Set when posting failed for a reason a retry cannot fix; cleared by the next `/daily set`. */
  paused: dailyPauseSchema.optional(),
  /** The member (Discord user id) who last ran `/daily set`: the one told when the schedule pauses. */
  setBy: z.string().min(1).optional(),
});

/** A server's daily-post settings after validation. */
export type DailySettings = z.infer<typeof dailySettingsSchema>;

/** Why a schedule is paused. */
export type DailyPause = z.infer<typeof dailyPauseSchema>;
