/** A card as the plain-text block the console and the CLI print. */
import type { Card } from './card.ts';

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
