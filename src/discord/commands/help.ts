/** /help: what the bot does, its commands (from the registry) and the sources it knows (from the library). */
import { SlashCommandBuilder } from 'discord.js';
import type { Card } from '../../app/card.ts';
import type { Library } from '../../core/library.ts';
import type { Command } from '../command-kit.ts';
import { helpText as t } from '../messages.ts';

/** The help card: every registered command and every document of the library. */
export function helpCard(library: Library, registry: readonly Command[]): Card {
  const commandLines = registry.map((c) => {
    const json = c.data.toJSON();
    return `**/${json.name}** — ${json.description}`;
  });
  const sourceLines = library.documents.map(
    (d) => `• **${d.origin.title}**${d.reliability.level === 'low' ? t.lowReliability : ` (${d.origin.author})`}`,
  );
  return {
    title: t.title,
    description: t.intro,
    fields: [
      { name: t.commands, value: [...commandLines, t.mention].join('\n') },
      { name: t.sources, value: sourceLines.join('\n') || '—' },
    ],
    footer: t.footer,
  };
}

/** The /help command. */
export const help: Command = {
  data: new SlashCommandBuilder().setName('help').setDescription(t.description),
  async execute(ctx, services) {
    // Loaded on use: a static import would be a cycle (the registry imports this file), and whichever file a
    // process loaded first would meet the other half-initialised.
    const { commands } = await import('./index.ts');
    await ctx.reply({ card: helpCard(services.library, commands), ephemeral: true });
  },
};
