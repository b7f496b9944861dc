/** A transport-neutral reply: the Discord adapter renders it as an embed, the console and CLI as text (card-text.ts). */

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
