/** The daily post for a server and a local date: the rotation's group, the plan with the server's defaults, and a cited tip. */
import type { DailySettings } from '../core/daily-settings.ts';
import { groupForDate, rotationCycle, seedForDate } from '../core/daily-rotation.ts';
import { dailyTip, type DailyTip } from '../core/daily-tip.ts';
import { resolvePlanRequest } from '../core/plan-request.ts';
import { generatePlan } from '../core/plan-generator.ts';
import type { Group, Plan } from '../core/plan-types.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import { dailyMessages } from './daily-messages.ts';

/** The settings that shape a post (the CLI passes these without a server). */
export type DailyPostSettings = Pick<DailySettings, 'split'> & Partial<Pick<DailySettings, 'goal' | 'level' | 'equipment'>>;

/** Everything a day's post is made of; commands/cards renders it. */
export interface DailyPost {
  localDate: string;
  group: Group;
  plan: Plan;
  /** Absent only if the library has no trusted passage at all. */
  tip?: DailyTip;
  /** Title for the optional discussion thread. */
  threadTitle: string;
}

/** The seed of a day's plan: the same date always gives the same plan. */
export function dailySeed(localDate: string): number {
  return seedForDate(localDate, 'daily');
}

/** Builds the post a server (or the CLI) gets on a local date. Pure given the knowledge. */
export function dailyPostFor(settings: DailyPostSettings, localDate: string, knowledge: PlanKnowledge): DailyPost {
  const group = groupForDate(settings.split, localDate);
  const resolved = resolvePlanRequest({ group, goal: settings.goal, level: settings.level, equipment: settings.equipment });
  // Settings are validated before they are saved, so a rejected request here is a bug, not an input error.
  if (!resolved.ok) throw new Error(`daily settings produced an invalid plan request: ${resolved.message}`);
  const plan = generatePlan(resolved.request, { date: localDate, seed: dailySeed(localDate) }, knowledge);
  const tip = dailyTip(knowledge.library, group, rotationCycle(settings.split, localDate));
  const post: DailyPost = { localDate, group, plan, threadTitle: dailyMessages.threadTitle(group, localDate) };
  if (tip) post.tip = tip;
  return post;
}
