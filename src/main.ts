/**
 * The composition root: configuration → logger → store → knowledge → use cases → Discord (when DISCORD_TOKEN is
 * set) or the console playground. Everything is built once, here; `npm start` runs this file, tests call startApp
 * with their own environment, and the `coach` CLI builds its answer service with buildAnswerService.
 */
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import type pino from 'pino';
import { ConfigError, loadConfig, processEnvironment, secretsOf, type Config } from './config.ts';
import { createLogger, createScrubber, type Logger, type Scrubber } from './logger.ts';
import { isMainModule } from './main-module.ts';
import type { Library } from './core/library.ts';
import type { PlanKnowledge } from './core/training-rules.ts';
import { createAnswerService, type AnswerService } from './app/answer-question.ts';
import { startDailyJob, type DailyJob } from './app/daily-job.ts';
import { composeDailyPost } from './app/daily-post.ts';
import { createDailyScheduler, type DailyScheduler } from './app/daily-scheduler.ts';
import { createDailyService, type DailyService } from './app/daily-service.ts';
import type { ClaimStore, Clock, HitStore, Log, Poster, ProfileStore, Retriever, TrainingLogStore, VoteStore, WorkoutSessionStore } from './app/ports.ts';
import { createProfileService } from './app/profile-service.ts';
import { createRateLimiter } from './app/rate-limit.ts';
import { createSharedQueue } from './app/shared-queue.ts';
import { createTrainingLogService } from './app/training-log-service.ts';
import { createVoteService } from './app/vote-service.ts';
import { createWorkoutService } from './app/workout-service.ts';
import { openDailySettingsStore } from './adapters/keyv/daily-settings-store.ts';
import { keyvProfileStore, keyvSessionStore, keyvVoteStore } from './adapters/keyv/keyv-member-stores.ts';
import { openStore, type OpenStore } from './adapters/keyv/open-store.ts';
import { keyvTrainingLogStore } from './adapters/keyv/training-log-store.ts';
import { loadPlanKnowledge } from './adapters/knowledge/load-plan-knowledge.ts';
import { createMinisearchRetriever, deferredRetriever } from './adapters/knowledge/minisearch-retriever.ts';
import { openClaimStore } from './adapters/open-claim-store.ts';
import { openHitStore, openLockStore } from './adapters/open-atomic-stores.ts';
import { loadPrompt } from './adapters/prompts/load-prompt.ts';
import { systemClock } from './adapters/system-clock.ts';
import { dailyPostCard } from './commands/cards/daily-post-card.ts';
import type { CommandServices } from './commands/services.ts';
import { commands } from './commands/index.ts';
// Type only: the Discord transport itself is loaded when a token is set.
import type { Bot, ShardSpec } from './discord/bot.ts';
import type { ShardEntry, ShardFleet } from './discord/shard-manager.ts';

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
  /** Aborting it stops a start-up under way (a signal arrived): startApp then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The raw stores behind the use cases, for inspection by tests and tools (handlers never see them). */
export interface AppStores {
  profiles: ProfileStore;
  votes: VoteStore;
  sessions: WorkoutSessionStore;
  hits: HitStore;
  trainingLog: TrainingLogStore;
}

/** The daily posts of a Discord-mode app. */
export interface DailyParts {
  service: DailyService;
  scheduler: DailyScheduler;
  claims: ClaimStore;
}

/** A started app. */
export interface RunningApp {
  mode: 'discord' | 'console';
  config: Config;
  logger: Logger;
  store: OpenStore;
  stores: AppStores;
  services: CommandServices;
  /** Set in Discord mode. */
  daily: DailyParts | undefined;
  /** Set in Discord mode. */
  bot: Bot | undefined;
  /** Resolves when the app has nothing left to do (console: end of input; Discord: after stop()). */
  done: Promise<void>;
  /** Shuts down cleanly: daily job, gateway, then the store flushed and closed. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The answer service for a configuration: Claude when a key is set (with the configured timeout, retries and
 * overall budget), else the offline answerer. The bot and `coach ask` both build it here, so they answer alike.
 * `retriever` searches the library (the bot passes one whose index is built after ready; by default it is built here).
 */
export async function buildAnswerService(
  config: Config,
  library: Library,
  scrub: Scrubber = createScrubber(secretsOf(config)),
  retriever: Retriever = createMinisearchRetriever(library),
): Promise<AnswerService> {
  const { apiKey, model, baseUrl, timeoutMs, maxRetries, budgetMs } = config.anthropic;
  // The SDK is loaded only with a key: it adds ~23 MB to a bot that answers offline.
  const claude = apiKey
    ? (await import('./adapters/anthropic/claude-answerer.ts')).createClaudeAnswerer({
        apiKey,
        model,
        ...(baseUrl ? { baseURL: baseUrl } : {}),
        timeoutMs,
        maxRetries,
        scrub,
        systemPrompt: loadPrompt('answer-system'),
      })
    : null;
  return createAnswerService({ library, retriever, claude, budgetMs });
}

/** The gateway shard a process serves: its own under the shard manager, else the only one. */
function shardOf(config: Config): ShardSpec {
  return config.sharding.role === 'shard' ? { id: config.sharding.id, count: config.sharding.count } : { id: 0, count: 1 };
}

/** The daily posts over the store: settings, claims, the scheduler and the /daily service. */
async function buildDaily(deps: { config: Config; store: OpenStore; poster: Poster; knowledge: PlanKnowledge; clock: Clock; log: Logger }): Promise<DailyParts> {
  const claims = await openClaimStore(deps.store);
  const settings = await openDailySettingsStore(deps.store, {
    onInvalid: (guildId, problem) => deps.log.warn({ guildId, problem }, 'ignoring invalid daily settings'),
  });
  const compose = composeDailyPost(deps.knowledge);
  const scheduler = createDailyScheduler({
    settings,
    claims,
    poster: deps.poster,
    clock: deps.clock,
    compose,
    catchupMinutes: deps.config.daily.catchupMinutes,
    owner: `${hostname()}:${process.pid}`,
    log: deps.log,
    shard: shardOf(deps.config),
  });
  const service = createDailyService({ settings, claims, poster: deps.poster, clock: deps.clock, compose });
  return { service, scheduler, claims };
}

/** Builds every part from the environment and starts Discord or the console. */
export async function startApp(env: Record<string, string | undefined>, io: AppIo): Promise<RunningApp> {
  const config = loadConfig(env);
  if (config.sharding.role === 'manager') throw new Error('SHARDS asks for shard processes: start them with startShards, not startApp');
  // The one scrubber of this process: every log line, stored failure reason and start-up message passes through it.
  const scrub = createScrubber(secretsOf(config));
  const root = createLogger(config.logLevel ?? (config.discord.token ? 'info' : 'warn'), io.logDestination, scrub);
  const logger = config.sharding.role === 'shard' ? root.child({ shardProcess: config.sharding.id }) : root;
  const clock = io.clock ?? systemClock;
  // discord.js takes a few hundred milliseconds to load: start loading it now, while the store opens (SQLite works on
  // other threads), rather than after. Awaited below, where it is needed.
  const discordModule = config.discord.token ? import('./discord/bot.ts') : undefined;
  discordModule?.catch(() => undefined);
  const store = await openStore(config.keyvUrl, { cwd: io.cwd, onError: (error) => logger.error({ err: error }, 'store error') });
  let daily: DailyParts | undefined;
  try {
    // SQLite keeps expired entries until they are read; sweep them once per start.
    const purged = await store.purgeExpired();
    if (purged) logger.info({ purged }, 'expired store entries deleted');
    const knowledge = loadPlanKnowledge();
    const { library } = knowledge;
    // The search index is built once the bot is ready (or by the first /ask before that), not on the way to ready.
    const retriever = deferredRetriever(library);
    const answers = await buildAnswerService(config, library, scrub, retriever);
    // Read-modify-writes of one record run in turn across every process on the store, not only within this one.
    const locks = await openLockStore(store);
    const serialAcross = (namespace: string) => createSharedQueue(locks, { namespace });
    const stores: AppStores = {
      profiles: keyvProfileStore(store),
      votes: keyvVoteStore(store, serialAcross('votes')),
      sessions: keyvSessionStore(store),
      hits: await openHitStore(store),
      trainingLog: keyvTrainingLogStore(store, { onInvalid: (memberId, key, problem) => logger.warn({ memberId, key, problem }, 'skipping an unreadable training-log entry') }),
    };
    const askPolicy = { limit: config.ask.rateLimit, windowMinutes: config.ask.rateWindowMinutes };
    const askLimiter = createRateLimiter(stores.hits, clock, { limit: askPolicy.limit, windowMs: askPolicy.windowMinutes * 60_000 });

    // Discord mode: the client comes first, because the daily posts send through it.
    const discord = await discordModule;
    const client = discord?.createDiscordClient(config.discord.apiUrl, shardOf(config));
    if (client) {
      const { createDiscordPoster } = await import('./discord/discord-poster.ts');
      const dailyLog = logger.child({ feature: 'daily' });
      const poster = createDiscordPoster(client, (post) => dailyPostCard(post, knowledge), dailyLog, scrub);
      daily = await buildDaily({ config, store, poster, knowledge, clock, log: dailyLog });
    }

    const log: Log = logger;
    const trainingLog = createTrainingLogService({ store: stores.trainingLog, profiles: stores.profiles, exercises: knowledge.exercises, clock, serial: serialAcross('training-log') });
    const services: CommandServices = {
      knowledge,
      library,
      answers,
      workouts: createWorkoutService({ sessions: stores.sessions, profiles: stores.profiles, knowledge, clock, progress: trainingLog.progress, hasLog: trainingLog.hasLog, serial: serialAcross('workout-session') }),
      profiles: createProfileService({ profiles: stores.profiles, votes: stores.votes, sessions: stores.sessions, trainingLog, limiters: [askLimiter] }, clock, serialAcross('profile')),
      trainingLog,
      votes: createVoteService({ votes: stores.votes, clock }),
      askLimiter,
      askPolicy,
      catalog: commands.map((c) => c.data),
      log,
      ...(daily ? { daily: daily.service } : {}),
    };
    logger.info({ store: store.location.kind, answerer: config.anthropic.apiKey ? 'claude' : 'offline', model: config.anthropic.model }, 'services ready');

    let stopping: Promise<void> | null = null;
    let bot: RunningApp['bot'];
    let job: DailyJob | undefined;
    let done: Promise<void>;
    let finish = () => {};
    if (discord && client && config.discord.token) {
      bot = discord.createBot({ client, token: config.discord.token, commands, services, log });
      done = new Promise<void>((resolve) => (finish = resolve));
      try {
        await bot.start(io.signal);
        // The minute job starts once the gateway is ready: its posts go through the client.
        if (daily) job = startDailyJob(daily.scheduler, logger.child({ feature: 'daily' }));
        setImmediate(() => retriever.warm());
      } catch (error) {
        await bot.stop().catch(() => undefined);
        await daily?.claims.close().catch(() => undefined);
        if (io.signal?.aborted) throw io.signal.reason;
        if (error instanceof discord.DiscordStartError) throw new discord.DiscordStartError(scrub(error.message));
        throw new discord.DiscordStartError(`Could not connect to Discord at ${config.discord.apiUrl}: ${scrub((error as Error).message)}. Check DISCORD_TOKEN and DISCORD_API_URL.`);
      }
    } else {
      const { runPlayground } = await import('./console/console-playground.ts');
      done = runPlayground({ input: io.stdin, write: io.stdout, commands, services, banner: Boolean((io.stdin as { isTTY?: boolean }).isTTY) });
    }
    const stop = () =>
      (stopping ??= (async () => {
        logger.info('shutting down');
        // The daily job first, so no post starts while the gateway is closing; it waits for posts under way, since
        // closing the store under a claimed, unposted slot would lose that day's post.
        await (job?.stop() ?? daily?.scheduler.stop())?.catch((error: unknown) => logger.error({ err: error }, 'daily posts stop failed'));
        await daily?.claims.close().catch((error: unknown) => logger.error({ err: error }, 'claim store close failed'));
        await bot?.stop().catch((error: unknown) => logger.error({ err: error }, 'gateway close failed'));
        await store.close().catch((error: unknown) => logger.error({ err: error }, 'store close failed'));
        finish();
      })());
    return { mode: bot ? 'discord' : 'console', config, logger, store, stores, services, daily, bot, done, stop };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

/**
 * What a shard child process runs: this very module, with the Node flags this process was started with. Under
 * `npm start` that is the compiled dist/main.js with the heap flags, so the children run built JS too; from source
 * (`npm run dev`, tests) it is src/main.ts with `--import tsx`. The one place to change if the children should run
 * something else.
 */
export function shardEntry(): ShardEntry {
  return { file: fileURLToPath(import.meta.url), execArgv: process.execArgv };
}

/** A started shard manager (SHARDS above 1): the child processes, one per shard, each running startApp. */
export interface RunningShards {
  mode: 'shards';
  config: Config;
  logger: Logger;
  fleet: ShardFleet;
  /** Resolves after stop(). */
  done: Promise<void>;
  /** Stops every shard process (each shuts down as on SIGTERM). Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts one child process per shard; `env` is also the children's environment, `entry` what they run; aborting `signal` stops a start under way. */
export async function startShards(env: Record<string, string | undefined>, io: Pick<AppIo, 'logDestination'> = {}, entry: ShardEntry = shardEntry(), signal?: AbortSignal): Promise<RunningShards> {
  const config = loadConfig(env);
  if (config.sharding.role !== 'manager' || !config.discord.token) throw new Error('startShards needs SHARDS above 1 (or auto) and DISCORD_TOKEN');
  const scrub = createScrubber(secretsOf(config));
  const logger = createLogger(config.logLevel ?? 'info', io.logDestination, scrub).child({ role: 'shard-manager' });
  const { startShardManager, DiscordStartError } = await import('./discord/shard-manager.ts');
  let fleet: ShardFleet;
  try {
    fleet = await startShardManager({ token: config.discord.token, apiUrl: config.discord.apiUrl, shards: config.sharding.shards, entry, env, log: logger, signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new DiscordStartError(`Could not start the shard processes: ${scrub((error as Error).message)}`);
  }
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('stopping shard processes');
      await fleet.stop();
      finish();
    })());
  logger.info({ shards: fleet.count }, 'all shards ready');
  return { mode: 'shards', config, logger, fleet, done, stop };
}

/** Errors start-up reports as their message alone: each says what to fix. Anything else is a bug and keeps its stack. */
const EXPLAINED_START_ERRORS = new Set(['ConfigError', 'StoreError', 'KnowledgeError', 'DiscordStartError']);

/**
 * `npm start`: runs the app (or the shard processes), prints a start-up problem as one clear line with a non-zero
 * exit, and shuts down on SIGTERM/SIGINT at any moment: during start-up the start is abandoned, once running the
 * app stops cleanly, and a second signal ends the process at once.
 */
async function main(): Promise<void> {
  // `npm start | head` closes stdout early: that is the reader's choice, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  let app: RunningApp | RunningShards | undefined;
  const starting = new AbortController();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      // Asked twice: whatever is still running is not worth waiting for.
      process.exit(1);
    }
    stopping = true;
    if (!app) {
      starting.abort(new Error(`stopped by ${signal} during start-up`));
      return;
    }
    app.logger.info({ signal }, 'signal received');
    void app.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // A shard child whose manager died (even by SIGKILL) loses its IPC channel: it shuts down rather than live on orphaned.
  if (process.send) process.once('disconnect', () => shutdown('disconnect'));
  const env = processEnvironment();
  let scrub: Scrubber = (text) => text;
  try {
    const config = loadConfig(env);
    scrub = createScrubber(secretsOf(config));
    app =
      config.sharding.role === 'manager'
        ? await startShards(env, {}, shardEntry(), starting.signal)
        : await startApp(env, { stdin: process.stdin, stdout: (text) => process.stdout.write(text), signal: starting.signal });
  } catch (error) {
    // Stopped by a signal while starting: that is what was asked for.
    if (starting.signal.aborted) process.exit(0);
    const err = error as Error;
    process.stderr.write(`pump-coach could not start: ${scrub(EXPLAINED_START_ERRORS.has(err.name) ? err.message : String(err.stack ?? err))}\n`);
    // Exit now: everything was closed, but a gateway shard destroyed while it waits to reconnect keeps trying
    // (@discordjs/ws), which would hold the process up for good.
    process.exit(error instanceof ConfigError ? 2 : 1);
  }
  const running = app;
  process.on('unhandledRejection', (reason) => running.logger.error({ err: reason }, 'unhandled rejection'));
  if (starting.signal.aborted) {
    // The signal came as the start finished: stop what was started.
    await running.stop();
    process.exit(0);
  }
  await running.done;
  if (running.mode === 'console') {
    await running.stop();
    process.exit(0);
  }
}

if (isMainModule(import.meta.url)) await main();
