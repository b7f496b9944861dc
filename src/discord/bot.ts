/** The Discord transport: a discord.js Client on the configured REST base, routing every event to the command registry. */
import type { Interaction, Message } from 'discord.js';
import { Client, Events, GatewayIntentBits, Options } from './discord-js.ts';
import type { Log } from '../app/ports.ts';
import type { Command } from '../commands/command-kit.ts';
import { createDispatcher } from '../commands/dispatch.ts';
import type { CommandServices } from '../commands/services.ts';
import { autocompleteContext, commandContext, componentContext, mentionContext, modalSubmitContext } from './interaction-adapters.ts';
import { checkGatewayAnswers, DiscordStartError } from './gateway-info.ts';
import { routeInteractionsPastGlobalLimit } from './interaction-rest.ts';

export { DiscordStartError } from './gateway-info.ts';

/** How long stop() waits for in-flight handlers. @default 5000 */
export const STOP_GRACE_MS = 5000;

/** What the bot needs to connect. */
export interface BotOptions {
  client: Client;
  token: string;
  commands: readonly Command[];
  services: CommandServices;
  log: Log;
}

/**
 * Failed connections to the gateway before start-up gives up: an unreachable gateway is otherwise retried for good,
 * with the process neither serving nor exiting. @default 5
 */
export const GATEWAY_START_ATTEMPTS = 5;
/** How long start-up may take from login to a ready gateway. @default 60000 */
export const GATEWAY_START_TIMEOUT_MS = 60_000;

/** A running (or startable) bot. */
export interface Bot {
  client: Client;
  /**
   * Logs in and resolves once the gateway is ready; rejects with a DiscordStartError after GATEWAY_START_ATTEMPTS
   * failed connections or GATEWAY_START_TIMEOUT_MS, and at once when `signal` aborts.
   */
  start(signal?: AbortSignal): Promise<void>;
  /** Closes the gateway connection; in-flight handlers finish first. */
  stop(): Promise<void>;
}

/** Which gateway shard a client connects as. @default shard 0 of 1 */
export interface ShardSpec {
  id: number;
  count: number;
}

/**
 * The discord.js client on a REST base (DISCORD_API_URL); the gateway URL comes from GET /gateway/bot on it. The
 * shard is always given, so discord.js never reads it from SHARDS/SHARD_COUNT in the environment itself.
 */
export function createDiscordClient(apiUrl: string, shard: ShardSpec = { id: 0, count: 1 }): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: apiUrl },
    shards: [shard.id],
    shardCount: shard.count,
    // The bot reads no history and looks nobody up: bounded caches keep memory flat however many members it meets.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 25,
      UserManager: { maxSize: 500, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
  });
  routeInteractionsPastGlobalLimit(client, client.options.rest ?? {});
  checkGatewayAnswers(client, apiUrl);
  return client;
}

/** Whether a message's text mentions the bot itself (`<@id>` or `<@!id>`): a reply that only pings the bot does not. */
export function mentionsBot(content: string, botId: string): boolean {
  return content.includes(`<@${botId}>`) || content.includes(`<@!${botId}>`);
}

/** Wires every event of the client to the dispatcher. */
export function createBot(options: BotOptions): Bot {
  const { client, log } = options;
  const dispatch = createDispatcher(options.commands, options.services);
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const privately = new Set(options.commands.filter((c) => c.data.privateReplies).map((c) => c.data.name));
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (interaction.isChatInputCommand()) track(dispatch.command(commandContext(interaction, { log, ephemeral: privately.has(interaction.commandName) })));
    else if (interaction.isButton() || interaction.isStringSelectMenu()) track(dispatch.component(componentContext(interaction, { log })));
    else if (interaction.isModalSubmit()) track(dispatch.modal(modalSubmitContext(interaction, { log })));
    else if (interaction.isAutocomplete()) track(dispatch.autocomplete(autocompleteContext(interaction)));
  });
  client.on(Events.MessageCreate, (message: Message) => {
    const me = client.user;
    if (!me || message.author.bot || message.author.id === me.id) return;
    // Only a mention of the bot written in the message counts: not @everyone, role pings, or the ping of a reply.
    if (!mentionsBot(message.content, me.id)) return;
    track(dispatch.mention(mentionContext(message)));
  });
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'REST rate limited'));
  // An unexpected 429 is retried by discord.js after retry_after; log it so a misbehaving proxy shows up. Read from
  // the debug lines (a few per rate limit), not the 'response' event: a 'response' listener makes @discordjs/rest
  // clone every response's body, which cost more CPU per reply than anything else the bot added.
  client.rest.on('restDebug', (message) => {
    if (!message.includes('Encountered unexpected 429')) return;
    const field = (name: string) => new RegExp(`${name}\\s*:\\s*(\\S+)`).exec(message)?.[1];
    log.warn({ route: field('Bucket'), method: field('Method') }, 'REST 429; retrying after retry_after');
  });

  return {
    client,
    async start(signal) {
      const cleanup: (() => void)[] = [];
      const ready = new Promise<void>((resolve, reject) => {
        const onReady = () => resolve();
        client.once(Events.ClientReady, onReady);
        let failures = 0;
        const onReconnecting = () => {
          failures += 1;
          if (failures >= GATEWAY_START_ATTEMPTS) reject(new DiscordStartError(`Discord's gateway could not be reached (${failures} attempts failed). Check the network, or DISCORD_API_URL if it points to a proxy.`));
        };
        client.on(Events.ShardReconnecting, onReconnecting);
        const timer = setTimeout(() => reject(new DiscordStartError(`Discord's gateway was not ready within ${GATEWAY_START_TIMEOUT_MS / 1000} s. Check the network, or DISCORD_API_URL if it points to a proxy.`)), GATEWAY_START_TIMEOUT_MS);
        const onAbort = () => reject(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        if (signal?.aborted) onAbort();
        cleanup.push(() => {
          client.off(Events.ClientReady, onReady);
          client.off(Events.ShardReconnecting, onReconnecting);
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        });
      });
      try {
        // login() itself may wait for the gateway: whichever fails first ends start-up.
        await Promise.all([client.login(options.token), ready]);
      } finally {
        for (const undo of cleanup) undo();
      }
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'bot ready');
    },
    async stop() {
      // Let in-flight handlers finish, but never let a stuck one hold up shutdown.
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
      await client.destroy();
    },
  };
}
