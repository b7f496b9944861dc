/** /help: what the bot does, its commands (from the registry's specs) and the sources it knows (from the library). */
import type { Library } from '../core/library.ts';
import type { Card } from './cards/card.ts';
import type { Command, CommandSpec, Markup } from './command-kit.ts';
import { helpText } from './messages.ts';

/** The help card: every registered command and every document of the library. */
export function helpCard(markup: Markup, library: Library, catalog: readonly CommandSpec[]): Card {
  const commandLines = catalog.map((spec) => `${markup.bold(`/${spec.name}`)} — ${spec.description}`);
  const sourceLines = library.documents.map(
    (d) => `• ${markup.bold(d.origin.title)}${d.reliability.level === 'low' ? helpText.lowReliability : ` (${d.origin.author})`}`,
  );
  return {
    title: helpText.title,
    description: helpText.intro,
    fields: [
      { name: helpText.commands, value: [...commandLines, helpText.mention].join('\n') },
      { name: helpText.sources, value: sourceLines.join('\n') || '—' },
      { name: helpText.stored, value: helpText.storedValue },
    ],
    footer: helpText.footer,
  };
}

/** The /help command. */
export const help: Command = {
  data: { name: 'help', description: helpText.description, privateReplies: true },
  async execute(ctx, services) {
    await ctx.reply({ card: helpCard(ctx.markup, services.library, services.catalog), ephemeral: true });
  },
};
