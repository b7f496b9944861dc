/**
 * The interaction abstraction every command handler is written against. Discord (discord/interaction-adapters.ts)
 * and the console playground (console/) both implement it, so a handler never knows which one it talks to.
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Card } from '../app/card.ts';
import type { BotServices } from './services.ts';

/** A select menu under a reply (a numbered list in the console). */
export interface SelectMenu {
  /** Routed like a button id: `<command>:<action>[:<state>]`. */
  id: string;
  placeholder: string;
  options: { value: string; label: string; description?: string }[];
}

/** What a handler sends. Buttons are the card's `actions`; mentions are never parsed, whatever the text says. */
export interface Reply {
  card?: Card;
  /** Plain text, for short notes and errors. */
  text?: string;
  select?: SelectMenu;
  /** Only the member who acted sees it. */
  ephemeral?: boolean;
}

/** The member who acted. */
export interface Member {
  id: string;
  /** Display name, for logs and text; never used to mention. */
  name: string;
}

/** The options a member gave a slash command. */
export interface CommandOptions {
  /** The chosen subcommand, if the command has any. */
  subcommand(): string | null;
  string(name: string): string | null;
  integer(name: string): number | null;
  boolean(name: string): boolean | null;
  /** A channel option: its id (and name when known). */
  channel(name: string): { id: string; name?: string } | null;
}

/** Shared by every context. */
interface BaseContext {
  /** A unique id for this interaction (Discord's snowflake; a counter in the console). */
  id: string;
  member: Member;
  /** The server, or null in DMs and the console. */
  guildId: string | null;
  /** The channel the interaction came from, when known. */
  channelId: string | null;
  /** Whether the member may manage the server (admin-only commands check this too). */
  canManageGuild: boolean;
}

/** A slash command being handled. */
export interface CommandContext extends BaseContext {
  commandName: string;
  options: CommandOptions;
  /** Answers at once. */
  reply(reply: Reply): Promise<void>;
  /** Acknowledges now ("thinking…") and answers later with `edit`; needed for anything slower than ~2 s. */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  /** Replaces the deferred or earlier reply. */
  edit(reply: Reply): Promise<void>;
  /** Sends another message after the first reply. */
  followUp(reply: Reply): Promise<void>;
  /** True once reply or defer was called. */
  readonly answered: boolean;
}

/** A button press or a select-menu choice on an earlier reply. */
export interface ComponentContext extends BaseContext {
  customId: string;
  /** The picked values of a select menu (empty for buttons). */
  values: string[];
  /** Replaces the message the component sits on. */
  update(reply: Reply): Promise<void>;
  /** Answers with a new message (usually ephemeral). */
  reply(reply: Reply): Promise<void>;
  /** Sends another message after the first answer. */
  followUp(reply: Reply): Promise<void>;
  readonly answered: boolean;
}

/** A message that mentions the bot. */
export interface MentionContext {
  id: string;
  member: Member;
  guildId: string | null;
  channelId: string | null;
  /** The message text without mention markup (the bot's own, and any @everyone or member pasted in). */
  text: string;
  /** Replies to the message. */
  reply(reply: Reply): Promise<void>;
}

/** An option being typed, for suggestions. */
export interface AutocompleteContext {
  member: Member;
  guildId: string | null;
  commandName: string;
  subcommand: string | null;
  focused: { name: string; value: string };
  respond(choices: { name: string; value: string }[]): Promise<void>;
}

/** Handles a component whose id starts with `<command>:<action>`; `state` is what follows. */
export type ComponentHandler = (ctx: ComponentContext, services: BotServices, state: string) => Promise<void>;

/** The JSON of a slash command as Discord takes it (discord.js builders produce it). */
export interface CommandData {
  name: string;
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/** One command: its definition, its handler, and the handlers of the components it creates. */
export interface Command {
  data: CommandData;
  execute(ctx: CommandContext, services: BotServices): Promise<void>;
  /** Keyed by the action part of the custom id. */
  components?: Record<string, ComponentHandler>;
  autocomplete?(ctx: AutocompleteContext, services: BotServices): Promise<void>;
  /** Answers a message that mentions the bot (one command in the registry takes this). */
  onMention?(ctx: MentionContext, services: BotServices): Promise<void>;
}

/** Builds a custom id; Discord allows 100 characters. */
export function customId(command: string, action: string, state = ''): string {
  const id = state ? `${command}:${action}:${state}` : `${command}:${action}`;
  if (id.length > 100) throw new Error(`custom id too long (${id.length} > 100): ${id.slice(0, 40)}…`);
  return id;
}

/** Splits a custom id into command, action and state. */
export function parseCustomId(id: string): { command: string; action: string; state: string } {
  const [command = '', action = '', ...rest] = id.split(':');
  return { command, action, state: rest.join(':') };
}
