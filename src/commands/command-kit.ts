/**
 * The transport-neutral command layer: what a command declares (a plain spec, not Discord JSON) and the contexts
 * its handlers are written against. Discord (src/discord/) and the console (src/console/) each implement the
 * contexts and turn the spec into their own form, so a handler never knows which one it talks to.
 */
import type { Card } from './cards/card.ts';
import type { CommandServices } from './services.ts';

/** The kinds of value an option takes. */
export type OptionType = 'string' | 'integer' | 'number' | 'boolean' | 'channel';

/** One option of a command or subcommand. */
export interface OptionSpec {
  name: string;
  /** Shown to members while they type; say what it does and its default. */
  description: string;
  type: OptionType;
  required?: boolean;
  /** The only values allowed, with the names members see. */
  choices?: readonly { name: string; value: string | number }[];
  /** Suggestions come from the command's `autocomplete` handler as the member types. */
  autocomplete?: boolean;
  minValue?: number;
  maxValue?: number;
  minLength?: number;
  maxLength?: number;
  /** For channel options: which kinds of channel may be picked. */
  channelTypes?: readonly ('text' | 'announcement')[];
}

/** A subcommand: a name, a description and its own options. */
export interface SubcommandSpec {
  name: string;
  description: string;
  options?: readonly OptionSpec[];
}

/** What a command declares: the same spec becomes Discord's command JSON, the console's parser and /help's list. */
export interface CommandSpec {
  name: string;
  description: string;
  /** Options of a command without subcommands. */
  options?: readonly OptionSpec[];
  subcommands?: readonly SubcommandSpec[];
  /** Only members who may manage the server see it by default (they can still be refused in the handler). */
  adminOnly?: boolean;
  /** Usable inside a server only, not in DMs. */
  guildOnly?: boolean;
  /**
   * Its answers are for the member who asked alone (ephemeral), so a transport that must acknowledge before the
   * answer is ready acknowledges privately too. @default false
   */
  privateReplies?: boolean;
  /**
   * The subcommand the console runs when a line names none (`/history` for `/history show`). Discord always sends
   * one, so this only spares typing.
   */
  defaultSubcommand?: string;
}

/** The options of a spec's subcommand (or of the command itself when `subcommand` is null). */
export function optionsOf(spec: CommandSpec, subcommand: string | null): readonly OptionSpec[] {
  if (subcommand === null) return spec.options ?? [];
  return spec.subcommands?.find((s) => s.name === subcommand)?.options ?? [];
}

/** A select menu under a reply (a numbered list in the console). */
export interface SelectMenu {
  /** Routed like a button id: `<command>:<action>[:<state>]`. */
  id: string;
  placeholder: string;
  options: { value: string; label: string; description?: string }[];
}

/** A text file sent with a reply: an attachment in Discord, printed in the console. */
export interface ReplyFile {
  /** File name with its extension, e.g. `history.csv`. */
  name: string;
  content: string;
  /** Shown beside the file where the transport can. */
  description?: string;
}

/** What a handler sends. Buttons are the card's `actions`; mentions are never parsed, whatever the text says. */
export interface Reply {
  card?: Card;
  /** Plain text, for short notes and errors. */
  text?: string;
  select?: SelectMenu;
  files?: ReplyFile[];
  /** Only the member who acted sees it. */
  ephemeral?: boolean;
}

/**
 * How a transport writes the few things plain text cannot say: a channel link, a local time, emphasis.
 * Discord renders `<#id>` and `<t:…>`; the console prints readable text.
 */
export interface Markup {
  /** A link to a channel. */
  channel(id: string): string;
  /** An instant, shown in the reader's own time zone where the transport can, with how long until it. */
  time(at: Date): string;
  /** Emphasised text. */
  bold(text: string): string;
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
  number(name: string): number | null;
  boolean(name: string): boolean | null;
  /** A channel option: its id (and name when known). */
  channel(name: string): { id: string; name?: string } | null;
}

/** Shared by every interaction context. */
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
  markup: Markup;
  /** Answers with a new message (ephemeral when the reply says so). */
  reply(reply: Reply): Promise<void>;
  /** Sends another message after the first answer. */
  followUp(reply: Reply): Promise<void>;
  /** True once the interaction was answered or acknowledged. */
  readonly answered: boolean;
}

/** A slash command being handled. */
export interface CommandContext extends BaseContext {
  commandName: string;
  options: CommandOptions;
  /** Acknowledges now ("thinking…") and answers later with `edit`; needed for anything slower than ~2 s. */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  /** Replaces the deferred or earlier reply. */
  edit(reply: Reply): Promise<void>;
}

/** One line of text a form asks for. */
export interface ModalField {
  /** Comes back as the key of the submitted value. */
  id: string;
  label: string;
  /** Prefilled text the member can keep or change. */
  value?: string;
  /** Shown while the field is empty. */
  placeholder?: string;
  /** @default false */
  required?: boolean;
  maxLength?: number;
}

/**
 * A form shown over the conversation: a Discord modal, or one prompt per field in the console. Transports with a
 * limit on fields (Discord: 5) show the first ones; the submit handler sees which came back.
 */
export interface ModalSpec {
  /** Routed like a button id: `<command>:<action>[:<state>]`, to the command's `modals` handler. */
  id: string;
  title: string;
  fields: ModalField[];
}

/** A button press or a select-menu choice on an earlier reply. */
export interface ComponentContext extends BaseContext {
  customId: string;
  /** The picked values of a select menu (empty for buttons). */
  values: string[];
  /** Answers with a form (it must be the first answer); its submission reaches the command's `modals` handler. */
  showModal(modal: ModalSpec): Promise<void>;
  /** Replaces the message the component sits on. */
  update(reply: Reply): Promise<void>;
}

/** A submitted form. */
export interface ModalSubmitContext extends BaseContext {
  customId: string;
  /** The submitted text by field id: only the fields the transport showed. */
  fields: Record<string, string>;
}

/** A message that mentions the bot. */
export interface MentionContext {
  id: string;
  member: Member;
  guildId: string | null;
  channelId: string | null;
  /** The message text without mention markup (the bot's own, and any @everyone or member pasted in). */
  text: string;
  markup: Markup;
  /** Replies to the message. */
  reply(reply: Reply): Promise<void>;
  /** Shows that an answer is being written (Discord's typing indicator) until the returned function is called. */
  working(): () => void;
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
export type ComponentHandler = (ctx: ComponentContext, services: CommandServices, state: string) => Promise<void>;

/** Handles a submitted form whose id starts with `<command>:<action>`; `state` is what follows. */
export type ModalHandler = (ctx: ModalSubmitContext, services: CommandServices, state: string) => Promise<void>;

/** One command: its spec, its handler, and the handlers of the components and forms it creates. */
export interface Command {
  data: CommandSpec;
  execute(ctx: CommandContext, services: CommandServices): Promise<void>;
  /** Keyed by the action part of the custom id. */
  components?: Record<string, ComponentHandler>;
  /** Keyed by the action part of the form's id. */
  modals?: Record<string, ModalHandler>;
  autocomplete?(ctx: AutocompleteContext, services: CommandServices): Promise<void>;
  /** Answers a message that mentions the bot (one command in the registry takes this). */
  onMention?(ctx: MentionContext, services: CommandServices): Promise<void>;
}

/** Longest custom id a component may carry (Discord's limit, which the console keeps too). */
export const MAX_CUSTOM_ID_LENGTH = 100;

/** Builds a custom id `<command>:<action>[:<state>]`. */
export function customId(command: string, action: string, state = ''): string {
  const id = state ? `${command}:${action}:${state}` : `${command}:${action}`;
  if (id.length > MAX_CUSTOM_ID_LENGTH) throw new Error(`custom id too long (${id.length} > ${MAX_CUSTOM_ID_LENGTH}): ${id.slice(0, 40)}…`);
  return id;
}

/** Splits a custom id into command, action and state. */
export function parseCustomId(id: string): { command: string; action: string; state: string } {
  const [command = '', action = '', ...rest] = id.split(':');
  return { command, action, state: rest.join(':') };
}
