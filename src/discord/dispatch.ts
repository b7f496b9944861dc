/**
 * Routes commands, components, mentions and autocomplete to the registry, for Discord and the console alike.
 * Every handler runs inside a catch: an unknown failure is logged and the member gets an ephemeral apology.
 */
import type { AutocompleteContext, Command, CommandContext, ComponentContext, MentionContext } from './command-kit.ts';
import { parseCustomId } from './command-kit.ts';
import { commonText } from './messages.ts';
import type { BotServices } from './services.ts';

/** The four entry points a front end calls. */
export interface Dispatcher {
  command(ctx: CommandContext): Promise<void>;
  component(ctx: ComponentContext): Promise<void>;
  mention(ctx: MentionContext): Promise<void>;
  autocomplete(ctx: AutocompleteContext): Promise<void>;
}

/** Apologises in whatever way is still open for this interaction; a failure to apologise is only logged. */
async function apologise(ctx: CommandContext | ComponentContext, services: BotServices): Promise<void> {
  try {
    if (!ctx.answered) await ctx.reply({ text: commonText.failed, ephemeral: true });
    else if ('edit' in ctx) await ctx.edit({ text: commonText.failed });
    else await ctx.followUp({ text: commonText.failed, ephemeral: true });
  } catch (error) {
    services.logger.warn({ err: error }, 'could not send the apology');
  }
}

/** Creates the dispatcher over one registry. */
export function createDispatcher(registry: readonly Command[], services: BotServices): Dispatcher {
  const byName = new Map(registry.map((c) => [c.data.name, c]));
  const mentionHandler = registry.find((c) => c.onMention);
  const log = services.logger;

  return {
    async command(ctx) {
      const command = byName.get(ctx.commandName);
      try {
        if (!command) {
          await ctx.reply({ text: commonText.unknownCommand, ephemeral: true });
          return;
        }
        await command.execute(ctx, services);
      } catch (error) {
        log.error({ err: error, command: ctx.commandName, interaction: ctx.id }, 'command failed');
        await apologise(ctx, services);
      }
    },
    async component(ctx) {
      const { command: name, action, state } = parseCustomId(ctx.customId);
      const components = byName.get(name)?.components;
      // Own entries only: a custom id naming "constructor" must not reach Object.prototype.
      const handler = components && Object.hasOwn(components, action) ? components[action] : undefined;
      try {
        if (!handler) {
          await ctx.reply({ text: commonText.unknownComponent, ephemeral: true });
          return;
        }
        await handler(ctx, services, state);
      } catch (error) {
        log.error({ err: error, customId: ctx.customId, interaction: ctx.id }, 'component failed');
        await apologise(ctx, services);
      }
    },
    async mention(ctx) {
      if (!mentionHandler?.onMention) return;
      try {
        await mentionHandler.onMention(ctx, services);
      } catch (error) {
        log.error({ err: error, message: ctx.id }, 'mention failed');
        try {
          await ctx.reply({ text: commonText.failed });
        } catch (inner) {
          log.warn({ err: inner }, 'could not send the apology');
        }
      }
    },
    async autocomplete(ctx) {
      const command = byName.get(ctx.commandName);
      try {
        if (command?.autocomplete) await command.autocomplete(ctx, services);
        else await ctx.respond([]);
      } catch (error) {
        log.error({ err: error, command: ctx.commandName }, 'autocomplete failed');
      }
    },
  };
}
