/** discord.js interactions and messages seen through the command layer's contexts. */
import type { AutocompleteInteraction, ChatInputCommandInteraction, Message, MessageComponentInteraction, ModalSubmitInteraction } from 'discord.js';
import { MessageFlags, PermissionFlagsBits } from './discord-js.ts';
import type { Log } from '../app/ports.ts';
import { stripMentions } from '../core/text-analysis.ts';
import type { AutocompleteContext, CommandContext, CommandOptions, ComponentContext, MentionContext, Member, ModalSpec, ModalSubmitContext, Reply } from '../commands/command-kit.ts';
import { commonText } from '../commands/messages.ts';
import { discordMarkup, replyPayload } from './render/card-embed.ts';
import { modalJson } from './render/modal-json.ts';

/**
 * The payload as discord.js takes it. Embeds and components are already Discord's JSON, so they are handed over
 * as JSON-encodable values: discord.js then sends them as they are instead of deep-converting every key to
 * snake_case, which was the costliest step of a reply.
 */
function sendPayload(reply: Reply) {
  const payload = replyPayload(reply);
  return {
    ...payload,
    embeds: payload.embeds.map((embed) => ({ toJSON: () => embed })),
    components: payload.components.map((row) => ({ toJSON: () => row })),
    // Text files become attachments (a multipart request); a reply without files sends none.
    ...(reply.files?.length ? { files: reply.files.map((f) => ({ attachment: Buffer.from(f.content, 'utf8'), name: f.name, ...(f.description ? { description: f.description } : {}) })) } : {}),
  };
}

/** The payload without the ephemeral flag (edits and updates cannot change it). */
function editPayload(reply: Reply) {
  const { flags: _flags, ...rest } = sendPayload(reply);
  return rest;
}

function memberOf(user: { id: string; username: string; globalName?: string | null }): Member {
  return { id: user.id, name: user.globalName ?? user.username };
}

/**
 * How long after Discord created an interaction its handler may work before the transport acknowledges it for
 * the handler (a deferred reply, or a deferred update for a click). Discord drops an interaction not acknowledged
 * within 3 s; this leaves room for a busy event loop and the round trip. A handler that is done sooner answers
 * directly, in one request; one held up by a slow store, or an interaction that arrives already late (a burst
 * queued behind others), is acknowledged at once and answered by an edit. @default 800
 */
export const ACK_GUARD_MS = 800;

/**
 * Guard timers are rounded down to this step. Node keeps one timer list per duration, and a list of unreferenced
 * timers lives until it expires even once its timers are cleared: with exact durations a burst of 200 made up to
 * 200 lists, each outliving its interaction. @default 50
 */
export const GUARD_STEP_MS = 50;

/** How long the handler of an interaction Discord created at `createdAt` (ms) may still take before the guard defers. */
export function guardWaitMs(createdAt: number, now = Date.now()): number {
  return Math.min(ACK_GUARD_MS, Math.max(0, ACK_GUARD_MS - (now - createdAt)));
}

/** The guard's timer for a wait: rounded down to GUARD_STEP_MS (0: the guard defers at once). */
export function guardTimerMs(waitMs: number): number {
  return Math.max(0, waitMs - (waitMs % GUARD_STEP_MS));
}

/** How the Discord contexts behave: what the guard defers as, and where its failures go. */
export interface InteractionOptions {
  log: Pick<Log, 'warn'>;
  /** Whether the command's answers are for the member alone: the guard's deferral is then ephemeral too. @default false */
  ephemeral?: boolean;
  /** How long the handler may take before the guard defers. @default guardWaitMs(the interaction's creation time) */
  guardMs?: number;
}

type GuardedInteraction = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;
/** What the guard sends when the handler is slow: a deferred reply (public or ephemeral), or a deferred update. */
type Deferral = 'reply' | 'ephemeral-reply' | 'update';

/**
 * What every interaction context shares: who, where, whether they may manage the server, and the guard over the
 * first response, which is the handler's own, or the transport's deferral once the wait has passed without one (at
 * once when it is 0). `own()` is called before the handler's first response: true while it may still send it, false
 * (after the deferral has been sent) when the handler must edit or follow up instead.
 *
 * The contexts are classes, their methods shared on the prototype: one object per interaction instead of a dozen
 * closures, since every context lives as long as its handler and a burst of them outlives the young generation.
 */
abstract class GuardedContext<I extends GuardedInteraction> {
  readonly id: string;
  readonly member: Member;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly canManageGuild: boolean;
  readonly markup = discordMarkup;
  private state: 'open' | 'own' | 'auto' = 'open';
  private deferral: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    protected readonly interaction: I,
    private readonly log: Pick<Log, 'warn'>,
    protected readonly deferAs: Deferral,
    waitMs: number,
  ) {
    this.id = interaction.id;
    this.member = memberOf(interaction.user);
    this.guildId = interaction.guildId;
    this.channelId = interaction.channelId;
    this.canManageGuild = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
    const wait = guardTimerMs(waitMs);
    if (wait > 0) this.timer = setTimeout(GuardedContext.fire, wait, this).unref();
    else this.autoDefer();
  }

  private static fire(this: void, context: GuardedContext<GuardedInteraction>): void {
    context.autoDefer();
  }

  private autoDefer(): void {
    if (this.state !== 'open') return;
    this.state = 'auto';
    const sent = this.deferAs === 'update' ? (this.interaction as MessageComponentInteraction).deferUpdate() : this.interaction.deferReply(this.deferAs === 'ephemeral-reply' ? { flags: MessageFlags.Ephemeral } : {});
    this.deferral = sent.then(
      () => undefined,
      (error: unknown) => this.log.warn({ err: error }, 'could not acknowledge a slow interaction'),
    );
  }

  get answered(): boolean {
    return this.state !== 'open' || this.interaction.replied || this.interaction.deferred;
  }

  /** True when the handler's response is the first; false once the transport has deferred for it. */
  protected async own(): Promise<boolean> {
    if (this.state === 'open') {
      this.state = 'own';
      clearTimeout(this.timer);
      return true;
    }
    await this.deferral;
    return this.state === 'own';
  }

  async followUp(reply: Reply): Promise<void> {
    await this.interaction.followUp(sendPayload(reply));
  }
}

/** A slash command's options, read from the interaction. */
class DiscordCommandOptions implements CommandOptions {
  constructor(private readonly options: ChatInputCommandInteraction['options']) {}
  subcommand(): string | null {
    return this.options.getSubcommand(false);
  }
  string(name: string): string | null {
    return this.options.getString(name);
  }
  integer(name: string): number | null {
    return this.options.getInteger(name);
  }
  number(name: string): number | null {
    return this.options.getNumber(name);
  }
  boolean(name: string): boolean | null {
    return this.options.getBoolean(name);
  }
  channel(name: string): { id: string; name?: string } | null {
    const channel = this.options.getChannel(name);
    return channel ? { id: channel.id, ...(channel.name ? { name: channel.name } : {}) } : null;
  }
}

/** A slash command interaction as a CommandContext. */
class DiscordCommandContext extends GuardedContext<ChatInputCommandInteraction> implements CommandContext {
  readonly commandName: string;
  readonly options: CommandOptions;

  constructor(interaction: ChatInputCommandInteraction, options: InteractionOptions) {
    super(interaction, options.log, options.ephemeral ? 'ephemeral-reply' : 'reply', options.guardMs ?? guardWaitMs(interaction.createdTimestamp));
    this.commandName = interaction.commandName;
    this.options = new DiscordCommandOptions(interaction.options);
  }

  async reply(reply: Reply): Promise<void> {
    if (await this.own()) {
      await this.interaction.reply(sendPayload(reply));
    } else if ((reply.ephemeral ?? false) === (this.deferAs === 'ephemeral-reply')) {
      await this.interaction.editReply(editPayload(reply));
    } else {
      // The deferral cannot change who sees it: replace it with a follow-up that is seen as the reply asks.
      await this.interaction.deleteReply();
      await this.interaction.followUp(sendPayload(reply));
    }
  }

  async defer(deferOptions?: { ephemeral?: boolean }): Promise<void> {
    // Deferred already by the guard: the edits that follow go to that reply.
    if (await this.own()) await this.interaction.deferReply(deferOptions?.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }

  async edit(reply: Reply): Promise<void> {
    await this.interaction.editReply(editPayload(reply));
  }
}

/** A slash command interaction as a CommandContext. */
export function commandContext(interaction: ChatInputCommandInteraction, options: InteractionOptions): CommandContext {
  return new DiscordCommandContext(interaction, options);
}

/** A button or select-menu interaction as a ComponentContext; the guard defers it as an update (nothing shows). */
class DiscordComponentContext extends GuardedContext<MessageComponentInteraction> implements ComponentContext {
  readonly customId: string;
  readonly values: string[];

  constructor(interaction: MessageComponentInteraction, options: InteractionOptions) {
    super(interaction, options.log, 'update', options.guardMs ?? guardWaitMs(interaction.createdTimestamp));
    this.customId = interaction.customId;
    this.values = interaction.isStringSelectMenu() ? [...interaction.values] : [];
  }

  async showModal(modal: ModalSpec): Promise<void> {
    // A form can only be the first response: once the guard has deferred, the member is asked to press again.
    if (!(await this.own())) return void (await this.interaction.followUp(sendPayload({ text: commonText.formTooLate, ephemeral: true })));
    const json = modalJson(modal);
    await this.interaction.showModal({ toJSON: () => json });
  }

  async update(reply: Reply): Promise<void> {
    if (await this.own()) await this.interaction.update(editPayload(reply));
    else await this.interaction.editReply(editPayload(reply));
  }

  async reply(reply: Reply): Promise<void> {
    if (await this.own()) await this.interaction.reply(sendPayload(reply));
    else await this.interaction.followUp(sendPayload(reply));
  }
}

/** A button or select-menu interaction as a ComponentContext; the guard defers it as an update (nothing shows). */
export function componentContext(interaction: MessageComponentInteraction, options: InteractionOptions): ComponentContext {
  return new DiscordComponentContext(interaction, options);
}

/** A submitted modal as a ModalSubmitContext: the text of every input, by its custom id. The guard defers ephemerally. */
class DiscordModalSubmitContext extends GuardedContext<ModalSubmitInteraction> implements ModalSubmitContext {
  readonly customId: string;
  readonly fields: Record<string, string> = {};

  constructor(interaction: ModalSubmitInteraction, options: InteractionOptions) {
    super(interaction, options.log, 'ephemeral-reply', options.guardMs ?? guardWaitMs(interaction.createdTimestamp));
    this.customId = interaction.customId;
    for (const [id, field] of interaction.fields.fields) if ('value' in field && typeof field.value === 'string') this.fields[id] = field.value;
  }

  async reply(reply: Reply): Promise<void> {
    if (await this.own()) {
      await this.interaction.reply(sendPayload(reply));
    } else if (reply.ephemeral) {
      await this.interaction.editReply(editPayload(reply));
    } else {
      await this.interaction.deleteReply();
      await this.interaction.followUp(sendPayload(reply));
    }
  }
}

/** A submitted modal as a ModalSubmitContext: the text of every input, by its custom id. The guard defers ephemerally. */
export function modalSubmitContext(interaction: ModalSubmitInteraction, options: InteractionOptions): ModalSubmitContext {
  return new DiscordModalSubmitContext(interaction, options);
}

/** An autocomplete interaction as an AutocompleteContext. */
export function autocompleteContext(interaction: AutocompleteInteraction): AutocompleteContext {
  const focused = interaction.options.getFocused(true);
  return {
    member: memberOf(interaction.user),
    guildId: interaction.guildId,
    commandName: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    focused: { name: focused.name, value: String(focused.value) },
    async respond(choices) {
      await interaction.respond(choices.slice(0, 25));
    },
  };
}

/** How often the typing indicator is renewed while an answer is being written (Discord shows it for ~10 s). @default 8000 */
export const TYPING_RENEW_MS = 8000;

/** A message mentioning the bot as a MentionContext; replies go to the message, pinging no one. */
export function mentionContext(message: Message): MentionContext {
  return {
    id: message.id,
    member: memberOf(message.author),
    guildId: message.guildId,
    channelId: message.channelId,
    text: stripMentions(message.content),
    markup: discordMarkup,
    async reply(reply) {
      await message.reply(editPayload(reply));
    },
    working() {
      // Discord shows "typing…" for about 10 s, or until the bot's next message: renewed until stopped.
      const channel = message.channel;
      if (!('sendTyping' in channel)) return () => undefined;
      const send = () => void channel.sendTyping().catch(() => undefined);
      send();
      const timer = setInterval(send, TYPING_RENEW_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
