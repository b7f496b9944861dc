/**
 * The daily-post scheduler: each tick visits the servers whose slot may be due, and posts each due slot exactly
 * once across processes (claim, post, mark posted); slots older than the catch-up window are recorded as missed.
 * Each server's next due instant sits in a queue ordered by that instant, so a tick pops only what is due, and the
 * store's change log says which servers a `/daily set` (in any process) changed, so only those are read again.
 */
import type { DailySettings } from '../core/daily-settings.ts';
import { seedForDate } from '../core/daily-rotation.ts';
import { shardForGuild } from '../core/shards.ts';
import { dailyMessages } from './daily-messages.ts';
import type { ComposeDailyPost } from './daily-post.ts';
import { slotState } from './daily-schedule.ts';
import { DueQueue } from './due-queue.ts';
import type { ClaimStore, Clock, DailySettingsStore, Log, NoticeOutcome, PauseNotice, Poster } from './ports.ts';

/** What one tick did, for logs, tests and the benchmark. */
export interface TickReport {
  /** `<guild>:<date>` keys posted by this process. */
  posted: string[];
  /** Keys another process (or an earlier tick) already held. */
  alreadyClaimed: string[];
  /** Keys recorded as missed (older than the catch-up window). */
  missed: string[];
  /** Guilds paused in this tick, with the reason. */
  paused: { guildId: string; reason: string }[];
  /** Keys whose post failed in a way a later tick may retry. */
  retrying: string[];
  /** Keys on a rest day that posts nothing. */
  resting: string[];
  /** True when a tick was still running (or the service was stopping) and this one did nothing. */
  skipped: boolean;
}

/**
 * A claim still unmarked after this long is taken over by another tick or process. Far longer than a post takes
 * (seconds, a minute with REST retries), and within Discord's few minutes of nonce checks, so if the dead owner
 * did send the message, the repeat with the same nonce is dropped by Discord. @default 2 minutes
 */
export const STALE_CLAIM_MS = 2 * 60_000;

/** The claim key of a server's local date. */
export function claimKey(guildId: string, localDate: string): string {
  return `${guildId}:${localDate}`;
}

/** A Discord message nonce (≤ 25 chars) stable per slot, so Discord drops a duplicate send of the same slot. */
export function slotNonce(key: string): string {
  return `d${seedForDate(key, 'a').toString(36)}${seedForDate(key, 'b').toString(36)}`.slice(0, 25);
}

/** Collaborators of the scheduler. */
export interface DailySchedulerDeps {
  settings: DailySettingsStore;
  claims: ClaimStore;
  poster: Poster;
  clock: Clock;
  compose: ComposeDailyPost;
  /** How late a slot may still be posted. @default 180 */
  catchupMinutes?: number;
  /** This process's name in claims (host:pid in production). */
  owner: string;
  log?: Pick<Log, 'info' | 'warn' | 'error'>;
  /** Posts sent at once within one tick. @default 8 */
  concurrency?: number;
  /** Transient failures of one slot before it is given up. @default 3 */
  maxAttempts?: number;
  /** How often a claim is renewed while its post is in flight. @default CLAIM_RENEW_MS */
  renewEveryMs?: number;
  /** The gateway shard this process serves: only its own servers are considered. @default every server */
  shard?: { id: number; count: number };
}

/** A post in flight renews its claim this often, so a slow send (REST retries, a 429) never looks stale. @default 30 s */
export const CLAIM_RENEW_MS = STALE_CLAIM_MS / 4;

/** One server this process schedules. */
interface Entry {
  settings: DailySettings;
  /** The settings fields its next due instant depends on. */
  fingerprint: string;
}

function fingerprint(settings: DailySettings): string {
  return `${settings.time}|${settings.timezone}|${settings.activeFrom}|${settings.paused ? 'p' : ''}|${settings.channelId}`;
}

/** The scheduler over injected stores, poster and clock. */
export function createDailyScheduler(deps: DailySchedulerDeps) {
  const catchupMinutes = deps.catchupMinutes ?? 180;
  const concurrency = deps.concurrency ?? 8;
  const maxAttempts = deps.maxAttempts ?? 3;
  const renewEveryMs = deps.renewEveryMs ?? CLAIM_RENEW_MS;
  /** This shard's servers, and when each next needs a visit (a paused server is not queued). */
  const entries = new Map<string, Entry>();
  const due = new DueQueue<string>();
  /** Where this process is in the settings' change log; undefined until the first full listing. */
  let cursor: string | undefined;
  const attempts = new Map<string, number>();
  /** The tick in progress, so stop() can wait for its posts to be marked. */
  let running: Promise<TickReport> | undefined;
  let stopping = false;

  // Each shard process posts for the servers its gateway shard serves; claims still make each post exactly-once.
  const mine = (guildId: string) => !deps.shard || deps.shard.count <= 1 || shardForGuild(guildId, deps.shard.count) === deps.shard.id;

  /** Takes in a server's current settings: a new or changed schedule is visited on this tick; an unchanged one keeps its place. */
  function upsert(settings: DailySettings): void {
    const print = fingerprint(settings);
    const entry = entries.get(settings.guildId);
    if (entry && entry.fingerprint === print) {
      entry.settings = settings;
      return;
    }
    entries.set(settings.guildId, { settings, fingerprint: print });
    if (settings.paused) due.delete(settings.guildId);
    else due.set(settings.guildId, Number.NEGATIVE_INFINITY);
  }

  function remove(guildId: string): void {
    entries.delete(guildId);
    due.delete(guildId);
  }

  /** Brings the schedule up to date with the store: everything once, then only the servers changed since. */
  async function sync(): Promise<void> {
    const changes = await deps.settings.changes(cursor);
    if (changes.changed === 'all') {
      const listed = new Set<string>();
      for (const settings of await deps.settings.all()) {
        if (!mine(settings.guildId)) continue;
        listed.add(settings.guildId);
        upsert(settings);
      }
      for (const guildId of [...entries.keys()]) if (!listed.has(guildId)) remove(guildId);
    } else {
      for (const guildId of changes.changed) {
        if (!mine(guildId)) continue;
        const settings = await deps.settings.get(guildId);
        if (settings) upsert(settings);
        else remove(guildId);
      }
    }
    cursor = changes.cursor;
  }

  async function pause(settings: DailySettings, reason: string, report: TickReport): Promise<void> {
    const now = deps.clock.now();
    // Re-read: if an admin has meanwhile pointed the schedule elsewhere (here or in another process), keep their change.
    const current = await deps.settings.get(settings.guildId);
    if (!current || current.channelId !== settings.channelId || current.activeFrom !== settings.activeFrom) return;
    await deps.settings.set({ ...current, paused: { reason, at: now.toISOString() } });
    report.paused.push({ guildId: settings.guildId, reason });
    deps.log?.warn({ guildId: settings.guildId, channelId: settings.channelId, reason }, 'daily post paused');
    await tellAdmin({ guildId: current.guildId, channelId: current.channelId, setBy: current.setBy, reason });
  }

  /** Tells whoever set the schedule that it paused (once: a paused schedule is not visited again until /daily set). */
  async function tellAdmin(notice: PauseNotice): Promise<void> {
    let told: NoticeOutcome = 'none';
    try {
      told = (await deps.poster.notifyPaused?.(notice)) ?? 'none';
    } catch (error) {
      deps.log?.warn({ guildId: notice.guildId, err: (error as Error).message }, 'could not tell the admin of a paused daily schedule');
    }
    if (told === 'none') deps.log?.error({ guildId: notice.guildId, setBy: notice.setBy, reason: notice.reason }, dailyMessages.nobodyTold);
    else deps.log?.info({ guildId: notice.guildId, setBy: notice.setBy, via: told }, 'told the admin the daily schedule paused');
  }

  /** Claims, posts and marks one slot; returns when to look at it again, if that is sooner than the next slot. */
  async function postSlot(settings: DailySettings, localDate: string, report: TickReport): Promise<number | undefined> {
    const key = claimKey(settings.guildId, localDate);
    const now = deps.clock.now();
    const claimed =
      (await deps.claims.claim(key, deps.owner, now)) ||
      // A claim never marked long after it was taken belongs to a process that died mid-post: take the slot over.
      (await deps.claims.reclaimStale(key, deps.owner, new Date(now.getTime() - STALE_CLAIM_MS), now));
    if (!claimed) {
      report.alreadyClaimed.push(key);
      // Held but not yet marked: look again once that claim would count as stale, in case its owner has died.
      const held = await deps.claims.get(key);
      return held?.status === 'claimed' ? Date.parse(held.claimedAt) + STALE_CLAIM_MS : undefined;
    }
    let post;
    try {
      post = deps.compose(settings, localDate);
    } catch (error) {
      post = error as Error;
    }
    if (post === null) {
      // A rest day that posts nothing: let the slot go, and look again at the next one.
      await deps.claims.release(key, deps.owner);
      report.resting.push(key);
      return undefined;
    }
    let outcome;
    // While the send is in flight the claim is renewed, so another process never takes a live post over.
    const renewal = setInterval(() => {
      deps.claims.renew(key, deps.owner, deps.clock.now()).then(
        (held) => held || deps.log?.warn({ key }, 'daily claim was taken over while its post was in flight'),
        (error: unknown) => deps.log?.warn({ key, err: (error as Error).message }, 'daily claim renewal failed'),
      );
    }, renewEveryMs);
    try {
      // A post that could not be built is a bug; it is retried like a failed send, then given up.
      if (post instanceof Error) throw post;
      outcome = await deps.poster.post(settings.channelId, post, { nonce: slotNonce(key), thread: settings.thread });
    } catch (error) {
      outcome = { ok: false as const, kind: 'transient' as const, reason: (error as Error).message };
    } finally {
      clearInterval(renewal);
    }
    if (outcome.ok) {
      // False only if the claim was taken over (its renewals failed): the taker's record stands; the shared nonce
      // makes Discord drop the taker's repeat of this message.
      if (!(await deps.claims.markPosted(key, deps.owner, outcome.messageId, deps.clock.now()))) deps.log?.warn({ key }, 'daily post sent after its claim was taken over');
      attempts.delete(key);
      report.posted.push(key);
      deps.log?.info({ key, messageId: outcome.messageId }, 'daily post sent');
      return undefined;
    }
    if (outcome.kind === 'transient') {
      const tries = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, tries);
      if (tries >= maxAttempts) {
        // Give the slot up rather than retry every minute for the whole window.
        await deps.claims.markFailed(key, deps.owner, outcome.reason, deps.clock.now());
        attempts.delete(key);
        deps.log?.warn({ key, reason: outcome.reason, tries }, 'daily post given up');
        return undefined;
      }
      await deps.claims.release(key, deps.owner);
      report.retrying.push(key);
      deps.log?.warn({ key, reason: outcome.reason, tries }, 'daily post failed; will retry next minute');
      return deps.clock.now().getTime() + 60_000;
    }
    const reason = outcome.kind === 'gone' ? dailyMessages.pausedGone : dailyMessages.pausedForbidden(outcome.reason);
    // A slot taken over meanwhile is the taker's to post or fail: a late failure here must not pause its schedule.
    if (await deps.claims.markFailed(key, deps.owner, reason, deps.clock.now())) await pause(settings, reason, report);
    else deps.log?.warn({ key, reason }, 'daily post failed after its claim was taken over; not pausing');
    return undefined;
  }

  /** Posts or records the server's latest slot if it is due or missed; returns when it next needs a visit. */
  async function visit(settings: DailySettings, now: Date, report: TickReport): Promise<number> {
    const state = slotState(settings, now, catchupMinutes);
    let until = state.next.getTime();
    if (state.kind === 'due') {
      const retryAt = await postSlot(settings, state.localDate, report);
      if (retryAt !== undefined) until = Math.min(until, retryAt);
    } else if (state.kind === 'missed') {
      const key = claimKey(settings.guildId, state.localDate);
      const note = `missed: the slot at ${state.slot.toISOString()} was more than ${catchupMinutes} minutes ago when the bot checked`;
      if (await deps.claims.recordMissed(key, note, now)) {
        report.missed.push(key);
        deps.log?.info({ key }, 'daily slot missed');
      }
    }
    return until;
  }

  async function runTick(report: TickReport): Promise<TickReport> {
    await sync();
    const now = deps.clock.now();
    const nowMs = now.getTime();
    // Only what is due: a tick with nothing due costs one read of the change log and a look at the queue's head.
    const visiting = due.popDue(nowMs);
    let next = 0;
    // A few guilds at a time: posts overlap, but a slow channel cannot hold up the rest for long.
    const worker = async () => {
      while (!stopping && next < visiting.length) {
        const guildId = visiting[next++] as string;
        const entry = entries.get(guildId);
        if (!entry) continue;
        // Computing many slots (the start-up tick) is CPU work: let interactions in between batches.
        if (next % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
        let until = nowMs;
        try {
          until = await visit(entry.settings, now, report);
        } catch (error) {
          // Looked at again on the next tick.
          deps.log?.warn({ guildId, err: (error as Error).message }, 'daily tick failed for one server');
        }
        if (entries.get(guildId) === entry && !entry.settings.paused) due.set(guildId, until);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, visiting.length) }, worker));
    // Servers left unvisited by a stop are due again (after a restart, the catch-up window covers them).
    for (; next < visiting.length; next++) due.set(visiting[next] as string, nowMs);
    return report;
  }

  return {
    /** One pass over every configured server: post what is due, record what was missed. Never throws for one server. */
    async tick(): Promise<TickReport> {
      const report: TickReport = { posted: [], alreadyClaimed: [], missed: [], paused: [], retrying: [], resting: [], skipped: false };
      if (running || stopping) return { ...report, skipped: true };
      running = runTick(report);
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },

    /**
     * Ends the ticks: no new server is visited, and the posts already under way finish and are marked, so a
     * shutdown never closes the store under a claimed slot (which would then never be posted). Servers left
     * unvisited are caught up after the restart, within the catch-up window.
     */
    async stop(): Promise<void> {
      stopping = true;
      await running?.catch(() => undefined);
    },
  };
}

/** The scheduler's interface. */
export type DailyScheduler = ReturnType<typeof createDailyScheduler>;
