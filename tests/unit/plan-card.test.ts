/** The workout card: what a member reads, and its Discord embed within Discord's limits. */
import { describe, expect, test } from 'vitest';
import { cardToText } from '../../src/commands/cards/card-text.ts';
import { planCard } from '../../src/commands/cards/plan-card.ts';
import { planCardText } from '../../src/commands/messages.ts';
import { cardEmbed, EMBED_LIMITS } from '../../src/discord/render/card-embed.ts';
import { generatePlan } from '../../src/core/plan-generator.ts';
import { EQUIPMENT_LEVELS, FOCUSES, FOCUS_GROUP, GOALS, GROUPS, LEVELS } from '../../src/core/plan-types.ts';
import { knowledge, request } from './plan-fixtures.ts';
import type { PlanProgressView } from '../../src/app/training-log-service.ts';
import { PROGRESSION_SOURCES } from '../../src/core/progression-targets.ts';

const k = knowledge();
const ctx = { date: '2026-11-23', seed: 1 };

describe('planCard', () => {
  test('GIVEN the default legs plan THEN the card reads title, estimate, warm-up, numbered exercises, cool-down and sources', () => {
    const plan = generatePlan(request(), ctx, k);
    const card = planCard(plan, k);
    expect(card.title).toBe('Legs · pump · intermediate');
    expect(card.description).toBe('About 57 min (of 60) · gym · 2026-11-23');
    expect(card.actions).toBeUndefined();
    const names = card.fields.map((f) => f.name);
    expect(names[0]).toBe('Warm-up · 13 min');
    expect(names.slice(1, 7)).toEqual(plan.exercises.map((e, i) => `${i + 1}. ${e.name}`));
    expect(names.at(-3)).toBe('Cool-down · 8 min');
    expect(names.at(-2)).toBe('How to progress');
    expect(card.fields.at(-2)!.value).toBe(plan.progression.text);
    expect(names.at(-1)).toBe('Sources');
    expect(card.fields[1]!.value).toBe(`3 × 10–15 · rest 60 s\nCue: ${plan.exercises[0]!.cues[0]}`);
    expect(card.fields[3]!.value).toMatch(/^3 × 10–15 \(per leg\) · rest 60 s/);
    expect(card.fields[6]!.value).toContain('Technique: drop set — Last set');
    expect(card.fields.at(-1)!.value).toContain('Leg Training');
    // One cue per exercise.
    for (const field of card.fields.slice(1, 7)) expect(field.value.match(/^Cue: /gm)).toHaveLength(1);
  });

  test('GIVEN a back plan with unilateral rows THEN reps read per arm', () => {
    const plan = generatePlan(request({ group: 'back', equipment: 'dumbbells' }), ctx, k);
    const text = cardToText(planCard(plan, k));
    if (plan.exercises.some((e) => e.perSide)) expect(text).toContain('(per arm)');
    expect(text).toContain('# Back · pump · intermediate');
  });

  test('GIVEN a 15-minute leg session THEN the card says the warm-up was shortened and why two exercises are paired', () => {
    const card = planCard(generatePlan(request({ minutes: 15 }), ctx, k), k);
    expect(card.description).toContain(`Note: ${k.rules.shortSession.note}`);
    expect(card.fields[0]!.value).not.toContain(k.rules.shortSession.note);
  });

  test('GIVEN a focus session THEN the title names the focus and the card carries its note', () => {
    const plan = generatePlan(request({ focus: 'hamstrings' }), ctx, k);
    const card = planCard(plan, k);
    expect(card.title).toBe('Legs (hamstrings focus) · pump · intermediate');
    expect(card.description).toContain(`Note: ${k.rules.focuses.hamstrings.note}`);
  });

  test('GIVEN strength with bands THEN the card says plainly that bands limit a strength block', () => {
    const card = planCard(generatePlan(request({ goal: 'strength', equipment: 'bands' }), ctx, k), k);
    expect(card.description).toMatch(/Note: Bands and bodyweight can't load a real strength block/);
    expect(cardToText(card)).not.toMatch(/\bhold\b.*×/i);
  });

  test('GIVEN every group and focus, goal, level and equipment THEN the Discord embed keeps every field whole, within Discord limits', () => {
    for (const target of [...GROUPS.map((group) => ({ group })), ...FOCUSES.map((focus) => ({ group: FOCUS_GROUP[focus], focus }))])
      for (const goal of GOALS)
        for (const level of LEVELS)
          for (const equipment of EQUIPMENT_LEVELS) {
            const card = planCard(generatePlan(request({ ...target, goal, level, equipment, minutes: 120 }), ctx, k), k);
            const embed = cardEmbed(card);
            expect(embed.title).toBe(card.title);
            expect(embed.fields?.map((f) => [f.name, f.value])).toEqual(card.fields.map((f) => [f.name, f.value]));
            let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
            for (const f of embed.fields ?? []) {
              expect(f.value.length).toBeGreaterThan(0);
              expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
              total += f.name.length + f.value.length;
            }
            expect(total).toBeLessThanOrEqual(EMBED_LIMITS.total);
          }
  });

  test('GIVEN a full six-exercise session well under a 120-minute budget THEN the card says why it ends early', () => {
    const plan = generatePlan(request({ group: 'back', level: 'advanced', minutes: 120 }), ctx, k);
    expect(plan.exercises).toHaveLength(k.rules.exerciseCount.max);
    expect(planCard(plan, k).description).toContain(planCardText.capped(k.rules.exerciseCount.max));
  });

  test('GIVEN a session that fills its budget THEN the card adds no such note', () => {
    const plan = generatePlan(request(), ctx, k);
    expect(planCard(plan, k).description).not.toContain(planCardText.capped(k.rules.exerciseCount.max));
  });

  test('GIVEN the member\'s progress THEN each logged exercise reads "Last time" and a cited next target in their unit, within Discord\'s limits', () => {
    const plan = generatePlan(request({ group: 'back', level: 'advanced' }), ctx, k);
    const [first, second] = plan.exercises;
    const progress: PlanProgressView = {
      unit: 'lb',
      items: plan.exercises.map((exercise, i) => ({
        exerciseId: exercise.id,
        lastAt: '2026-11-20T18:00:00.000Z',
        last: i === 0 ? [{ sets: 3, reps: 12, weight: 100, unit: 'kg' as const }] : [{ sets: 4, reps: 10, weight: 135, unit: 'lb' as const }, { sets: 1, reps: 8, weight: 135, unit: 'lb' as const }],
        target: { sets: exercise.sets, reps: 13, weight: 220, unit: 'lb' as const, change: 'add-rep' as const },
        sources: PROGRESSION_SOURCES.back,
      })),
    };
    const card = planCard(plan, k, progress);
    const field = (name: string) => card.fields.find((f) => f.name.endsWith(`. ${name}`))!.value;
    expect(field(first!.name)).toContain('Last time: 3 × 12 @ 220.5 lb\n');
    expect(field(first!.name)).toContain(`Next: ${first!.sets} × 13 @ 220 lb (add a rep) [back-pump#a-pump-is-not-the-main-signal]`);
    expect(field(second!.name)).toContain('Last time: 4 × 10 @ 135 lb, 1 × 8 @ 135 lb');
    expect(card.fields.at(-1)!.value).toContain('Back Pump');
    const embed = cardEmbed(card);
    expect(embed.fields!.map((f) => f.name)).toEqual(card.fields.map((f) => f.name));
    // Without progress the card is as before: no "Last time" anywhere.
    expect(cardToText(planCard(plan, k))).not.toContain('Last time');
  });
});
