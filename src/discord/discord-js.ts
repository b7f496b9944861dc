/**
 * discord.js, loaded with require: the one place the transport takes its values from (types still come from
 * 'discord.js' itself). discord.js is CommonJS, and an ES `import` of it makes Node first scan the source of every
 * module it re-exports for their export names (cjs-module-lexer) before running them: about 150 ms of a 450 ms load,
 * spent before the bot can be ready. require() runs the same files (one module instance either way) without the scan.
 */
import { createRequire } from 'node:module';
import type * as DiscordJs from 'discord.js';

const discordJs = createRequire(import.meta.url)('discord.js') as typeof DiscordJs;

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
