/**
 * discord.js: the one place the transport takes its values from (types still come from 'discord.js' itself). The
 * build (scripts/build.mjs) bundles it, with undici and ws, into the bot's own files: as a package, Node resolves,
 * reads and wraps each of its ~500 CommonJS modules one at a time (and, for an ES import, first scans them for their
 * export names), which was most of the time from start to ready. From source (`npm run dev`, tests) it is loaded
 * from node_modules as usual.
 */
import * as discordJs from 'discord.js';
import type * as DiscordJs from 'discord.js';

export const {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  Client,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  InteractionContextType,
  MessageFlags,
  Options,
  PermissionFlagsBits,
  REST,
  Routes,
  ShardingManager,
  TextInputStyle,
} = discordJs;

/** The classes (and one enum), also as types (what `import { Client } from 'discord.js'` gives a type position). */
export type Client = DiscordJs.Client;
export type DiscordAPIError = DiscordJs.DiscordAPIError;
export type REST = DiscordJs.REST;
export type ShardingManager = DiscordJs.ShardingManager;
/** An option's type code, also as a type. */
export type ApplicationCommandOptionType = DiscordJs.ApplicationCommandOptionType;
