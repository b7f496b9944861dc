/**
 * The daily post for a server and a local date: the split's day (a group, a focus or rest), the plan with the
 * server's defaults and a cited tip, or on a rest day nothing or a cited recovery tip. commands/cards renders it.
 */
import type { DailySettings, SplitDay } from '../core/daily-settings.ts';
import { groupOfDay, rotationCycle, seedForDate, splitDayFor } from '../core/daily-rotation.ts';
import { dailyTip, recoveryTip, type DailyTip } from '../core/daily-tip.ts';
import { resolvePlanRequest } from '../core/plan-request.ts';
import { generatePlan } from '../core/plan-generator.ts';
import type { Group, Plan } from '../core/plan-types.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import { dailyMessages } from './daily-messages.ts';
import { rotationStart } from './daily-schedule.ts';

/** The settings that shape a post (the CLI passes these without a server). `startDate` is the split's first day. */
export type DailyPostSettings = Pick<DailySettings, 'split'> & Partial<Pick<DailySettings, 'goal' | 'level' | 'equipment' | 'restDays' | 'startDate'>>;

/** Everything a day's post is made of. */
export interface DailyPost {
  localDate: string;
  /** The split's day: a group, a focus or rest. */
  day: SplitDay;
  /** The group trained, or null on a rest day. */
  group: Group | null;
  /** Absent on a rest day. */
  plan?: Plan;
  /** Absent only if the library has no trusted passage at all, or on a rest day that posts nothing. */
  tip?: DailyTip;
  /** Title for the optional discussion thread. */
  threadTitle: string;
}

/** Builds a server's post for a local date; null on a rest day that posts nothing. */
export type ComposeDailyPost = (settings: DailySettings, localDate: string) => DailyPost | null;

/** The seed of a day's plan: the same date always gives the same plan. */
export function dailySeed(localDate: string): number {
  return seedForDate(localDate, 'daily');
}

/** A rest day: nothing (quiet) or a recovery tip. */
function restPost(settings: DailyPostSettings, localDate: string, knowledge: PlanKnowledge): DailyPost {
  const post: DailyPost = { localDate, day: 'rest', group: null, threadTitle: dailyMessages.restThreadTitle(localDate) };
  if (settings.restDays !== 'tip') return post;
  const tip = recoveryTip(knowledge.library, knowledge.rules.restDay.sources, rotationCycle(settings.split, localDate, settings.startDate));
  if (tip) post.tip = tip;
  return post;
}

/** True when a post has something to send (a plan, or a rest day's recovery tip). */
export function hasContent(post: DailyPost): boolean {
  return post.plan !== undefined || post.tip !== undefined;
}

/** Builds the post a server (or the CLI) gets on a local date. Pure given the knowledge. */
export function dailyPostFor(settings: DailyPostSettings, localDate: string, knowledge: PlanKnowledge): DailyPost {
  const day = splitDayFor(settings.split, localDate, settings.startDate);
  const group = groupOfDay(day);
  if (group === null) return restPost(settings, localDate, knowledge);
  const focus = day === group ? undefined : day;
  const resolved = resolvePlanRequest({ group, focus, goal: settings.goal, level: settings.level, equipment: settings.equipment });
  // Settings are validated before they are saved, so a rejected request here is a bug, not an input error.
  if (!resolved.ok) throw new Error(`daily settings produced an invalid plan request: ${resolved.message}`);
  const plan = generatePlan(resolved.request, { date: localDate, seed: dailySeed(localDate) }, knowledge);
  const tip = dailyTip(knowledge.library, group, rotationCycle(settings.split, localDate, settings.startDate));
  const post: DailyPost = { localDate, day, group, plan, threadTitle: dailyMessages.threadTitle(day, localDate) };
  if (tip) post.tip = tip;
  return post;
}

/**
 * The scheduler's compose step: a server's post for a local date, its split counted from the day it was set
 * (rotationStart), or null on a rest day that posts nothing.
 */
export function composeDailyPost(knowledge: PlanKnowledge): ComposeDailyPost {
  return (settings, localDate) => {
    const post = dailyPostFor({ ...settings, startDate: rotationStart(settings) }, localDate, knowledge);
    return hasContent(post) ? post : null;
  };
}
