/** The daily post as a Card: the plan card, titled for the day, with the cited tip and without /workout's buttons. */
import type { DailyPost } from '../../app/daily-post.ts';
import type { PlanKnowledge } from '../../core/training-rules.ts';
import { dailyText } from '../messages.ts';
import type { Card } from './card.ts';
import { planCard } from './plan-card.ts';

/** Renders a day's post. */
export function dailyPostCard(post: DailyPost, knowledge: PlanKnowledge): Card {
  const base = planCard(post.plan, knowledge);
  const fields = [...base.fields];
  const { tip } = post;
  // Before the sources line (the last field): if a transport has to trim a long card, the tip stays.
  if (tip) fields.splice(Math.max(0, fields.length - 1), 0, { name: dailyText.tipField, value: dailyText.tipValue(tip.quote, tip.sourceTitle, tip.passageId) });
  return { ...base, title: dailyText.postTitle(base.title), fields };
}
