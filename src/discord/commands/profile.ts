/** /profile set|show|forget: a member's saved defaults, and deleting everything kept about them. */
import { SlashCommandBuilder } from 'discord.js';
import { EQUIPMENT_LEVELS, GOALS, LEVELS, type EquipmentLevel, type Goal, type Level } from '../../core/plan-types.ts';
import type { Card } from '../../app/card.ts';
import type { Profile } from '../../app/ports.ts';
import { isEmptyChange, type ProfileChanges } from '../../app/profile-service.ts';
import type { Command } from '../command-kit.ts';
import { profileText as t, workoutText } from '../messages.ts';

const UNITS = ['kg', 'lb'] as const;

const data = new SlashCommandBuilder()
  .setName('profile')
  .setDescription(t.description)
  .addSubcommand((s) =>
    s
      .setName('set')
      .setDescription(t.setDescription)
      .addStringOption((o) =>
        o
          .setName('level')
          .setDescription(t.level)
          .addChoices(...LEVELS.map((l) => ({ name: workoutText.levelChoices[l], value: l }))),
      )
      .addStringOption((o) =>
        o
          .setName('equipment')
          .setDescription(t.equipment)
          .addChoices(...EQUIPMENT_LEVELS.map((e) => ({ name: workoutText.equipmentChoices[e], value: e }))),
      )
      .addStringOption((o) =>
        o
          .setName('goal')
          .setDescription(t.goal)
          .addChoices(...GOALS.map((g) => ({ name: workoutText.goalChoices[g], value: g }))),
      )
      .addStringOption((o) =>
        o
          .setName('units')
          .setDescription(t.units)
          .addChoices(...UNITS.map((u) => ({ name: t.unitsChoices[u], value: u }))),
      ),
  )
  .addSubcommand((s) => s.setName('show').setDescription(t.showDescription))
  .addSubcommand((s) => s.setName('forget').setDescription(t.forgetDescription));

/** Checks a typed value against the allowed ones (Discord enforces choices; the console does not). */
function pick<T extends string>(value: string | null, allowed: readonly T[], name: string): { ok: true; value: T | undefined } | { ok: false; message: string } {
  if (value === null) return { ok: true, value: undefined };
  const lower = value.trim().toLowerCase();
  const found = allowed.find((a) => a === lower);
  return found ? { ok: true, value: found } : { ok: false, message: `${name} must be one of: ${allowed.join(', ')}.` };
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
    const level = pick<Level>(ctx.options.string('level'), LEVELS, 'level');
    const equipment = pick<EquipmentLevel>(ctx.options.string('equipment'), EQUIPMENT_LEVELS, 'equipment');
    const goal = pick<Goal>(ctx.options.string('goal'), GOALS, 'goal');
    const units = pick<(typeof UNITS)[number]>(ctx.options.string('units'), UNITS, 'units');
    for (const checked of [level, equipment, goal, units]) {
      if (!checked.ok) {
        await ctx.reply({ text: `${checked.message}\n${t.nothingToSet}`, ephemeral: true });
        return;
      }
    }
    const changes: ProfileChanges = {
      level: level.ok ? level.value : undefined,
      equipment: equipment.ok ? equipment.value : undefined,
      goal: goal.ok ? goal.value : undefined,
      units: units.ok ? units.value : undefined,
    };
    if (isEmptyChange(changes)) {
      await ctx.reply({ text: t.nothingToSet, ephemeral: true });
      return;
    }
    const saved = await services.profiles.set(ctx.member.id, changes);
    await ctx.reply({ card: profileCard(t.saved, saved), ephemeral: true });
  },
};
