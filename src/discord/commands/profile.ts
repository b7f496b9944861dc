/** /profile set|show|forget: a member's saved defaults, and deleting everything kept about them. */
import { SlashCommandBuilder } from 'discord.js';
import { EQUIPMENT_LEVELS, GOALS, LEVELS } from '../../core/plan-types.ts';
import type { Card } from '../../app/card.ts';
import type { Profile } from '../../app/ports.ts';
import { isEmptyChange, type ProfileChanges } from '../../app/profile-service.ts';
import type { Command, CommandOptions } from '../command-kit.ts';
import { profileText as t } from '../messages.ts';
import { EQUIPMENT_CHOICES, GOAL_CHOICES, LEVEL_CHOICES } from '../plan-choices.ts';

const UNITS = ['kg', 'lb'] as const;

const data = new SlashCommandBuilder()
  .setName('profile')
  .setDescription(t.description)
  .addSubcommand((s) =>
    s
      .setName('set')
      .setDescription(t.setDescription)
      .addStringOption((o) => o.setName('level').setDescription(t.level).addChoices(...LEVEL_CHOICES))
      .addStringOption((o) => o.setName('equipment').setDescription(t.equipment).addChoices(...EQUIPMENT_CHOICES))
      .addStringOption((o) => o.setName('goal').setDescription(t.goal).addChoices(...GOAL_CHOICES))
      .addStringOption((o) =>
        o
          .setName('units')
          .setDescription(t.units)
          .addChoices(...UNITS.map((u) => ({ name: t.unitsChoices[u], value: u }))),
      ),
  )
  .addSubcommand((s) => s.setName('show').setDescription(t.showDescription))
  .addSubcommand((s) => s.setName('forget').setDescription(t.forgetDescription));

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
    if (!value) return { ok: false, message: t.badChoice(name, allowed) };
    changes[name] = value;
  }
  return { ok: true, changes: changes as ProfileChanges };
}

/** The profile as a card. */
function profileCard(title: string, profile: Profile): Card {
  const shown = (v: string | undefined) => v ?? t.notSet;
  return {
    title,
    description: t.usedBy,
    fields: [
      { name: t.fields.level, value: shown(profile.level), inline: true },
      { name: t.fields.equipment, value: shown(profile.equipment), inline: true },
      { name: t.fields.goal, value: shown(profile.goal), inline: true },
      { name: t.fields.units, value: shown(profile.units), inline: true },
    ],
  };
}

/** The /profile command; every reply is ephemeral (it is the member's own data). */
export const profile: Command = {
  data,
  async execute(ctx, services) {
    const sub = ctx.options.subcommand();
    if (sub === 'show') {
      const saved = await services.profiles.show(ctx.member.id);
      await ctx.reply(saved ? { card: profileCard(t.yours, saved), ephemeral: true } : { text: t.none, ephemeral: true });
      return;
    }
    if (sub === 'forget') {
      await services.profiles.forget(ctx.member.id);
      await ctx.reply({ text: t.forgotten, ephemeral: true });
      return;
    }
    const typed = typedChanges(ctx.options);
    if (!typed.ok) {
      await ctx.reply({ text: `${typed.message}\n${t.nothingToSet}`, ephemeral: true });
      return;
    }
    const { changes } = typed;
    if (isEmptyChange(changes)) {
      await ctx.reply({ text: t.nothingToSet, ephemeral: true });
      return;
    }
    const saved = await services.profiles.set(ctx.member.id, changes);
    await ctx.reply({ card: profileCard(t.saved, saved), ephemeral: true });
  },
};
