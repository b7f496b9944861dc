/** /workout: a plan for one group, with "Another variation" and "Swap exercise" for the member who asked. */
import type { Plan } from '../core/plan-types.ts';
import { FOCUSES, GROUPS } from '../core/plan-types.ts';
import type { WorkoutSession } from '../app/ports.ts';
import type { SessionRef, SessionRefusal, SessionShown } from '../app/workout-service.ts';
import { LOG_LINE_MAX_LENGTH } from '../core/training-log.ts';
import type { Card } from './cards/card.ts';
import { planCard } from './cards/plan-card.ts';
import { formProblemsText, sessionCard } from './cards/training-log-cards.ts';
import { customId, type Command, type CommandSpec, type ComponentContext, type Reply } from './command-kit.ts';
import { logText, workoutText } from './messages.ts';
import { EQUIPMENT_CHOICES, GOAL_CHOICES, LEVEL_CHOICES } from './plan-choices.ts';
import type { CommandServices } from './services.ts';

const NAME = 'workout';
/** Session lengths offered as choices (minutes). */
export const MINUTE_CHOICES = [15, 20, 30, 45, 60, 75, 90, 120] as const;

const spec: CommandSpec = {
  name: NAME,
  description: workoutText.description,
  options: [
    { name: 'group', description: workoutText.group, type: 'string', required: true, choices: GROUPS.map((g) => ({ name: workoutText.groupChoices[g], value: g })) },
    { name: 'focus', description: workoutText.focus, type: 'string', choices: FOCUSES.map((f) => ({ name: workoutText.focusChoices[f], value: f })) },
    { name: 'goal', description: workoutText.goal, type: 'string', choices: GOAL_CHOICES },
    { name: 'level', description: workoutText.level, type: 'string', choices: LEVEL_CHOICES },
    { name: 'equipment', description: workoutText.equipment, type: 'string', choices: EQUIPMENT_CHOICES },
    { name: 'minutes', description: workoutText.minutes, type: 'integer', choices: MINUTE_CHOICES.map((m) => ({ name: workoutText.minuteChoice(m), value: m })) },
  ],
};

/**
 * Button state `<owner>:<session>`: the owner travels in the custom id, so a stranger's click needs no store read; a
 * session never stored carries its whole state as its id (`~…`), so its buttons need no read at all.
 */
function encodeRef(session: WorkoutSession): string {
  return `${session.ownerId}:${session.id}`;
}

function decodeRef(state: string): SessionRef {
  const [ownerId = '', sessionId = ''] = state.split(':');
  return { ownerId, sessionId };
}

/** The card with this session's buttons, and the owner's "Last time" lines and targets. */
function workoutReply(shown: SessionShown, services: CommandServices, select?: Reply['select']): Reply {
  const { session, plan } = shown;
  const card: Card = {
    ...planCard(plan, services.knowledge, shown.progress),
    actions: [
      { id: customId(NAME, 'variation', encodeRef(session)), label: workoutText.variationButton },
      { id: customId(NAME, 'swap', encodeRef(session)), label: workoutText.swapButton },
      { id: customId(NAME, 'log', encodeRef(session)), label: workoutText.logButton },
    ],
  };
  return select ? { card, select } : { card };
}

/** The "Log this workout" form for a plan: one line per exercise, prefilled with the member's next target or the prescription. */
async function logForm(memberId: string, session: WorkoutSession, plan: Plan, services: CommandServices) {
  const lines = await services.trainingLog.formFor(memberId, plan);
  return {
    id: customId(NAME, 'logged', encodeRef(session)),
    title: workoutText.logTitle(services.knowledge.rules.groups[plan.group].label, plan.goal),
    fields: lines.map((line) => ({
      id: line.exerciseId,
      label: workoutText.logField(line.name),
      value: line.value,
      placeholder: workoutText.logPlaceholder,
      maxLength: LOG_LINE_MAX_LENGTH,
    })),
  };
}

/** The private note for a click that changed nothing. */
function refuse(ctx: ComponentContext, refusal: SessionRefusal): Promise<void> {
  return ctx.reply({ text: refusal.kind === 'not-yours' ? workoutText.notYours : workoutText.expired, ephemeral: true });
}

/** The /workout command. */
export const workout: Command = {
  data: spec,
  async execute(ctx, services) {
    const started = await services.workouts.start(ctx.member.id, {
      group: ctx.options.string('group') ?? undefined,
      focus: ctx.options.string('focus') ?? undefined,
      goal: ctx.options.string('goal') ?? undefined,
      level: ctx.options.string('level') ?? undefined,
      equipment: ctx.options.string('equipment') ?? undefined,
      minutes: ctx.options.integer('minutes') ?? undefined,
    });
    if (started.kind === 'invalid') {
      await ctx.reply({ text: workoutText.invalid(started.message), ephemeral: true });
      return;
    }
    await ctx.reply(workoutReply(started, services));
  },
  components: {
    async variation(ctx, services, state) {
      const shown = await services.workouts.variation(ctx.member.id, decodeRef(state));
      if (shown.kind !== 'ok') return refuse(ctx, shown);
      await ctx.update(workoutReply(shown, services));
    },
    async swap(ctx, services, state) {
      const menu = await services.workouts.swapMenu(ctx.member.id, decodeRef(state));
      if (menu.kind === 'no-substitutes') return ctx.reply({ text: workoutText.noSubstitutes, ephemeral: true });
      if (menu.kind !== 'ok') return refuse(ctx, menu);
      await ctx.update(
        workoutReply(menu, services, {
          id: customId(NAME, 'pick', encodeRef(menu.session)),
          placeholder: workoutText.swapPlaceholder,
          options: menu.options.map((o) => ({
            value: `${o.from}>${o.to}`,
            label: workoutText.swapOptionLabel(o.position, o.fromName, o.toName),
            description: workoutText.swapOptionDescription(o.fromName),
          })),
        }),
      );
    },
    async pick(ctx, services, state) {
      const [from = '', to = ''] = (ctx.values[0] ?? '').split('>');
      const swapped = await services.workouts.swap(ctx.member.id, decodeRef(state), from, to, ctx.id);
      if (swapped.kind === 'swap-gone') return ctx.reply({ text: workoutText.swapGone, ephemeral: true });
      if (swapped.kind !== 'ok') return refuse(ctx, swapped);
      await ctx.update(workoutReply(swapped, services));
    },
    // Anyone may log a workout they see: the form and the log are the presser's own.
    async log(ctx, services, state) {
      const found = await services.workouts.plan(decodeRef(state));
      if (found.kind !== 'ok') return ctx.reply({ text: workoutText.expired, ephemeral: true });
      await ctx.showModal(await logForm(ctx.member.id, found.session, found.plan, services));
    },
  },
  modals: {
    async logged(ctx, services, state) {
      // The plan gives the lines their order and names what a transport left out of the form (Discord shows five).
      const found = await services.workouts.plan(decodeRef(state));
      const planIds = found.kind === 'ok' ? found.plan.exercises.map((e) => e.id) : [];
      const ids = [...planIds.filter((id) => id in ctx.fields), ...Object.keys(ctx.fields).filter((id) => !planIds.includes(id))];
      const outcome = await services.trainingLog.logSession(
        ctx.member.id,
        ctx.id,
        ids.map((exerciseId) => ({ exerciseId, text: ctx.fields[exerciseId] ?? '' })),
      );
      if (outcome.kind === 'invalid') return ctx.reply({ text: formProblemsText(outcome), ephemeral: true });
      if (outcome.kind === 'empty') return ctx.reply({ text: logText.formEmpty, ephemeral: true });
      const missing = found.kind === 'ok' ? found.plan.exercises.filter((e) => !(e.id in ctx.fields)).map((e) => e.name) : [];
      await ctx.reply({ card: sessionCard(outcome, missing), ephemeral: true });
    },
  },
};
