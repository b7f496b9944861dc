/** discord.js interactions and messages seen through the command layer's contexts. */
import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Message,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { stripMentions } from '../core/text-analysis.ts';
import type { AutocompleteContext, CommandContext, ComponentContext, MentionContext, Member, ModalSubmitContext, Reply } from '../commands/command-kit.ts';
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

/** A slash command interaction as a CommandContext. */
export function commandContext(interaction: ChatInputCommandInteraction): CommandContext {
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
      return interaction.replied || interaction.deferred;
    },
    async reply(reply) {
      await interaction.reply(sendPayload(reply));
    },
    async defer(options) {
      await interaction.deferReply(options?.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    async edit(reply) {
      await interaction.editReply(editPayload(reply));
    },
    async followUp(reply) {
      await interaction.followUp(sendPayload(reply));
    },
  };
}

/** A button or select-menu interaction as a ComponentContext. */
export function componentContext(interaction: MessageComponentInteraction): ComponentContext {
  return {
    ...baseContext(interaction),
    customId: interaction.customId,
    values: interaction.isStringSelectMenu() ? [...interaction.values] : [],
    get answered() {
      return interaction.replied || interaction.deferred;
    },
    async showModal(modal) {
      const json = modalJson(modal);
      await interaction.showModal({ toJSON: () => json });
    },
    async update(reply) {
      await interaction.update(editPayload(reply));
    },
    async reply(reply) {
      await interaction.reply(sendPayload(reply));
    },
    async followUp(reply) {
      await interaction.followUp(sendPayload(reply));
    },
  };
}

/** A submitted modal as a ModalSubmitContext: the text of every input, by its custom id. */
export function modalSubmitContext(interaction: ModalSubmitInteraction): ModalSubmitContext {
  const fields: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) if ('value' in field && typeof field.value === 'string') fields[id] = field.value;
  return {
    ...baseContext(interaction),
    customId: interaction.customId,
    fields,
    get answered() {
      return interaction.replied || interaction.deferred;
    },
    async reply(reply) {
      await interaction.reply(sendPayload(reply));
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

/** A message mentioning the bot as a MentionContext; replies go to the message, pinging no one. */
export function mentionContext(message: Message): MentionContext {
  return {
    id: message.id,
    member: memberOf(message.author),
    guildId: message.guildId,
    channelId: message.channelId,
    text: stripMentions(message.content),
    markup: discordMarkup,
    async typing() {
      if (message.channel.isSendable()) await message.channel.sendTyping();
    },
    async reply(reply) {
      await message.reply(editPayload(reply));
    },
  };
}
