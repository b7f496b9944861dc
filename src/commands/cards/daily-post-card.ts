/** The daily post as a Card: the plan card titled for the day with the cited tip, or a rest day's recovery tip; no /workout buttons. */
import type { DailyPost } from '../../app/daily-post.ts';
import type { DailyTip } from '../../core/daily-tip.ts';
import type { PlanKnowledge } from '../../core/training-rules.ts';
import { dailyText } from '../messages.ts';
import type { Card, CardField } from './card.ts';
import { planCard } from './plan-card.ts';

/** The fields with the tip placed before the last one (the sources line): if a transport trims a long card, the tip stays. */
function withTip(fields: readonly CardField[], tip: DailyTip | undefined): CardField[] {
  const out = [...fields];
  if (tip) out.splice(Math.max(0, out.length - 1), 0, { name: dailyText.tipField, value: dailyText.tipValue(tip.quote, tip.sourceTitle, tip.passageId) });
  return out;
}

/** Renders a day's post. */
export function dailyPostCard(post: DailyPost, knowledge: PlanKnowledge): Card {
  if (!post.plan) return { title: dailyText.restTitle(post.localDate), description: dailyText.restDescription, fields: withTip([], post.tip) };
  const base = planCard(post.plan, knowledge);
  return { ...base, title: dailyText.postTitle(base.title), fields: withTip(base.fields, post.tip) };
}
