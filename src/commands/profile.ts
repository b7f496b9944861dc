/** /profile set|show|forget: a member's saved defaults, and deleting everything kept about them. */
import { EQUIPMENT_LEVELS, GOALS, LEVELS } from '../core/plan-types.ts';
import { canonicalTimeZone, suggestTimeZones } from '../app/daily-schedule.ts';
import type { Profile } from '../app/ports.ts';
import { isEmptyChange, type ProfileChanges } from '../app/profile-service.ts';
import type { LogOverview } from '../app/training-log-service.ts';
import type { Card } from './cards/card.ts';
import { streakText } from './cards/training-log-cards.ts';
import type { Command, CommandOptions, CommandSpec } from './command-kit.ts';
import { profileText } from './messages.ts';
import { EQUIPMENT_CHOICES, GOAL_CHOICES, LEVEL_CHOICES } from './plan-choices.ts';

const UNITS = ['kg', 'lb'] as const;

const spec: CommandSpec = {
  name: 'profile',
  description: profileText.description,
  privateReplies: true,
  subcommands: [
    {
      name: 'set',
      description: profileText.setDescription,
      options: [
        { name: 'level', description: profileText.level, type: 'string', choices: LEVEL_CHOICES },
        { name: 'equipment', description: profileText.equipment, type: 'string', choices: EQUIPMENT_CHOICES },
        { name: 'goal', description: profileText.goal, type: 'string', choices: GOAL_CHOICES },
        { name: 'units', description: profileText.units, type: 'string', choices: UNITS.map((u) => ({ name: profileText.unitsChoices[u], value: u })) },
        { name: 'timezone', description: profileText.timezone, type: 'string', autocomplete: true, maxLength: 64 },
      ],
    },
    { name: 'show', description: profileText.showDescription },
    { name: 'forget', description: profileText.forgetDescription },
  ],
};

/** The options of /profile set and the values each may take. */
const SETTABLE = { level: LEVELS, equipment: EQUIPMENT_LEVELS, goal: GOALS, units: UNITS } as const;

/**
 * The changes a /profile set asks for, or the message for the first value that is not allowed
 * (Discord enforces the choices; the console does not).
 */
function typedChanges(options: CommandOptions): { ok: true; changes: ProfileChanges } | { ok: false; message: string } {
  const changes: Record<string, string> = {};
  for (const [name, allowed] of Object.entries(SETTABLE)) {
    const typed = options.string(name);
    if (typed === null) continue;
    const value = (allowed as readonly string[]).find((a) => a === typed.trim().toLowerCase());
    if (!value) return { ok: false, message: profileText.badChoice(name, allowed) };
    changes[name] = value;
  }
  const zone = options.string('timezone');
  if (zone !== null) {
    const canonical = canonicalTimeZone(zone);
    if (!canonical) return { ok: false, message: profileText.badTimezone(zone.trim().slice(0, 64)) };
    changes.timezone = canonical;
  }
  return { ok: true, changes: changes as ProfileChanges };
}

/** The profile as a card; with the log's overview, also its size and the weekly streak. */
function profileCard(title: string, profile: Profile | undefined, log?: LogOverview): Card {
  const shown = (v: string | undefined) => v ?? profileText.notSet;
  const fields = [
    { name: profileText.fields.level, value: shown(profile?.level), inline: true },
    { name: profileText.fields.equipment, value: shown(profile?.equipment), inline: true },
    { name: profileText.fields.goal, value: shown(profile?.goal), inline: true },
    { name: profileText.fields.units, value: shown(profile?.units), inline: true },
    { name: profileText.fields.timezone, value: profile?.timezone ?? profileText.defaultZone, inline: true },
  ];
  if (log) fields.push({ name: profileText.fields.log, value: profileText.logValue(log.entries, streakText(log.streak)), inline: false });
  return { title, description: profileText.usedBy, fields };
}

/** The /profile command; every reply is ephemeral (it is the member's own data). */
export const profile: Command = {
  data: spec,
  async execute(ctx, services) {
    const sub = ctx.options.subcommand();
    if (sub === 'show') {
      const [saved, log] = await Promise.all([services.profiles.show(ctx.member.id), services.trainingLog.overview(ctx.member.id)]);
      const reply = saved || log.entries > 0 ? { card: profileCard(profileText.yours, saved, log) } : { text: profileText.none };
      await ctx.reply({ ...reply, ephemeral: true });
      return;
    }
    if (sub === 'forget') {
      await services.profiles.forget(ctx.member.id);
      await ctx.reply({ text: profileText.forgotten, ephemeral: true });
      return;
    }
    const typed = typedChanges(ctx.options);
    if (!typed.ok) {
      await ctx.reply({ text: `${typed.message}\n${profileText.nothingToSet}`, ephemeral: true });
      return;
    }
    const { changes } = typed;
    if (isEmptyChange(changes)) {
      await ctx.reply({ text: profileText.nothingToSet, ephemeral: true });
      return;
    }
    const saved = await services.profiles.set(ctx.member.id, changes);
    await ctx.reply({ card: profileCard(profileText.saved, saved), ephemeral: true });
  },
  async autocomplete(ctx) {
    if (ctx.focused.name !== 'timezone') return ctx.respond([]);
    await ctx.respond(suggestTimeZones(ctx.focused.value).map((zone) => ({ name: zone, value: zone })));
  },
};
