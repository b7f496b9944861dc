/** Renders a generated plan as a Card (Discord embed / console text). No actions: the Discord layer adds buttons. */
import type { Plan, PlanActivity } from '../core/plan-types.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import type { Card, CardField } from './card.ts';

/** Discord's embed limits the card stays within. */
export const CARD_LIMITS = { title: 256, fieldName: 256, fieldValue: 1024, fields: 25, total: 6000 } as const;

/** User-facing text of the workout card. */
export const PLAN_CARD_MESSAGES = {
  title: (group: string, goal: string, level: string) => `${group} · ${goal} · ${level}`,
  /** The group label with its focus: `Legs (hamstrings focus)`. */
  focused: (group: string, focus: string) => `${group} (${focus} focus)`,
  description: (estimated: number, budget: number, equipment: string, date: string) =>
    `About ${estimated} min (of ${budget}) · ${equipment} · ${date}`,
  /** Said when a long budget leaves time over: a "120 min" request otherwise looks like the time was ignored. */
  capped: (max: number) => `One muscle group tops out at ${max} exercises, so this session ends before your time does.`,
  warmup: (minutes: number) => `Warm-up · ${minutes} min`,
  cooldown: (minutes: number) => `Cool-down · ${minutes} min`,
  note: (text: string) => `Note: ${text}`,
  progressionName: 'How to progress',
  activity: (name: string, minutes: number) => `• ${name} — ${minutes} min`,
  dose: (sets: number, min: number, max: number, side: string | null, rest: number) =>
    `${sets} × ${min === max ? min : `${min}–${max}`}${side ? ` (${side})` : ''} · rest ${rest} s`,
  perSide: (group: string) => (group === 'back' ? 'per arm' : 'per leg'),
  technique: (name: string, note: string | null) => `Technique: ${name}${note ? ` — ${note}` : ''}`,
  cue: (cue: string) => `Cue: ${cue}`,
  sourcesName: 'Sources',
  source: (title: string, author: string) => `${title} (${author})`,
  equipment: { gym: 'gym', dumbbells: 'dumbbells', bands: 'bands', bodyweight: 'bodyweight' } as Record<string, string>,
} as const;

/** Below this share of the budget, a full session explains why it is short. @default 0.8 */
export const CAPPED_SHARE = 0.8;

function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function total(activities: readonly PlanActivity[]): number {
  return activities.reduce((sum, a) => sum + a.minutes, 0);
}

function field(name: string, value: string): CardField {
  return { name: clamp(name, CARD_LIMITS.fieldName), value: clamp(value || '—', CARD_LIMITS.fieldValue) };
}

/** The source documents a plan cites, as "Article title (author)", in first-cited order. */
function planSourceTitles(plan: Plan, knowledge: PlanKnowledge): string[] {
  const docIds = [...new Set(plan.sources.map((id) => id.split('#')[0] ?? id))];
  return docIds.flatMap((docId) => {
    const doc = knowledge.library.documents.find((d) => d.id === docId);
    return doc ? [PLAN_CARD_MESSAGES.source(doc.origin.title, doc.origin.author)] : [];
  });
}

/** Builds the workout card: title, estimate and notes, warm-up, numbered exercises, cool-down, how to progress, sources. */
export function planCard(plan: Plan, knowledge: PlanKnowledge): Card {
  const m = PLAN_CARD_MESSAGES;
  const { rules } = knowledge;
  const label = plan.focus ? m.focused(rules.groups[plan.group].label, rules.focuses[plan.focus].label.toLowerCase()) : rules.groups[plan.group].label;
  const warmMinutes = total(plan.warmup);
  const coolMinutes = total(plan.cooldown);
  // Spare time only needs explaining when the session is full: fewer exercises means the budget was the limit.
  const cap = rules.exerciseCount.byLevel[plan.level];
  const capped = plan.exercises.length >= cap && plan.estimatedMinutes < plan.minutes * CAPPED_SHARE;
  const warmLines = plan.warmup.map((a) => m.activity(a.name, a.minutes));

  const fields: CardField[] = [field(m.warmup(warmMinutes), warmLines.join('\n'))];
  plan.exercises.forEach((exercise, i) => {
    const lines = [
      m.dose(exercise.sets, exercise.reps.min, exercise.reps.max, exercise.perSide ? m.perSide(plan.group) : null, exercise.restSeconds),
    ];
    if (exercise.technique) lines.push(m.technique(exercise.technique, exercise.techniqueNote));
    const cue = exercise.cues[0];
    if (cue) lines.push(m.cue(cue));
    fields.push(field(`${i + 1}. ${exercise.name}`, lines.join('\n')));
  });
  fields.push(field(m.cooldown(coolMinutes), plan.cooldown.map((a) => m.activity(a.name, a.minutes)).join('\n')));
  fields.push(field(m.progressionName, plan.progression.text));
  fields.push(field(m.sourcesName, planSourceTitles(plan, knowledge).join('\n')));

  return {
    title: clamp(m.title(label, plan.goal, plan.level), CARD_LIMITS.title),
    description: [
      m.description(plan.estimatedMinutes, plan.minutes, m.equipment[plan.equipment] ?? plan.equipment, plan.date),
      ...(capped ? [m.capped(cap)] : []),
      ...plan.notes.map((note) => m.note(note.text)),
    ].join('\n'),
    fields: fields.slice(0, CARD_LIMITS.fields),
    color: 0xe67e22,
  };
}

