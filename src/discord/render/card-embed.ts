/**
 * Renders a Card (and a Reply around it) as the Discord message payload: embed, buttons, select menu, no mentions.
 * Every Discord limit and markup lives here: the command layer writes plain cards of any length.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed, MessageFlags as MessageFlag } from 'discord.js';
import { ButtonStyle, ComponentType, MessageFlags } from '../discord-js.ts';
import { clip } from '../../core/clip.ts';
import type { Card } from '../../commands/cards/card.ts';
import type { Markup, Reply } from '../../commands/command-kit.ts';

/** Discord's embed limits. */
export const EMBED_LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 };
/** Discord's limits on message content and components. */
export const MESSAGE_LIMITS = { content: 2000, actionRows: 5, buttonsPerRow: 5, buttonLabel: 80, selectPlaceholder: 150, selectOptions: 25, optionLabel: 100, optionDescription: 100 };

/** Discord's markup: channel links, timestamps every member sees in their own zone, bold. */
export const discordMarkup: Markup = {
  channel: (id) => `<#${id}>`,
  time: (at) => {
    const unix = Math.floor(at.getTime() / 1000);
    return `<t:${unix}:F> (<t:${unix}:R>)`;
  },
  bold: (text) => `**${text}**`,
};
/** The accent used when a card sets none. */
export const DEFAULT_COLOR = 0x2f9e44;

/** A field value over Discord's 1024 characters is split at line breaks into continuation fields. */
function splitValue(value: string): string[] {
  const max = EMBED_LIMITS.fieldValue;
  if (value.length <= max) return [value || '\u200b'];
  const parts: string[] = [];
  let current = '';
  for (const line of value.split('\n')) {
    const piece = clip(line, max);
    if (current && current.length + 1 + piece.length > max) {
      parts.push(current);
      current = piece;
    } else {
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** The embed for a card, within Discord's limits (long fields continue, the total is capped). */
export function cardEmbed(card: Card): APIEmbed {
  // Cards are often copies of one remembered card with other buttons (a plan's card for each member who asks): the
  // embed of the same title, fields, description and footer is built once. Embeds are never changed once made.
  const known = embeds.get(card.fields);
  if (known && known.title === card.title && known.color === card.color && known.description === card.description && known.footer === card.footer) return known.embed;
  const embed = buildEmbed(card);
  embeds.set(card.fields, { title: card.title, color: card.color, description: card.description, footer: card.footer, embed });
  return embed;
}

/** The last embed built from each fields array, with the rest of the card it was built from. */
const embeds = new WeakMap<Card['fields'], Pick<Card, 'title' | 'color' | 'description' | 'footer'> & { embed: APIEmbed }>();

function buildEmbed(card: Card): APIEmbed {
  const fields: NonNullable<APIEmbed['fields']> = [];
  for (const field of card.fields) {
    splitValue(field.value).forEach((value, i) => {
      fields.push({ name: clip(i === 0 ? field.name : `${field.name} (cont.)`, EMBED_LIMITS.fieldName), value, inline: field.inline ?? false });
    });
  }
  const embed: APIEmbed = {
    title: clip(card.title, EMBED_LIMITS.title),
    color: card.color ?? DEFAULT_COLOR,
    fields: fields.slice(0, EMBED_LIMITS.fields),
  };
  if (card.description) embed.description = clip(card.description, EMBED_LIMITS.description);
  if (card.footer) embed.footer = { text: clip(card.footer, EMBED_LIMITS.footer) };
  // Keep the whole embed under 6000 characters by dropping trailing fields (the footer says where to read more).
  const size = () =>
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  while (size() > EMBED_LIMITS.total && embed.fields && embed.fields.length > 0) embed.fields.pop();
  return embed;
}

/** Buttons for a card's actions (5 per row) and a row for the select menu. */
export function replyComponents(reply: Reply): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const actions = reply.card?.actions ?? [];
  const perRow = MESSAGE_LIMITS.buttonsPerRow;
  // One row is kept free for a select menu.
  for (let i = 0; i < actions.length && rows.length < MESSAGE_LIMITS.actionRows - 1; i += perRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: actions.slice(i, i + perRow).map((action, j) => ({
        type: ComponentType.Button,
        custom_id: action.id,
        label: clip(action.label, MESSAGE_LIMITS.buttonLabel),
        style: i + j === 0 ? ButtonStyle.Primary : ButtonStyle.Secondary,
      })),
    });
  }
  if (reply.select && reply.select.options.length > 0) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: reply.select.id,
          placeholder: clip(reply.select.placeholder, MESSAGE_LIMITS.selectPlaceholder),
          min_values: 1,
          max_values: 1,
          options: reply.select.options.slice(0, MESSAGE_LIMITS.selectOptions).map((o) => ({
            value: o.value,
            label: clip(o.label, MESSAGE_LIMITS.optionLabel),
            ...(o.description ? { description: clip(o.description, MESSAGE_LIMITS.optionDescription) } : {}),
          })),
        },
      ],
    });
  }
  return rows;
}

/** Mentions are never parsed: echoed text cannot ping @everyone, a role or a member. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

/** The full message payload for a reply (for reply, editReply, update, followUp and message.reply). */
export function replyPayload(reply: Reply): {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: typeof NO_MENTIONS;
  flags?: MessageFlag.Ephemeral;
} {
  return {
    content: reply.text ? clip(reply.text, MESSAGE_LIMITS.content) : '',
    embeds: reply.card ? [cardEmbed(reply.card)] : [],
    components: replyComponents(reply),
    allowedMentions: NO_MENTIONS,
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral as MessageFlag.Ephemeral } : {}),
  };
}
