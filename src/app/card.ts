/** A Discord-agnostic reply: the Discord adapter renders it as an embed, the console and CLI as text. */

/** One titled block of a card. */
export interface CardField {
  name: string;
  value: string;
  inline?: boolean;
}

/** A choice offered under a card (a button in Discord, a numbered option in the console). */
export interface CardAction {
  /** Stable id routed back to the command that made the card, e.g. `workout:variation`. */
  id: string;
  label: string;
}

/** A rendered reply. */
export interface Card {
  title: string;
  description?: string;
  fields: CardField[];
  footer?: string;
  /** Accent colour for the embed (0xRRGGBB). */
  color?: number;
  actions?: CardAction[];
}

/** Renders a card as the readable text block the console and CLI print. */
export function cardToText(card: Card): string {
  const lines: string[] = [`# ${card.title}`];
  if (card.description) lines.push(card.description);
  for (const field of card.fields) lines.push('', `## ${field.name}`, field.value);
  if (card.footer) lines.push('', `— ${card.footer}`);
  if (card.actions?.length) {
    lines.push('', card.actions.map((action, i) => `[${i + 1}] ${action.label}`).join('   '));
  }
  return `${lines.join('\n')}\n`;
}
