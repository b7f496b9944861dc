/** /daily set|show|preview|off: a server's daily workout post (admins only; default permission Manage Server). */
import { PLAN_DEFAULTS } from '../core/plan-request.ts';
import { REST_DAY_POSTS, type DailySettings } from '../core/daily-settings.ts';
import { dailyMessages } from '../app/daily-messages.ts';
import { suggestTimeZones } from '../app/daily-schedule.ts';
import type { DailyStatus } from '../app/daily-service.ts';
import type { Card, CardField } from './cards/card.ts';
import { dailyPostCard } from './cards/daily-post-card.ts';
import type { Command, CommandSpec, Markup } from './command-kit.ts';
import { dailyText } from './messages.ts';
import { EQUIPMENT_CHOICES, GOAL_CHOICES, LEVEL_CHOICES } from './plan-choices.ts';

const spec: CommandSpec = {
  name: 'daily',
  description: dailyText.description,
  privateReplies: true,
  adminOnly: true,
  guildOnly: true,
  subcommands: [
    {
      name: 'set',
      description: dailyText.setDescription,
      options: [
        { name: 'channel', description: dailyText.channel, type: 'channel', required: true, channelTypes: ['text', 'announcement'] },
        { name: 'time', description: dailyText.time, type: 'string', required: true, minLength: 4, maxLength: 5 },
        { name: 'timezone', description: dailyText.timezone, type: 'string', required: true, autocomplete: true, maxLength: 64 },
        { name: 'split', description: dailyText.split, type: 'string', maxLength: 200 },
        { name: 'rest_days', description: dailyText.restDays, type: 'string', choices: REST_DAY_POSTS.map((value) => ({ name: dailyText.restDaysChoices[value], value })) },
        { name: 'goal', description: dailyText.goal, type: 'string', choices: GOAL_CHOICES },
        { name: 'level', description: dailyText.level, type: 'string', choices: LEVEL_CHOICES },
        { name: 'equipment', description: dailyText.equipment, type: 'string', choices: EQUIPMENT_CHOICES },
        { name: 'thread', description: dailyText.thread, type: 'boolean' },
      ],
    },
    { name: 'show', description: dailyText.showDescription },
    { name: 'preview', description: dailyText.previewDescription },
    { name: 'off', description: dailyText.offDescription },
  ],
};

/** The settings and the next post time as a card; given a status (for show), also whether it is paused and how today went. */
export function dailySettingsCard(markup: Markup, title: string, settings: DailySettings, next: Date | undefined, status?: Pick<DailyStatus, 'last'>): Card {
  const fields: CardField[] = [
    { name: dailyText.fields.channel, value: markup.channel(settings.channelId), inline: true },
    { name: dailyText.fields.time, value: dailyText.timeValue(settings.time, settings.timezone), inline: true },
    { name: dailyText.fields.split, value: settings.split.join(' → '), inline: true },
    { name: dailyText.fields.restDays, value: dailyText.restDaysValue[settings.restDays ?? 'quiet'], inline: true },
    {
      name: dailyText.fields.defaults,
      value: dailyText.defaultsValue(settings.goal ?? PLAN_DEFAULTS.goal, settings.level ?? PLAN_DEFAULTS.level, settings.equipment ?? PLAN_DEFAULTS.equipment),
      inline: true,
    },
    { name: dailyText.fields.thread, value: settings.thread ? dailyText.yes : dailyText.no, inline: true },
  ];
  if (next) fields.unshift({ name: dailyText.fields.next, value: markup.time(next), inline: false });
  if (status) fields.push({ name: dailyText.fields.status, value: settings.paused ? dailyMessages.paused(settings.paused.reason) : dailyText.active, inline: false });
  if (status?.last) fields.push({ name: dailyText.fields.today, value: dailyText.todayValue(status.last.status, status.last.note), inline: false });
  return { title, fields };
}

/** The /daily command. */
export const daily: Command = {
  data: spec,
  async execute(ctx, services) {
    const service = services.daily;
    if (!service) return ctx.reply({ text: dailyText.unavailable, ephemeral: true });
    if (!ctx.guildId) return ctx.reply({ text: dailyText.guildOnly, ephemeral: true });
    // Discord hides the command from non-admins by default, but server owners can override that.
    if (!ctx.canManageGuild) return ctx.reply({ text: dailyText.adminOnly, ephemeral: true });
    const sub = ctx.options.subcommand();

    if (sub === 'show') {
      const status = await service.status(ctx.guildId);
      if (!status) return ctx.reply({ text: dailyMessages.notConfigured, ephemeral: true });
      return ctx.reply({ card: dailySettingsCard(ctx.markup, dailyText.showTitle, status.settings, status.next, status), ephemeral: true });
    }
    if (sub === 'preview') {
      const preview = await service.preview(ctx.guildId);
      if (!preview.ok) return ctx.reply({ text: preview.message, ephemeral: true });
      if (!preview.post) return ctx.reply({ text: `${dailyText.previewNote(ctx.markup.time(preview.at))}\n${dailyText.restPreview}`, ephemeral: true });
      return ctx.reply({ text: dailyText.previewNote(ctx.markup.time(preview.at)), card: dailyPostCard(preview.post, services.knowledge), ephemeral: true });
    }
    if (sub === 'off') {
      const result = await service.turnOff(ctx.guildId);
      return ctx.reply({ text: result.message, ephemeral: true });
    }

    const channel = ctx.options.channel('channel');
    if (!channel) return ctx.reply({ text: dailyText.channelMissing, ephemeral: true });
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
    }, ctx.member.id);
    if (!result.ok) return ctx.edit({ text: result.message });
    return ctx.edit({ card: dailySettingsCard(ctx.markup, dailyText.savedTitle, result.settings, result.next) });
  },
  async autocomplete(ctx) {
    if (ctx.focused.name !== 'timezone') return ctx.respond([]);
    await ctx.respond(suggestTimeZones(ctx.focused.value).map((zone) => ({ name: zone, value: zone })));
  },
};
