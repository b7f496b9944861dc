/** The daily post for a server and a local date: the rotation's group, the plan with the server's defaults, and a cited tip. */
import type { DailySettings } from '../core/daily-settings.ts';
import { groupForDate, rotationCycle, seedForDate } from '../core/daily-rotation.ts';
import { dailyTip, type DailyTip } from '../core/daily-tip.ts';
import { resolvePlanRequest } from '../core/plan-request.ts';
import { generatePlan } from '../core/plan-generator.ts';
import type { Group, Plan } from '../core/plan-types.ts';
import type { Card } from './card.ts';
import { planCard } from './plan-card.ts';
import { dailyMessages } from './daily-messages.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';

/** The settings that shape a post (the CLI passes these without a server). */
export type DailyPostSettings = Pick<DailySettings, 'split'> & Partial<Pick<DailySettings, 'goal' | 'level' | 'equipment'>>;

/** Everything a day's post is made of. */
export interface DailyPost {
  localDate: string;
  group: Group;
  plan: Plan;
  /** Absent only if the library has no trusted passage at all. */
  tip?: DailyTip;
  /** The plan card with the tip as its last field, without the member-only buttons of /workout. */
  card: Card;
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
  const base = planCard(plan, knowledge);
  const fields = [...base.fields];
  // Before the sources line (the last field): if Discord's 6000-character cap trims the embed, the tip stays.
  if (tip) fields.splice(Math.max(0, fields.length - 1), 0, { name: dailyMessages.tipField, value: dailyMessages.tipValue(tip.quote, tip.sourceTitle, tip.passageId) });
  const card: Card = { ...base, title: dailyMessages.postTitle(base.title), fields };
  delete card.actions;
  const post: DailyPost = { localDate, group, plan, card, threadTitle: dailyMessages.threadTitle(group, localDate) };
  if (tip) post.tip = tip;
  return post;
}
