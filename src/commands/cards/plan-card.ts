/** Renders a generated plan as a Card (any transport renders it: Discord as an embed, the console as text). No actions: /workout adds them. */
import type { PlanProgressView } from '../../app/training-log-service.ts';
import type { Plan, PlanActivity } from '../../core/plan-types.ts';
import type { PlanKnowledge } from '../../core/training-rules.ts';
import { planCardText } from '../messages.ts';
import type { Card, CardField } from './card.ts';
import { setText } from './training-log-cards.ts';

/** Below this share of the budget, a full session explains why it is short. @default 0.8 */
export const CAPPED_SHARE = 0.8;

function total(activities: readonly PlanActivity[]): number {
  return activities.reduce((sum, a) => sum + a.minutes, 0);
}

function field(name: string, value: string): CardField {
  return { name, value: value || '—' };
}

/** The source documents of the cited passages, as "Article title (author)", in first-cited order. */
function planSourceTitles(passageIds: readonly string[], knowledge: PlanKnowledge): string[] {
  const docIds = [...new Set(passageIds.map((id) => id.split('#')[0] ?? id))];
  return docIds.flatMap((docId) => {
    const doc = knowledge.library.documents.find((d) => d.id === docId);
    return doc ? [planCardText.source(doc.origin.title, doc.origin.author)] : [];
  });
}

/**
 * Builds the workout card: title, estimate and notes, warm-up, numbered exercises, cool-down, how to progress and a
 * sources line. With the member's progress, each exercise they logged before gets "Last time" and a cited next target.
 */
export function planCard(plan: Plan, knowledge: PlanKnowledge, progress?: PlanProgressView): Card {
  // Without progress lines the card depends on the plan alone, and plans are shared (see sessionPlan): build it once.
  if (progress?.items.length) return buildPlanCard(plan, knowledge, progress);
  let byPlan = cards.get(knowledge);
  if (!byPlan) {
    byPlan = new WeakMap();
    cards.set(knowledge, byPlan);
  }
  let card = byPlan.get(plan);
  if (!card) {
    card = buildPlanCard(plan, knowledge);
    byPlan.set(plan, card);
  }
  return card;
}

const cards = new WeakMap<PlanKnowledge, WeakMap<Plan, Card>>();

function buildPlanCard(plan: Plan, knowledge: PlanKnowledge, progress?: PlanProgressView): Card {
  const text = planCardText;
  const { rules } = knowledge;
  const label = plan.focus ? text.focused(rules.groups[plan.group].label, rules.focuses[plan.focus].label.toLowerCase()) : rules.groups[plan.group].label;
  const warmMinutes = total(plan.warmup);
  const coolMinutes = total(plan.cooldown);
  // Spare time only needs explaining when the session is full: fewer exercises means the budget was the limit.
  const cap = rules.exerciseCount.byLevel[plan.level];
  const capped = plan.exercises.length >= cap && plan.estimatedMinutes < plan.minutes * CAPPED_SHARE;
  const warmLines = plan.warmup.map((a) => text.activity(a.name, a.minutes));

  const fields: CardField[] = [field(text.warmup(warmMinutes), warmLines.join('\n'))];
  plan.exercises.forEach((exercise, i) => {
    const lines = [
      text.dose(exercise.sets, exercise.reps.min, exercise.reps.max, exercise.perSide ? text.perSide(plan.group) : null, exercise.restSeconds),
    ];
    if (exercise.technique) lines.push(text.technique(exercise.technique, exercise.techniqueNote));
    const cue = exercise.cues[0];
    if (cue) lines.push(text.cue(cue));
    const mine = progress?.items.find((p) => p.exerciseId === exercise.id);
    if (mine && progress) {
      lines.push(text.lastTime(mine.last.map((group) => setText(group, progress.unit)).join(', ')));
      lines.push(text.next(setText(mine.target, progress.unit), text.changes[mine.target.change] ?? mine.target.change, mine.sources.join('; ')));
    }
    fields.push(field(`${i + 1}. ${exercise.name}`, lines.join('\n')));
  });
  fields.push(field(text.cooldown(coolMinutes), plan.cooldown.map((a) => text.activity(a.name, a.minutes)).join('\n')));
  fields.push(field(text.progressionName, plan.progression.text));
  const cited = [...plan.sources, ...(progress?.items.flatMap((p) => p.sources) ?? [])];
  fields.push(field(text.sourcesName, planSourceTitles(cited, knowledge).join('\n')));

  return {
    title: text.title(label, plan.goal, plan.level),
    description: [
      text.description(plan.estimatedMinutes, plan.minutes, text.equipment[plan.equipment] ?? plan.equipment, plan.date),
      ...(capped ? [text.capped(cap)] : []),
      ...plan.notes.map((note) => text.note(note.text)),
    ].join('\n'),
    fields,
    color: 0xe67e22,
  };
}

