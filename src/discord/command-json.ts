/** A command spec as the JSON Discord's command registration takes (what discord.js's builders would produce). */
import type { APIApplicationCommandOption, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { ApplicationCommandOptionType, ApplicationCommandType, ChannelType, InteractionContextType, PermissionFlagsBits } from './discord-js.ts';
import type { CommandSpec, OptionSpec, OptionType } from '../commands/command-kit.ts';

const OPTION_TYPES: Record<OptionType, ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
  channel: ApplicationCommandOptionType.Channel,
};

const CHANNEL_TYPES = { text: ChannelType.GuildText, announcement: ChannelType.GuildAnnouncement } as const;

function optionJson(option: OptionSpec): APIApplicationCommandOption {
  const json: Record<string, unknown> = {
    type: OPTION_TYPES[option.type],
    name: option.name,
    description: option.description,
    required: option.required ?? false,
  };
  if (option.choices) json.choices = option.choices.map((c) => ({ name: c.name, value: c.value }));
  if (option.autocomplete) json.autocomplete = true;
  if (option.minValue !== undefined) json.min_value = option.minValue;
  if (option.maxValue !== undefined) json.max_value = option.maxValue;
  if (option.minLength !== undefined) json.min_length = option.minLength;
  if (option.maxLength !== undefined) json.max_length = option.maxLength;
  if (option.channelTypes) json.channel_types = option.channelTypes.map((t) => CHANNEL_TYPES[t]);
  return json as unknown as APIApplicationCommandOption;
}

/** The registration JSON of one command. */
export function commandJson(spec: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const options: APIApplicationCommandOption[] = spec.subcommands
    ? spec.subcommands.map((sub) => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: sub.name,
        description: sub.description,
        options: (sub.options ?? []).map(optionJson) as never,
      }))
    : (spec.options ?? []).map(optionJson);
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    description: spec.description,
    options,
    ...(spec.adminOnly ? { default_member_permissions: String(PermissionFlagsBits.ManageGuild) } : {}),
    ...(spec.guildOnly ? { contexts: [InteractionContextType.Guild] } : {}),
  };
}
