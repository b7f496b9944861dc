/**
 * The composition root: configuration → logger → store → knowledge → answer service → Discord (when DISCORD_TOKEN
 * is set) or the console playground. `npm start` runs this file; tests call startApp with their own environment.
 */
import { ConfigError, loadConfig, processEnvironment, type Config } from './config.ts';
import { createLogger, scrubSecrets, type Logger } from './logger.ts';
import { isMainModule } from './main-module.ts';
import { openStore, StoreError, type OpenStore } from './adapters/keyv/open-store.ts';
import { keyvHitStore, keyvProfileStore, keyvSessionStore, keyvVoteStore } from './adapters/keyv/keyv-member-stores.ts';
import { loadPlanKnowledge } from './adapters/knowledge/load-plan-knowledge.ts';
import { createMinisearchRetriever } from './adapters/knowledge/minisearch-retriever.ts';
import { loadPrompt } from './adapters/prompts/load-prompt.ts';
import { createAnswerService } from './app/answer-question.ts';
import { systemClock, type Clock } from './app/ports.ts';
import { createProfileService } from './app/profile-service.ts';
import { createRateLimiter } from './app/rate-limit.ts';
import { createBot, type Bot } from './discord/bot.ts';
import { commands } from './discord/commands/index.ts';
import type { BotServices } from './discord/services.ts';
import { runPlayground } from './console/console-playground.ts';
import { wireDailyPosts, type DailyWiring } from './daily-wiring.ts';
import type pino from 'pino';

/** Claude's budget per /ask: a chat user waits seconds, not minutes. */
export const CLAUDE_TIMEOUT_MS = 8000;
/** @see CLAUDE_TIMEOUT_MS */
export const CLAUDE_MAX_RETRIES = 1;

/** What the process talks to; tests pass their own. */
export interface AppIo {
  /** The console playground reads commands from here. */
  stdin: NodeJS.ReadableStream;
  /** The console playground writes replies here (logs go to stderr). */
  stdout(text: string): void;
  /** Where logs go. @default stderr */
  logDestination?: pino.DestinationStream;
  clock?: Clock;
  /** Working directory for relative KEYV_URL paths. @default process.cwd() */
  cwd?: string;
}

/** A started app. */
export interface RunningApp {
  mode: 'discord' | 'console';
  config: Config;
  logger: Logger;
  store: OpenStore;
  services: BotServices;
  /** Set in Discord mode. */
  bot: Bot | undefined;
  /** Resolves when the app has nothing left to do (console: end of input; Discord: after stop()). */
  done: Promise<void>;
  /** Shuts down cleanly: gateway closed, then the store flushed and closed. Safe to call twice. */
  stop(): Promise<void>;
}

/** Builds every part from the environment and starts Discord or the console. */
export async function startApp(env: Record<string, string | undefined>, io: AppIo): Promise<RunningApp> {
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel ?? (config.discord.token ? 'info' : 'warn'), io.logDestination);
  const clock = io.clock ?? systemClock;
  const store = await openStore(config.keyvUrl, { cwd: io.cwd, onError: (error) => logger.error({ err: error }, 'store error') });
  try {
    // SQLite keeps expired entries until they are read; sweep them once per start.
    const purged = await store.purgeExpired();
    if (purged) logger.info({ purged }, 'expired store entries deleted');
    const knowledge = loadPlanKnowledge();
    const library = knowledge.library;
    // The SDK is loaded only with a key: it adds ~23 MB to a bot that answers offline.
    const claude = config.anthropic.apiKey
      ? (await import('./adapters/anthropic/claude-answerer.ts')).createClaudeAnswerer({
          apiKey: config.anthropic.apiKey,
          model: config.anthropic.model,
          timeoutMs: CLAUDE_TIMEOUT_MS,
          maxRetries: CLAUDE_MAX_RETRIES,
          systemPrompt: loadPrompt('answer-system'),
        })
      : null;
    const answers = createAnswerService({ library, retriever: createMinisearchRetriever(library), claude });
    const askPolicy = { limit: config.ask.rateLimit, windowMinutes: config.ask.rateWindowMinutes };
    const askLimiter = createRateLimiter(keyvHitStore(store), clock, { limit: askPolicy.limit, windowMs: askPolicy.windowMinutes * 60_000 });
    const votes = keyvVoteStore(store);
    const sessions = keyvSessionStore(store);
    const services: BotServices = {
      knowledge,
      library,
      answers,
      profiles: createProfileService({ profiles: keyvProfileStore(store), votes, sessions, limiters: [askLimiter] }, clock),
      votes,
      sessions,
      askLimiter,
      askPolicy,
      clock,
      logger,
    };
    logger.info({ store: store.location.kind, answerer: claude ? 'claude' : 'offline', model: config.anthropic.model }, 'services ready');

    let stopping: Promise<void> | null = null;
    let bot: Bot | undefined;
    let daily: DailyWiring | undefined;
    let done: Promise<void>;
    let finish = () => {};
    if (config.discord.token) {
      bot = createBot({ token: config.discord.token, apiUrl: config.discord.apiUrl, commands, services, logger });
      // Daily posts send through the bot's client; the minute job starts once the gateway is ready.
      daily = await wireDailyPosts({ config, store, client: bot.client, knowledge, clock, logger });
      services.daily = daily.service;
      done = new Promise<void>((resolve) => (finish = resolve));
      try {
        await bot.start();
        daily.start();
      } catch (error) {
        await bot.stop().catch(() => undefined);
        await daily.stop().catch(() => undefined);
        throw new Error(`Could not connect to Discord: ${scrubSecrets((error as Error).message, [config.discord.token])}`);
      }
    } else {
      done = runPlayground({ input: io.stdin, write: io.stdout, commands, services, banner: Boolean((io.stdin as { isTTY?: boolean }).isTTY) });
    }
    const stop = () =>
      (stopping ??= (async () => {
        logger.info('shutting down');
        // The daily job first, so no post starts while the gateway is closing.
        await daily?.stop().catch((error: unknown) => logger.error({ err: error }, 'daily posts stop failed'));
        await bot?.stop().catch((error: unknown) => logger.error({ err: error }, 'gateway close failed'));
        await store.close().catch((error: unknown) => logger.error({ err: error }, 'store close failed'));
        finish();
      })());
    return { mode: bot ? 'discord' : 'console', config, logger, store, services, bot, done, stop };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

/** `npm start`: runs the app, prints start-up problems as one clear message, shuts down on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  // `npm start | head` closes stdout early: that is the reader's choice, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  // Signals are caught from the first moment: one that lands while the app is still starting stops it once it is up.
  let app: RunningApp | undefined;
  let stopSignal: string | undefined;
  const shutdown = (signal: string) => {
    stopSignal = signal;
    if (!app) return;
    app.logger.info({ signal }, 'signal received');
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  try {
    app = await startApp(processEnvironment(), { stdin: process.stdin, stdout: (text) => process.stdout.write(text) });
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof StoreError || (error as Error).name === 'KnowledgeError';
    process.stderr.write(`pump-coach could not start: ${known ? (error as Error).message : String((error as Error).stack ?? error)}\n`);
    process.exitCode = error instanceof ConfigError ? 2 : 1;
    return;
  }
  const running = app;
  process.on('unhandledRejection', (reason) => running.logger.error({ err: reason }, 'unhandled rejection'));
  if (stopSignal) shutdown(stopSignal);
  await running.done;
  if (running.mode === 'console') {
    await running.stop();
    process.exit(0);
  }
}

if (isMainModule(import.meta.url)) await main();
