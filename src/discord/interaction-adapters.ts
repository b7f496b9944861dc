/** discord.js interactions and messages seen through the command layer's contexts. */
import type { AutocompleteInteraction, ChatInputCommandInteraction, Message, MessageComponentInteraction, ModalSubmitInteraction } from 'discord.js';
import { MessageFlags, PermissionFlagsBits } from './discord-js.ts';
import type { Log } from '../app/ports.ts';
import { stripMentions } from '../core/text-analysis.ts';
import type { AutocompleteContext, CommandContext, ComponentContext, MentionContext, Member, ModalSubmitContext, Reply } from '../commands/command-kit.ts';
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

/** What every interaction context shares: who, where, and whether they may manage the server. */
function baseContext(interaction: ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction) {
  return {
    id: interaction.id,
    member: memberOf(interaction.user),
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    canManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    markup: discordMarkup,
  };
}

/**
 * How long after Discord created an interaction its handler may work before the transport acknowledges it for
 * the handler (a deferred reply, or a deferred update for a click). Discord drops an interaction not acknowledged
 * within 3 s; this leaves room for a busy event loop and the round trip. A handler that is done sooner answers
 * directly, in one request; one held up by a slow store, or an interaction that arrives already late (a burst
 * queued behind others), is acknowledged at once and answered by an edit. @default 800
 */
export const ACK_GUARD_MS = 800;

/** How long the handler of an interaction Discord created at `createdAt` (ms) may still take before the guard defers. */
export function guardWaitMs(createdAt: number, now = Date.now()): number {
  return Math.min(ACK_GUARD_MS, Math.max(0, ACK_GUARD_MS - (now - createdAt)));
}

/**
 * The first response of one interaction: the handler's own, or the transport's deferral once `waitMs` has passed
 * without one (at once when it is 0). `own()` is called before the handler's first response: true while it may
 * still send it, false (after the deferral has been sent) when the handler must edit or follow up instead.
 */
function ackGuard(deferNow: () => Promise<unknown>, log: Pick<Log, 'warn'>, waitMs: number) {
  let state: 'open' | 'own' | 'auto' = 'open';
  let deferral: Promise<void> = Promise.resolve();
  const defer = () => {
    if (state !== 'open') return;
    state = 'auto';
    deferral = deferNow().then(
      () => undefined,
      (error: unknown) => log.warn({ err: error }, 'could not acknowledge a slow interaction'),
    );
  };
  const timer = waitMs > 0 ? setTimeout(defer, waitMs).unref() : undefined;
  if (!timer) defer();
  return {
    get answered() {
      return state !== 'open';
    },
    /** True when the handler's response is the first; false once the transport has deferred for it. */
    async own(): Promise<boolean> {
      if (state === 'open') {
        state = 'own';
        clearTimeout(timer);
        return true;
      }
      await deferral;
      return state === 'own';
    },
  };
}

/** How the Discord contexts behave: what the guard defers as, and where its failures go. */
export interface InteractionOptions {
  log: Pick<Log, 'warn'>;
  /** Whether the command's answers are for the member alone: the guard's deferral is then ephemeral too. @default false */
  ephemeral?: boolean;
  /** How long the handler may take before the guard defers. @default guardWaitMs(the interaction's creation time) */
  guardMs?: number;
}

/** A slash command interaction as a CommandContext. */
export function commandContext(interaction: ChatInputCommandInteraction, options: InteractionOptions): CommandContext {
  const autoEphemeral = options.ephemeral ?? false;
  const guard = ackGuard(() => interaction.deferReply(autoEphemeral ? { flags: MessageFlags.Ephemeral } : {}), options.log, options.guardMs ?? guardWaitMs(interaction.createdTimestamp));
  return {
    ...baseContext(interaction),
    commandName: interaction.commandName,
    options: {
      subcommand: () => interaction.options.getSubcommand(false),
      string: (name) => interaction.options.getString(name),
      integer: (name) => interaction.options.getInteger(name),
      number: (name) => interaction.options.getNumber(name),
      boolean: (name) => interaction.options.getBoolean(name),
      channel: (name) => {
        const channel = interaction.options.getChannel(name);
        return channel ? { id: channel.id, ...(channel.name ? { name: channel.name } : {}) } : null;
      },
    },
    get answered() {
      return guard.answered || interaction.replied || interaction.deferred;
    },
    async reply(reply) {
      if (await guard.own()) {
        await interaction.reply(sendPayload(reply));
      } else if ((reply.ephemeral ?? false) === autoEphemeral) {
        await interaction.editReply(editPayload(reply));
      } else {
        // The deferral cannot change who sees it: replace it with a follow-up that is seen as the reply asks.
        await interaction.deleteReply();
        await interaction.followUp(sendPayload(reply));
      }
    },
    async defer(deferOptions) {
      // Deferred already by the guard: the edits that follow go to that reply.
      if (await guard.own()) await interaction.deferReply(deferOptions?.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    async edit(reply) {
      await interaction.editReply(editPayload(reply));
    },
    async followUp(reply) {
      await interaction.followUp(sendPayload(reply));
    },
  };
}

/** A button or select-menu interaction as a ComponentContext; the guard defers it as an update (nothing shows). */
export function componentContext(interaction: MessageComponentInteraction, options: InteractionOptions): ComponentContext {
  const guard = ackGuard(() => interaction.deferUpdate(), options.log, options.guardMs ?? guardWaitMs(interaction.createdTimestamp));
  return {
    ...baseContext(interaction),
    customId: interaction.customId,
    values: interaction.isStringSelectMenu() ? [...interaction.values] : [],
    get answered() {
      return guard.answered || interaction.replied || interaction.deferred;
    },
    async showModal(modal) {
      // A form can only be the first response: once the guard has deferred, the member is asked to press again.
      if (!(await guard.own())) return void (await interaction.followUp(sendPayload({ text: commonText.formTooLate, ephemeral: true })));
      const json = modalJson(modal);
      await interaction.showModal({ toJSON: () => json });
    },
    async update(reply) {
      if (await guard.own()) await interaction.update(editPayload(reply));
      else await interaction.editReply(editPayload(reply));
    },
    async reply(reply) {
      if (await guard.own()) await interaction.reply(sendPayload(reply));
      else await interaction.followUp(sendPayload(reply));
    },
    async followUp(reply) {
      await interaction.followUp(sendPayload(reply));
    },
  };
}

/** A submitted modal as a ModalSubmitContext: the text of every input, by its custom id. The guard defers ephemerally. */
export function modalSubmitContext(interaction: ModalSubmitInteraction, options: InteractionOptions): ModalSubmitContext {
  const guard = ackGuard(() => interaction.deferReply({ flags: MessageFlags.Ephemeral }), options.log, options.guardMs ?? guardWaitMs(interaction.createdTimestamp));
  const fields: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) if ('value' in field && typeof field.value === 'string') fields[id] = field.value;
  return {
    ...baseContext(interaction),
    customId: interaction.customId,
    fields,
    get answered() {
      return guard.answered || interaction.replied || interaction.deferred;
    },
    async reply(reply) {
      if (await guard.own()) {
        await interaction.reply(sendPayload(reply));
      } else if (reply.ephemeral) {
        await interaction.editReply(editPayload(reply));
      } else {
        await interaction.deleteReply();
        await interaction.followUp(sendPayload(reply));
      }
    },
    async followUp(reply) {
      await interaction.followUp(sendPayload(reply));
    },
  };
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
