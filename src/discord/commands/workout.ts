/** /workout: a plan for one group, with "Another variation" and "Swap exercise" for the member who asked. */
import { SlashCommandBuilder } from 'discord.js';
import { FOCUSES, GROUPS, type Plan } from '../../core/plan-types.ts';
import type { Card } from '../../app/card.ts';
import { planCard } from '../../app/plan-card.ts';
import type { WorkoutSession } from '../../app/ports.ts';
import { withProfileDefaults } from '../../app/profile-service.ts';
import { applySwap, nextVariation, sessionPlan, startWorkout, swapOptions, todayIso } from '../../app/workout-session.ts';
import { createKeyedQueue } from '../../app/keyed-queue.ts';
import { customId, type Command, type ComponentContext, type ComponentHandler, type Reply } from '../command-kit.ts';
import { workoutText as t } from '../messages.ts';
import { EQUIPMENT_CHOICES, GOAL_CHOICES, LEVEL_CHOICES } from '../plan-choices.ts';
import type { BotServices } from '../services.ts';

const NAME = 'workout';
/** Session lengths offered as choices (minutes). */
export const MINUTE_CHOICES = [15, 20, 30, 45, 60, 75, 90, 120] as const;

const data = new SlashCommandBuilder()
  .setName(NAME)
  .setDescription(t.description)
  .addStringOption((o) =>
    o
      .setName('group')
      .setDescription(t.group)
      .setRequired(true)
      .addChoices(...GROUPS.map((g) => ({ name: t.groupChoices[g], value: g }))),
  )
  .addStringOption((o) => o.setName('focus').setDescription(t.focus).addChoices(...FOCUSES.map((f) => ({ name: t.focusChoices[f], value: f }))))
  .addStringOption((o) => o.setName('goal').setDescription(t.goal).addChoices(...GOAL_CHOICES))
  .addStringOption((o) => o.setName('level').setDescription(t.level).addChoices(...LEVEL_CHOICES))
  .addStringOption((o) => o.setName('equipment').setDescription(t.equipment).addChoices(...EQUIPMENT_CHOICES))
  .addIntegerOption((o) =>
    o
      .setName('minutes')
      .setDescription(t.minutes)
      .addChoices(...MINUTE_CHOICES.map((m) => ({ name: t.minuteChoice(m), value: m }))),
  );

/** Button state: the owner travels in the custom id, so a stranger's click is answered without a store read. */
function sessionRef(session: WorkoutSession): string {
  return `${session.ownerId}:${session.id}`;
}

/** The card with this session's buttons. */
function workoutReply(session: WorkoutSession, plan: Plan, services: BotServices, select?: Reply['select']): Reply {
  const card: Card = {
    ...planCard(plan, services.knowledge),
    actions: [
      { id: customId(NAME, 'variation', sessionRef(session)), label: t.variationButton },
      { id: customId(NAME, 'swap', sessionRef(session)), label: t.swapButton },
    ],
  };
  return select ? { card, select } : { card };
}

/** Loads the session a component belongs to, answering strangers and expired sessions itself. */
async function ownSession(ctx: ComponentContext, services: BotServices, ref: string): Promise<WorkoutSession | null> {
  const [ownerId = '', sessionId = ''] = ref.split(':');
  if (ownerId !== ctx.member.id) {
    await ctx.reply({ text: t.notYours, ephemeral: true });
    return null;
  }
  const session = await services.sessions.get(ownerId, sessionId);
  if (!session) {
    await ctx.reply({ text: t.expired, ephemeral: true });
    return null;
  }
  return session;
}

// Clicks on one session are handled in turn: two at once (a double click, a pick racing "Another variation") would
// each read the same session and the later save would silently drop the earlier change.
const perSession = createKeyedQueue();

/** Runs a component handler after any other click on the same session has been handled. */
function oneAtATime(handler: ComponentHandler): ComponentHandler {
  return (ctx, services, ref) => perSession(ref, () => handler(ctx, services, ref));
}

/** The /workout command. */
export const workout: Command = {
  data,
  async execute(ctx, services) {
    const profile = await services.profiles.show(ctx.member.id);
    const options = withProfileDefaults(
      {
        group: ctx.options.string('group') ?? undefined,
        focus: ctx.options.string('focus') ?? undefined,
        goal: ctx.options.string('goal') ?? undefined,
        level: ctx.options.string('level') ?? undefined,
        equipment: ctx.options.string('equipment') ?? undefined,
        minutes: ctx.options.integer('minutes') ?? undefined,
      },
      profile,
    );
    const started = startWorkout(options, { id: ctx.id, ownerId: ctx.member.id, date: todayIso(services.clock.now()) }, services.knowledge);
    if (!started.ok) {
      await ctx.reply({ text: t.invalid(started.message), ephemeral: true });
      return;
    }
    // Persist before replying, so a quick click on the new buttons always finds its session.
    await services.sessions.save(started.session);
    await ctx.reply(workoutReply(started.session, started.plan, services));
  },
  components: {
    variation: oneAtATime(async (ctx, services, ref) => {
      const session = await ownSession(ctx, services, ref);
      if (!session) return;
      const next = nextVariation(session);
      await services.sessions.save(next);
      await ctx.update(workoutReply(next, sessionPlan(next, services.knowledge), services));
    }),
    swap: oneAtATime(async (ctx, services, ref) => {
      const session = await ownSession(ctx, services, ref);
      if (!session) return;
      const plan = sessionPlan(session, services.knowledge);
      const options = swapOptions(plan, services.knowledge);
      if (options.length === 0) {
        await ctx.reply({ text: t.noSubstitutes, ephemeral: true });
        return;
      }
      await ctx.update(
        workoutReply(session, plan, services, {
          id: customId(NAME, 'pick', sessionRef(session)),
          placeholder: t.swapPlaceholder,
          options: options.map((o) => ({
            value: `${o.from}>${o.to}`,
            label: t.swapOptionLabel(o.position, o.fromName, o.toName),
            description: t.swapOptionDescription(o.fromName),
          })),
        }),
      );
    }),
    pick: oneAtATime(async (ctx, services, ref) => {
      const session = await ownSession(ctx, services, ref);
      if (!session) return;
      const [from = '', to = ''] = (ctx.values[0] ?? '').split('>');
      const swapped = applySwap(session, from, to, services.knowledge);
      if (!swapped.ok) {
        await ctx.reply({ text: t.swapGone, ephemeral: true });
        return;
      }
      await services.sessions.save(swapped.session);
      await ctx.update(workoutReply(swapped.session, swapped.plan, services));
    }),
  },
};
