/**
 * Composition of the daily posts for main.ts: the claim store beside KEYV_URL (SQLite table or Redis SET NX),
 * the keyv settings store, the discord.js poster, the service, and the minute job started once the bot is ready.
 */
import { hostname } from 'node:os';
import type { Client } from 'discord.js';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { OpenStore } from './adapters/keyv/open-store.ts';
import { createKeyvDailySettingsStore } from './adapters/keyv/daily-settings-store.ts';
import { createSqlClaimStore, openSqliteClaimStore } from './adapters/sqlite/claim-store.ts';
import { createRedisClaimStore, type RedisClaimClient } from './adapters/redis/claim-store.ts';
import { composeDailyPost } from './app/daily-post.ts';
import { createDailyService, type DailyService } from './app/daily-service.ts';
import type { ClaimStore, Clock } from './app/ports.ts';
import type { PlanKnowledge } from './core/training-rules.ts';
import { createDiscordPoster, startDailyPostJob, type DailyJob } from './discord/jobs/daily-post-job.ts';

/** The daily posts, built but not yet ticking. */
export interface DailyWiring {
  service: DailyService;
  /** Starts the minute job (and its start-up tick); call after the bot is ready. */
  start(): DailyJob;
  /** Stops the job and closes the claim store. */
  stop(): Promise<void>;
}

/** The claim store that lives beside the keyv store KEYV_URL names. */
export async function openClaimStore(store: OpenStore): Promise<ClaimStore> {
  if (store.location.kind === 'sqlite') {
    // Share keyv's connection when it offers one: a second connection would contend for the file's write lock.
    return store.sql ? createSqlClaimStore(store.sql) : openSqliteClaimStore(store.location.path);
  }
  if (!store.redis) throw new Error('the Redis store has no client');
  return createRedisClaimStore(store.redis as unknown as RedisClaimClient);
}

/** Builds the daily service for a Discord client. */
export async function wireDailyPosts(deps: {
  config: Config;
  store: OpenStore;
  client: Client;
  knowledge: PlanKnowledge;
  clock: Clock;
  logger: Logger;
}): Promise<DailyWiring> {
  const claims = await openClaimStore(deps.store);
  const log = deps.logger.child({ feature: 'daily' });
  const service = createDailyService({
    settings: createKeyvDailySettingsStore(deps.store.namespace('daily'), { onInvalid: (guildId, problem) => log.warn({ guildId, problem }, 'ignoring invalid daily settings') }),
    claims,
    poster: createDiscordPoster(deps.client, log),
    clock: deps.clock,
    compose: composeDailyPost(deps.knowledge),
    catchupMinutes: deps.config.daily.catchupMinutes,
    owner: `${hostname()}:${process.pid}`,
    log,
  });
  let job: DailyJob | undefined;
  return {
    service,
    start: () => (job ??= startDailyPostJob(service, log)),
    async stop() {
      // Waits for a tick in flight: closing the store under a claimed, unposted slot would lose that day's post.
      await (job?.stop() ?? service.stop());
      await claims.close();
    },
  };
}
