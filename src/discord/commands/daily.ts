/** /daily set|show|preview|off: a server's daily workout post (admins only; default permission Manage Server). */
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { PLAN_DEFAULTS } from '../../core/plan-request.ts';
import { REST_DAY_POSTS, type DailySettings } from '../../core/daily-settings.ts';
import type { Card, CardField } from '../../app/card.ts';
import { dailyMessages, dailyText as t } from '../../app/daily-messages.ts';
import { suggestTimeZones } from '../../app/daily-schedule.ts';
import type { DailyStatus } from '../../app/daily-service.ts';
import type { Command } from '../command-kit.ts';
import { EQUIPMENT_CHOICES, GOAL_CHOICES, LEVEL_CHOICES } from '../plan-choices.ts';

const data = new SlashCommandBuilder()
  .setName('daily')
  .setDescription(t.description)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('set')
      .setDescription(t.setDescription)
      .addChannelOption((o) => o.setName('channel').setDescription(t.channel).setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
      .addStringOption((o) => o.setName('time').setDescription(t.time).setRequired(true).setMinLength(4).setMaxLength(5))
      .addStringOption((o) => o.setName('timezone').setDescription(t.timezone).setRequired(true).setAutocomplete(true).setMaxLength(64))
      .addStringOption((o) => o.setName('split').setDescription(t.split).setMaxLength(200))
      .addStringOption((o) =>
        o
          .setName('rest_days')
          .setDescription(t.restDays)
          .addChoices(...REST_DAY_POSTS.map((value) => ({ name: t.restDaysChoices[value] ?? value, value }))),
      )
      .addStringOption((o) => o.setName('goal').setDescription(t.goal).addChoices(...GOAL_CHOICES))
      .addStringOption((o) => o.setName('level').setDescription(t.level).addChoices(...LEVEL_CHOICES))
      .addStringOption((o) => o.setName('equipment').setDescription(t.equipment).addChoices(...EQUIPMENT_CHOICES))
      .addBooleanOption((o) => o.setName('thread').setDescription(t.thread)),
  )
  .addSubcommand((s) => s.setName('show').setDescription(t.showDescription))
  .addSubcommand((s) => s.setName('preview').setDescription(t.previewDescription))
  .addSubcommand((s) => s.setName('off').setDescription(t.offDescription));

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** The settings and the next post time as a card; given a status (for show), also whether it is paused and how today went. */
export function dailySettingsCard(title: string, settings: DailySettings, next: Date | undefined, status?: Pick<DailyStatus, 'last'>): Card {
  const fields: CardField[] = [
    { name: t.fields.channel, value: t.channelValue(settings.channelId), inline: true },
    { name: t.fields.time, value: t.timeValue(settings.time, settings.timezone), inline: true },
    { name: t.fields.split, value: settings.split.join(' → '), inline: true },
    { name: t.fields.restDays, value: dailyMessages.restDaysValue[settings.restDays ?? 'quiet'] ?? '', inline: true },
    {
      name: t.fields.defaults,
      value: t.defaultsValue(settings.goal ?? PLAN_DEFAULTS.goal, settings.level ?? PLAN_DEFAULTS.level, settings.equipment ?? PLAN_DEFAULTS.equipment),
      inline: true,
    },
    { name: t.fields.thread, value: settings.thread ? t.yes : t.no, inline: true },
  ];
  if (next) fields.unshift({ name: t.fields.next, value: t.nextValue(unix(next)), inline: false });
  if (status) fields.push({ name: t.fields.status, value: settings.paused ? dailyMessages.paused(settings.paused.reason) : t.active, inline: false });
  if (status?.last) fields.push({ name: t.fields.today, value: t.todayValue(status.last.status, status.last.note), inline: false });
  return { title, fields };
}

/** The /daily command. */
export const daily: Command = {
  data,
  async execute(ctx, services) {
    const service = services.daily;
    if (!service) return ctx.reply({ text: t.unavailable, ephemeral: true });
    if (!ctx.guildId) return ctx.reply({ text: t.guildOnly, ephemeral: true });
    // Discord hides the command from non-admins by default, but server owners can override that.
    if (!ctx.canManageGuild) return ctx.reply({ text: t.adminOnly, ephemeral: true });
    const sub = ctx.options.subcommand();

    if (sub === 'show') {
      const status = await service.status(ctx.guildId);
      if (!status) return ctx.reply({ text: dailyMessages.notConfigured, ephemeral: true });
      return ctx.reply({ card: dailySettingsCard(t.showTitle, status.settings, status.next, status), ephemeral: true });
    }
    if (sub === 'preview') {
      const preview = await service.preview(ctx.guildId);
      if (!preview.ok) return ctx.reply({ text: preview.message, ephemeral: true });
      if (!preview.post) return ctx.reply({ text: `${t.previewNote(`<t:${unix(preview.at)}:F>`)}\n${dailyMessages.restPreview}`, ephemeral: true });
      return ctx.reply({ text: t.previewNote(`<t:${unix(preview.at)}:F>`), card: preview.post.card, ephemeral: true });
    }
    if (sub === 'off') {
      const result = await service.turnOff(ctx.guildId);
      return ctx.reply({ text: result.message, ephemeral: true });
    }

    const channel = ctx.options.channel('channel');
    if (!channel) return ctx.reply({ text: t.channelMissing, ephemeral: true });
    // Checking the channel's permissions is a REST round trip or two; defer so Discord's 3 s never runs out.
    await ctx.defer({ ephemeral: true });
    const result = await service.configure(ctx.guildId, {
      channelId: channel.id,
      time: ctx.options.string('time') ?? '',
      timezone: ctx.options.string('timezone') ?? '',
      split: ctx.options.string('split') ?? undefined,
      restDays: ctx.options.string('rest_days') ?? undefined,
      goal: ctx.options.string('goal') ?? undefined,
      level: ctx.options.string('level') ?? undefined,
      equipment: ctx.options.string('equipment') ?? undefined,
      thread: ctx.options.boolean('thread') ?? undefined,
    });
    if (!result.ok) return ctx.edit({ text: result.message });
    return ctx.edit({ card: dailySettingsCard(t.savedTitle, result.settings, result.next) });
  },
  async autocomplete(ctx) {
    if (ctx.focused.name !== 'timezone') return ctx.respond([]);
    await ctx.respond(suggestTimeZones(ctx.focused.value).map((zone) => ({ name: zone, value: zone })));
  },
};
