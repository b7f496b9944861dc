/** The daily posts' Poster on discord.js: checks the bot's permissions in a channel and sends the day's card (no mentions parsed, optional thread for the day). */
import type { Client, GuildBasedChannel, GuildTextBasedChannel } from 'discord.js';
import { ChannelType, DiscordAPIError, PermissionFlagsBits } from './discord-js.ts';
import type { DailyPost } from '../app/daily-post.ts';
import type { ChannelCheck, Log, NoticeOutcome, PostOutcome, Poster } from '../app/ports.ts';
import type { Card } from '../commands/cards/card.ts';
import { clip } from '../core/clip.ts';
import { dailyText } from '../commands/messages.ts';
import { cardEmbed, discordMarkup, NO_MENTIONS } from './render/card-embed.ts';

/** Discord's limit on a thread name. */
const THREAD_NAME_LIMIT = 100;

// Discord JSON error codes that mean "this channel will not take the post, however often we try".
const UNKNOWN_CHANNEL = 10003;
const MISSING_ACCESS = 50001;
const MISSING_PERMISSIONS = 50013;

/** What the bot needs in the daily channel, with the names Discord shows admins. */
export const DAILY_PERMISSIONS = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel' },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages' },
  { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links' },
] as const;

/** Also needed when the post opens a thread for the day. */
export const DAILY_THREAD_PERMISSION = { flag: PermissionFlagsBits.CreatePublicThreads, name: 'Create Public Threads' } as const;

/** Channel types a daily post can go to. */
export const DAILY_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

function isPostable(channel: unknown): channel is GuildTextBasedChannel & GuildBasedChannel {
  const type = (channel as { type?: number } | null)?.type;
  return type !== undefined && (DAILY_CHANNEL_TYPES as readonly number[]).includes(type);
}

/** Classifies a send failure: gone and forbidden pause the schedule, anything else may be retried. */
export function classifyPostError(error: unknown): PostOutcome & { ok: false } {
  if (error instanceof DiscordAPIError) {
    if (error.code === UNKNOWN_CHANNEL) return { ok: false, kind: 'gone', reason: error.message };
    if (error.code === MISSING_ACCESS || error.code === MISSING_PERMISSIONS) return { ok: false, kind: 'forbidden', reason: error.message };
    if (error.status === 404) return { ok: false, kind: 'gone', reason: error.message };
    if (error.status === 403) return { ok: false, kind: 'forbidden', reason: error.message };
  }
  return { ok: false, kind: 'transient', reason: error instanceof Error ? error.message : String(error) };
}

/**
 * The Poster on a logged-in discord.js client; `render` turns the day's post into its card. Every failure reason
 * passes through `scrub` before it leaves: Discord's error text may echo what was sent, and a reason is stored
 * with a paused schedule and shown in /daily show.
 */
export function createDiscordPoster(client: Client, render: (post: DailyPost) => Card, log?: Pick<Log, 'warn'>, scrub: (text: string) => string = (text) => text): Poster {
  const classify = (error: unknown): PostOutcome & { ok: false } => {
    const failure = classifyPostError(error);
    return { ...failure, reason: scrub(failure.reason) };
  };

  async function fetchChannel(channelId: string): Promise<{ ok: true; channel: GuildTextBasedChannel & GuildBasedChannel } | (ChannelCheck & { ok: false })> {
    try {
      const channel = await client.channels.fetch(channelId);
      if (!isPostable(channel)) return { ok: false, kind: 'gone', reason: 'not a text channel' };
      return { ok: true, channel };
    } catch (error) {
      const failure = classify(error);
      if (failure.kind === 'forbidden') return { ok: false, kind: 'forbidden', reason: failure.reason, missing: ['View Channel'] };
      if (failure.kind === 'gone') return { ok: false, kind: 'gone', reason: failure.reason };
      throw error;
    }
  }

  return {
    async checkChannel(channelId, options) {
      const found = await fetchChannel(channelId);
      if (!found.ok) return found;
      const { channel } = found;
      let me = channel.guild.members.me;
      if (!me) {
        try {
          me = await channel.guild.members.fetchMe();
        } catch (error) {
          // Without our own member we cannot compute permissions; a failed post will pause the schedule instead.
          log?.warn({ err: error, channelId }, 'could not check daily channel permissions');
          return { ok: true };
        }
      }
      const permissions = channel.permissionsFor(me);
      const needed = options?.thread ? [...DAILY_PERMISSIONS, DAILY_THREAD_PERMISSION] : DAILY_PERMISSIONS;
      const missing = needed.filter((p) => !permissions?.has(p.flag)).map((p) => p.name);
      return missing.length ? { ok: false, kind: 'forbidden', reason: `missing ${missing.join(', ')}`, missing } : { ok: true };
    },

    async post(channelId, post, options): Promise<PostOutcome> {
      let found;
      try {
        found = await fetchChannel(channelId);
      } catch (error) {
        return classify(error);
      }
      if (!found.ok) return { ok: false, kind: found.kind, reason: found.reason };
      let messageId: string;
      try {
        const message = await found.channel.send({ embeds: [cardEmbed(render(post))], allowedMentions: NO_MENTIONS, nonce: options.nonce, enforceNonce: true });
        messageId = message.id;
        if (options.thread) {
          // The post is out; a thread that cannot be opened is logged, never a reason to post again.
          await message.startThread({ name: clip(post.threadTitle, THREAD_NAME_LIMIT) }).catch((error: unknown) => log?.warn({ err: error, channelId }, 'could not open the daily thread'));
        }
      } catch (error) {
        return classify(error);
      }
      return { ok: true, messageId };
    },

    async notifyPaused(notice): Promise<NoticeOutcome> {
      const guild = client.guilds.cache.get(notice.guildId);
      const content = dailyText.pauseNotice(guild?.name ?? notice.guildId, discordMarkup.channel(notice.channelId), notice.reason);
      const message = { content, allowedMentions: NO_MENTIONS };
      if (notice.setBy) {
        try {
          const dm = await client.users.createDM(notice.setBy);
          await dm.send(message);
          return 'dm';
        } catch (error) {
          // Members may close their DMs to server bots: the server's system channel is next.
          log?.warn({ err: error, guildId: notice.guildId }, 'could not DM the member who set the daily posts');
        }
      }
      const systemChannelId = guild?.systemChannelId;
      if (systemChannelId) {
        try {
          const channel = await client.channels.fetch(systemChannelId);
          if (channel?.isSendable()) {
            await channel.send(message);
            return 'system-channel';
          }
        } catch (error) {
          log?.warn({ err: error, guildId: notice.guildId }, "could not post in the server's system channel");
        }
      }
      return 'none';
    },
  };
}
