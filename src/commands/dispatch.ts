/**
 * Routes commands, components, mentions and autocomplete to the registry, for every transport alike.
 * Every handler runs inside a catch: an unknown failure is logged and the member gets an ephemeral apology.
 */
import type { AutocompleteContext, Command, CommandContext, ComponentContext, MentionContext, ModalSubmitContext } from './command-kit.ts';
import { parseCustomId } from './command-kit.ts';
import { commonText } from './messages.ts';
import type { CommandServices } from './services.ts';

/** The entry points a front end calls. */
export interface Dispatcher {
  command(ctx: CommandContext): Promise<void>;
  component(ctx: ComponentContext): Promise<void>;
  /** A submitted form, routed by its id like a component. */
  modal(ctx: ModalSubmitContext): Promise<void>;
  mention(ctx: MentionContext): Promise<void>;
  autocomplete(ctx: AutocompleteContext): Promise<void>;
}

/** Apologises in whatever way is still open for this interaction; a failure to apologise is only logged. */
async function apologise(ctx: CommandContext | ComponentContext | ModalSubmitContext, services: CommandServices): Promise<void> {
  try {
    if (!ctx.answered) await ctx.reply({ text: commonText.failed, ephemeral: true });
    else if ('edit' in ctx) await ctx.edit({ text: commonText.failed });
    else await ctx.followUp({ text: commonText.failed, ephemeral: true });
  } catch (error) {
    services.log.warn({ err: error }, 'could not send the apology');
  }
}

/** Creates the dispatcher over one registry. */
export function createDispatcher(registry: readonly Command[], services: CommandServices): Dispatcher {
  const byName = new Map(registry.map((c) => [c.data.name, c]));
  const mentionHandler = registry.find((c) => c.onMention);
  const { log } = services;

  /** Runs the handler a custom id `<command>:<action>:<state>` routes to, or says the control is no longer active. */
  const routed = async <C extends ComponentContext | ModalSubmitContext>(
    ctx: C,
    handlers: (command: Command) => Record<string, (ctx: C, services: CommandServices, state: string) => Promise<void>> | undefined,
    failure: string,
  ): Promise<void> => {
    const { command: name, action, state } = parseCustomId(ctx.customId);
    const command = byName.get(name);
    const table = command ? handlers(command) : undefined;
    // Own entries only: a custom id naming "constructor" must not reach Object.prototype.
    const handler = table && Object.hasOwn(table, action) ? table[action] : undefined;
    try {
      if (!handler) {
        await ctx.reply({ text: commonText.unknownComponent, ephemeral: true });
        return;
      }
      await handler(ctx, services, state);
    } catch (error) {
      log.error({ err: error, customId: ctx.customId, interaction: ctx.id }, failure);
      await apologise(ctx, services);
    }
  };

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
    component: (ctx) => routed(ctx, (command) => command.components, 'component failed'),
    modal: (ctx) => routed(ctx, (command) => command.modals, 'form failed'),
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
