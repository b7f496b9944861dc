/** Checking what an admin typed into `/daily set`: every value is validated before anything is saved. */
import { DAILY_TIME_PATTERN, DEFAULT_DAILY_SPLIT, REST_DAY_POSTS, type DailySettings, type RestDayPost } from '../core/daily-settings.ts';
import { parseSplit } from '../core/daily-rotation.ts';
import { describeFocuses } from '../core/group-aliases.ts';
import { EQUIPMENT_LEVELS, GOALS, GROUPS, LEVELS, type EquipmentLevel, type Goal, type Level } from '../core/plan-types.ts';
import { dailyMessages } from './daily-messages.ts';
import { canonicalTimeZone } from './daily-schedule.ts';

/** What an admin typed into `/daily set` (all text, as it arrives). */
export interface DailyInput {
  channelId: string;
  time: string;
  timezone: string;
  /** Comma-separated days: groups, focuses, rest. @default legs,back,glutes */
  split?: string | undefined;
  /** What a rest day posts: quiet or tip. @default quiet */
  restDays?: string | undefined;
  goal?: string | undefined;
  level?: string | undefined;
  equipment?: string | undefined;
  thread?: boolean | undefined;
}

/** The validated parts of a `/daily set`. */
export type DailyChoice = Omit<DailySettings, 'guildId' | 'activeFrom' | 'paused' | 'startDate' | 'setBy'>;

/** Longest split an admin may set (two weeks of days). */
export const MAX_SPLIT_LENGTH = 14;

/** An optional typed choice: unset, one of `allowed` (any letter case), or the message naming what is allowed. */
function parseOptionalChoice<T extends string>(
  option: string,
  typed: string | undefined,
  allowed: readonly T[],
): { ok: true; value: T | undefined } | { ok: false; message: string } {
  if (typed === undefined || typed.trim() === '') return { ok: true, value: undefined };
  const value = allowed.find((name) => name === typed.trim().toLowerCase());
  return value ? { ok: true, value } : { ok: false, message: dailyMessages.badChoice(option, typed, allowed) };
}

/** The words a split may use, for its error message: `legs, glutes, back; focuses legs: hamstrings, …; rest`. */
export function splitWords(): string {
  return `${GROUPS.join(', ')}; focuses ${describeFocuses()}; rest`;
}

/** Normalises `7:05` to `07:05`; undefined when the text is not a 24-hour time. */
export function normaliseTime(typed: string): string | undefined {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(typed);
  if (!match) return undefined;
  const time = `${match[1]?.padStart(2, '0')}:${match[2]}`;
  return DAILY_TIME_PATTERN.test(time) ? time : undefined;
}

/** Checks `/daily set` input; an invalid value gives the message to show and nothing else happens. */
export function validateDailyInput(input: DailyInput): { ok: true; choice: DailyChoice } | { ok: false; message: string } {
  const time = normaliseTime(input.time);
  if (!time) return { ok: false, message: dailyMessages.badTime(input.time) };
  const timezone = canonicalTimeZone(input.timezone);
  if (!timezone) return { ok: false, message: dailyMessages.badTimezone(input.timezone) };
  let split = [...DEFAULT_DAILY_SPLIT];
  if (input.split !== undefined && input.split.trim() !== '') {
    const parsed = parseSplit(input.split);
    if (!parsed.ok) return { ok: false, message: dailyMessages.badSplit(parsed.unknown, splitWords()) };
    if (parsed.split.length > MAX_SPLIT_LENGTH) return { ok: false, message: dailyMessages.badSplit(input.split, splitWords()) };
    split = parsed.split;
  }
  const restDays = parseOptionalChoice<RestDayPost>('rest-day setting', input.restDays, REST_DAY_POSTS);
  if (!restDays.ok) return restDays;
  const goal = parseOptionalChoice<Goal>('goal', input.goal, GOALS);
  if (!goal.ok) return goal;
  const level = parseOptionalChoice<Level>('level', input.level, LEVELS);
  if (!level.ok) return level;
  const equipment = parseOptionalChoice<EquipmentLevel>('equipment', input.equipment, EQUIPMENT_LEVELS);
  if (!equipment.ok) return equipment;
  const choice: DailyChoice = { channelId: input.channelId, time, timezone, split, thread: input.thread ?? false };
  if (goal.value) choice.goal = goal.value;
  if (level.value) choice.level = level.value;
  if (equipment.value) choice.equipment = equipment.value;
  if (restDays.value) choice.restDays = restDays.value;
  return { ok: true, choice };
}
